// Unknown values in a preview, measured systematically for every Kubernetes policy (issue 15, item 5).
//
// A weakening is an object that makes a policy fire: every resource of the insecure examples, and
// mutations of the hardened examples' objects (below). For each weakening and each policy that fires
// on it, every field of the object (a bounded, evenly spread sample of leaves and subtrees) is made
// unknown in turn, as the engine sends it in a preview, and the verdict must obey:
//
// (a) An unknown never yields a finding that claims an insecure value: the findings are a subset of the
//     findings on the known object (by resource and field), and none names the unknown field or a field
//     inside it, unless presence alone decides (a hostPath volume, a literal env value, a subject bound
//     to cluster-admin: present whatever their value).
// (b) Findings on other known fields survive. A finding may be lost only to a deferral that names the
//     unknown field, and only when its verdict truly depends on that field, by this rule:
//       - the unknown field holds the finding's field, is that field, or lies inside it (its value); or
//       - it is a field the check reads to decide that finding, listed per policy in `dependsOn`: the
//         pod-level counterpart of a container field (runAsNonRoot, seccompProfile), the PSA exemptions
//         (spec.os for Windows, spec.hostUsers for user namespaces), hostNetwork for implied host ports,
//         the image for the image checks, an env var's name, a binding's roleRef and subject kind and
//         name, a role's namespace (aws-auth), the annotations that make a load balancer internal; for
//         stack policies the workload's namespace, pod labels and hostNetwork, and any field of the
//         sibling the verdict is about (a NetworkPolicy of the namespace, the Namespace, the ServiceAccount).
//     A deferral never names a field that is known.
import * as assert from "assert";
import * as path from "path";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { readStacks } from "../../cli/inputs";
import type { ResourceInput } from "../../engine/runner";
import { unknownSentinels } from "../../engine/wire";
import { policies } from "../../policies";
import { formatPath } from "../../policies/core";
import { packDir } from "../e2e";
import { allPaths, getAt, sample, setAt } from "../fuzz/json-paths";
import { checkResource, checkStack, hasStackPart } from "../harness";

const kubernetesPolicies = policies.filter((p) => p.tags?.includes("kubernetes"));
const isResourcePolicy = (p: unknown): p is ResourceValidationPolicy => typeof (p as ResourceValidationPolicy).validateResource !== "undefined";

function sentinelFor(value: unknown): string {
    if (Array.isArray(value)) return unknownSentinels.array;
    if (typeof value === "object" && value !== null) return unknownSentinels.object;
    if (typeof value === "number") return unknownSentinels.number;
    if (typeof value === "boolean") return unknownSentinels.bool;
    return unknownSentinels.string;
}

/** `a.b["c.d"][0]` and `a.b.c.d[0]` alike: paths compare without the quoting of dotted keys. */
function normal(field: string): string {
    return field.replace(/\["([^"]*)"\]/g, ".$1");
}

/** A finding's field: the first word after `<label>: `. */
function fieldOf(message: string): string {
    return normal(message.slice(message.indexOf(": ") + 2).split(" ")[0]);
}

/** The fields a deferral names: each `<label>: <field> is computed ...` of the SDK note. */
function deferredFields(unknown: string | undefined): { label: string; field: string }[] {
    if (!unknown) return [];
    return [...unknown.matchAll(/(?:^|; )(\w+ "[^"]*"): (.+?) (?:is|are) /g)].map((m) => ({ label: m[1], field: normal(m[2]) }));
}

const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`) || b.startsWith(`${a}.`) || b.startsWith(`${a}[`);
const inside = (field: string, unknown: string) => field === unknown || field.startsWith(`${unknown}.`) || field.startsWith(`${unknown}[`);

/**
 * Findings whose field may be the unknown field itself: presence alone decides them (a hostPath volume,
 * a volume source, a literal env value, a subject bound to cluster-admin, a snippet annotation), or the
 * type token does (the API version).
 */
const presenceDecides = [
    /\.volumes\[\d+\]\.hostPath$/, /\.volumes\[\d+\]$/, /\.env\[\d+\]\.value$/, /^subjects\[\d+\]$/,
    /^metadata\.annotations\.(?:nginx\.ingress\.kubernetes\.io\/[a-z-]+-snippet|nginx\.org\/[a-z-]+-snippets?)$/, /^apiVersion$/,
];
/** Stack findings anchored on a field whose value does not matter: a namespace of a stack without any quota or limit range. */
/**
 * Findings presence decides for one policy: a Helm Release is opaque whatever its chart, and a value under
 * a credential's key in its values is a credential in the release record whatever its text.
 */
const policyPresenceDecides: Record<string, RegExp[]> = {
    "k8s-helm-release-unchecked": [/^chart$/],
    "k8s-helm-release-no-credentials": [/^values\..*(?:password|token|key)$/i],
};
const stackPresenceDecides: Record<string, RegExp[]> = { "k8s-namespace-quota-and-limits": [/^metadata\.name$/] };

/** Config a policy needs to judge anything. */
const configs: Record<string, Record<string, unknown>> = { "k8s-image-registry-allowed": { allowedRegistries: ["registry.example.com"] } };

// Fields a check reads to decide a finding beyond the finding's own field ({pod}: the pod spec, {c}: the
// finding's container). The rule (b) above, written down per policy.
const pod = (rest: string) => `{pod}.${rest}`;
const windows = [pod("os"), pod("os.name")];
const userNamespace = [pod("hostUsers")];
const image = ["{c}.image", "{c}.imagePullPolicy"];
const dependsOn: Record<string, string[]> = {
    "k8s-pss-privilege-escalation": windows,
    "k8s-pss-restricted-capabilities": windows,
    "k8s-pss-restricted-seccomp": [...windows, pod("securityContext"), pod("securityContext.seccompProfile"), pod("securityContext.seccompProfile.type"), "{c}.securityContext"],
    "k8s-pss-run-as-non-root": [...userNamespace, pod("securityContext"), pod("securityContext.runAsNonRoot"), "{c}.securityContext"],
    "k8s-pss-run-as-user": userNamespace,
    "k8s-pss-proc-mount": userNamespace,
    "k8s-pss-host-ports": [pod("hostNetwork"), "{c}.ports[*].containerPort"],
    "k8s-image-pull-policy-always": image,
    "k8s-image-tag-pinned": image,
    "k8s-image-digest-pinned": image,
    "k8s-image-registry-allowed": image,
    "k8s-no-secret-env-literals": ["{c}.env[*].name"],
    "k8s-no-runtime-socket-mount": [],
    "k8s-rbac-no-cluster-admin-binding": ["roleRef", "roleRef.kind", "roleRef.name"],
    "k8s-rbac-no-anonymous-binding": ["subjects[*].kind", "subjects[*].name"],
    "k8s-rbac-no-system-masters-binding": ["subjects[*].kind", "subjects[*].name"],
    "k8s-rbac-no-default-sa-binding": ["subjects[*].kind", "subjects[*].name"],
    "k8s-loadbalancer-internal": ["metadata", "metadata.annotations", "metadata.annotations.*", "spec.loadBalancerSourceRanges", "spec.loadBalancerSourceRanges[*]"],
    "k8s-storage-class-encrypted": ["provisioner"],
    "k8s-ingress-no-allow-http": ["metadata", "metadata.annotations", "metadata.annotations.networking.gke.io/v1beta1.FrontendConfig", "spec", "spec.tls"],
    "k8s-ingress-tls": ["spec.tls", "spec.tls[*]", "spec.tls[*].hosts", "spec.tls[*].hosts[*]"],
};

const podSpecPaths = ["spec.jobTemplate.spec.template.spec", "spec.template.spec", "template.spec", "spec"];

/** True when `unknown` is a field the finding at `field` depends on, for `policy`. */
function dependency(policy: string, field: string, unknown: string): boolean {
    if (related(field, unknown)) return true;
    const specPath = podSpecPaths.find((p) => field === p || field.startsWith(`${p}.`)) ?? "spec";
    const container = /^(.*\.(?:containers|initContainers|ephemeralContainers)\[\d+\])/.exec(field)?.[1];
    return (dependsOn[policy] ?? []).some((pattern) => {
        const concrete = pattern.replace("{pod}", specPath).replace("{c}", container ?? "\u0000");
        const regex = new RegExp(`^${concrete.replace(/[.[\]]/g, (c) => `\\${c}`).replace(/\\\[\*\\\]/g, "\\[\\d+\\]").replace(/\\\.\*/g, "\\..+")}$`);
        return regex.test(unknown);
    });
}

// ---- weakenings -----------------------------------------------------------------------------------

const examples = readStacks([path.join(packDir, "examples", "kubernetes")]);
const stackOf = (file: string) => examples.find((s) => s.source.endsWith(file))!.inputs;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;
const hardenedDeployment = stackOf("pod-security-hardened.yaml").find((r) => r.type === "kubernetes:apps/v1:Deployment")!;
const hardenedIngress = stackOf("network-hardened.yaml").find((r) => r.type.endsWith(":Ingress"))!;
const hardenedService = stackOf("network-hardened.yaml").find((r) => r.type.endsWith(":Service"))!;

function weaken(base: ResourceInput, what: string, mutate: (o: Obj) => void): ResourceInput {
    const props = clone(base.props) as Obj;
    mutate(props);
    return { ...base, name: `${base.name} (${what})`, props };
}

const podOf = (o: Obj) => o.spec.template.spec;
const app = (o: Obj) => podOf(o).containers[0];
const weakenings: ResourceInput[] = [
    ...examples.filter((s) => /insecure/.test(s.source)).flatMap((s) => s.inputs),
    weaken(hardenedDeployment, "privileged", (o) => (app(o).securityContext.privileged = true)),
    weaken(hardenedDeployment, "host namespaces", (o) => Object.assign(podOf(o), { hostIPC: true, hostNetwork: true })),
    weaken(hardenedDeployment, "capabilities", (o) => (app(o).securityContext.capabilities = { add: ["NET_RAW", "SYS_ADMIN"] })),
    weaken(hardenedDeployment, "selinux and apparmor", (o) => Object.assign(podOf(o).securityContext, { seLinuxOptions: { user: "root", type: "spc_t" }, appArmorProfile: { type: "Unconfined" } })),
    weaken(hardenedDeployment, "windows host process", (o) => (app(o).securityContext.windowsOptions = { hostProcess: true })),
    weaken(hardenedDeployment, "root", (o) => Object.assign(app(o).securityContext, { runAsNonRoot: false, runAsUser: 0, procMount: "Unmasked", allowPrivilegeEscalation: true })),
    weaken(hardenedDeployment, "no seccomp", (o) => delete podOf(o).securityContext.seccompProfile),
    weaken(hardenedDeployment, "mutable image", (o) => Object.assign(app(o), { image: "registry.example.com/payments/api:1.4", imagePullPolicy: "IfNotPresent" })),
    weaken(hardenedDeployment, "writable, unbounded", (o) => Object.assign(app(o), { resources: { limits: { cpu: "1" } }, securityContext: { ...app(o).securityContext, readOnlyRootFilesystem: false } })),
    weaken(hardenedDeployment, "env literal", (o) => (app(o).env = [{ name: "API_TOKEN", value: "s3cr3t" }, { name: "PUBLIC_URL", value: "https://x" }])),
    weaken(hardenedDeployment, "host port", (o) => (app(o).ports = [{ containerPort: 8080, hostPort: 8080 }])),
    weaken(hardenedService, "public load balancer", (o) => Object.assign(o.spec, { type: "LoadBalancer", loadBalancerSourceRanges: ["10.0.0.0/8", "0.0.0.0/0"] })),
    weaken(hardenedIngress, "host without TLS", (o) => o.spec.rules.push({ host: "admin.example.com" })),
];

// ---- the measurement ------------------------------------------------------------------------------

const pathsPerObject = 36;

describe("unknown values: known findings survive, unknowns are never findings (Kubernetes)", () => {
    for (const policy of kubernetesPolicies.filter(isResourcePolicy)) {
        it(`${policy.name}: rules (a) and (b) on every weakening`, () => {
            let measured = 0;
            for (const weakened of weakenings) {
                const config = configs[policy.name];
                const known = checkResource(policy, weakened.type, weakened.props, { name: weakened.name, config });
                if (known.violations.length === 0) continue;
                const knownFields = known.violations.map(fieldOf);
                for (const at of sample(allPaths(weakened.props), pathsPerObject)) {
                    const unknownField = normal(formatPath(at));
                    const props = setAt(weakened.props, at, sentinelFor(getAt(weakened.props, at))) as object;
                    const r = checkResource(policy, weakened.type, props, { name: weakened.name, config });
                    // A policy with a stack part leaves a value it needs from a sibling to AnalyzeStack.
                    const stack = hasStackPart(policy) ? checkStack(policy, [{ type: weakened.type, name: weakened.name, props }]) : undefined;
                    const where = `${weakened.type} ${weakened.name}, ${unknownField} unknown`;
                    const found = r.violations.map(fieldOf);
                    // (a)
                    for (const f of found) {
                        assert.ok(knownFields.includes(f), `${where}: new finding on ${f}`);
                        if (inside(f, unknownField)) assert.ok([...presenceDecides, ...(policyPresenceDecides[policy.name] ?? [])].some((p) => p.test(f)), `${where}: finding claims the unknown ${f}`);
                    }
                    // (b)
                    const deferred = [...deferredFields(r.unknown), ...deferredFields(stack?.unknown)];
                    found.push(...(stack?.violations ?? []).map((v) => fieldOf(v.message)));
                    for (const d of deferred) assert.ok(inside(d.field, unknownField), `${where}: deferral names the known field ${d.field}`);
                    for (const f of knownFields.filter((k) => !found.includes(k))) {
                        assert.ok(deferred.length > 0, `${where}: the finding on ${f} was lost without a deferral`);
                        assert.ok(dependency(policy.name, f, unknownField), `${where}: the finding on ${f} does not depend on it`);
                    }
                    measured++;
                }
            }
            assert.ok(measured > 0, "no weakening makes this policy fire");
        });
    }

    // Stack policies: one field of one resource of an insecure stack is unknown at a time.
    const stacks = examples.filter((s) => /insecure/.test(s.source)).map((s) => s.inputs.map((r, i) => ({ ...r, urn: `urn:pulumi:dev::app::${r.type}::r${i}` })));
    for (const policy of kubernetesPolicies.filter(hasStackPart)) {
        it(`${policy.name} (stack): rules (a) and (b) for every resource of the insecure stacks`, () => {
            let measured = 0;
            for (const stack of stacks) {
                const known = checkStack(policy, stack);
                if (known.violations.length === 0) continue;
                const key = (v: { urn?: string; message: string }) => `${v.urn} ${fieldOf(v.message)}`;
                const knownKeys = known.violations.map(key);
                stack.forEach((resource, index) => {
                    for (const at of sample(allPaths(resource.props), 12)) {
                        const unknownField = normal(formatPath(at));
                        const props = setAt(resource.props, at, sentinelFor(getAt(resource.props, at))) as object;
                        const r = checkStack(policy, stack.map((s, j) => (j === index ? { ...s, props } : s)));
                        const where = `${resource.type} ${resource.name}, ${unknownField} unknown`;
                        const found = r.violations.map(key);
                        for (const k of found) {
                            assert.ok(knownKeys.includes(k), `${where}: new finding ${k}`);
                            const field = k.slice(resource.urn!.length + 1);
                            const presence = (stackPresenceDecides[policy.name] ?? []).some((p) => p.test(field));
                            if (k.startsWith(`${resource.urn} `) && !presence) assert.ok(!inside(field, unknownField), `${where}: finding claims the unknown ${k}`);
                        }
                        const deferred = deferredFields(r.unknown);
                        for (const d of deferred) assert.ok(inside(d.field, unknownField), `${where}: deferral names the known field ${d.label}: ${d.field}`);
                        for (const lost of knownKeys.filter((k) => !found.includes(k))) {
                            // The lost verdict is the resource's own, or one that needs this sibling; either way the
                            // deferral names the unknown field of this resource.
                            assert.ok(deferred.length > 0, `${where}: ${lost} was lost without a deferral`);
                        }
                        measured++;
                    }
                });
            }
            assert.ok(measured > 0 || firesOnNoInsecureExample(policy), `${policy.name}: no insecure stack makes it fire`);
        });
    }
});

/**
 * Stack parts that no insecure example makes fire: they judge only references computed from a sibling
 * (unknown in a preview), which the examples do not have; their own tests measure them.
 */
function firesOnNoInsecureExample(policy: { name: string }): boolean {
    return ["k8s-no-default-namespace", "k8s-workload-no-default-sa", "k8s-rbac-no-cluster-admin-binding", "k8s-rbac-no-default-sa-binding",
        // Judges on the stack only an Ingress that names a GKE FrontendConfig.
        "k8s-ingress-no-allow-http"].includes(policy.name);
}
