// Real Kubernetes programs through the engine runner, as `pulumi preview` and `pulumi up` run them:
// - kubernetes/default: what a new user writes (Pulumi's templates) gets the findings a reviewer expects;
// - kubernetes/hardened: the remediation texts applied literally pass every policy, in preview and at up;
// - kubernetes/cluster-and-workloads: the same application on a cluster created in the same program,
//   whose first preview leaves every Kubernetes output unknown.
import * as assert from "assert";
import type { PolicyDiagnostic } from "../../engine/runner";
import { unknownSentinels } from "../../engine/wire";
import { policies } from "../../policies";
import { captureProgram, type Mode, programRun } from "../capture";
import { useRunner } from "../e2e";
import { pinnedConfig } from "../reference-date";
import { evaluateProgram, type ProgramResult, policyNames } from "./harness";

const kubernetesPolicies = policies.filter((p) => p.tags?.includes("kubernetes"));
const kubernetesNames = new Set(kubernetesPolicies.map((p) => p.name));
const releasePolicies = ["k8s-helm-release-unchecked", "k8s-helm-release-no-credentials"];
const onlyKubernetes = (ds: readonly PolicyDiagnostic[]) => ds.filter((d) => kubernetesNames.has(d.policyName));

/** `policy: Kind "name" field`, the resource label and the field a finding names, without the prose. */
function findingKeys(ds: readonly PolicyDiagnostic[]): string[] {
    return ds.map((d) => {
        const message = d.message.slice(d.message.indexOf("\n") + 1);
        const match = /^(\w+ "[^"]*"): (\S+)/.exec(message);
        return `${d.policyName}: ${match ? `${match[1].replace(/-[0-9a-f]{8}\b/g, "")} ${match[2]}` : message}`;
    }).sort();
}

/** `policy: Kind "name": field`, what a deferral names. */
function deferralKeys(ds: readonly PolicyDiagnostic[]): string[] {
    return ds.map((d) => {
        const match = /during preview: (\w+ "[^"]*"): (.+?) (is|are) /.exec(d.message);
        return `${d.policyName}: ${match ? `${match[1].replace(/-[0-9a-f]{8}\b/g, "")}: ${match[2]}` : d.message}`;
    }).sort();
}

function describeModes(name: string, run: (mode: Mode, result: () => ProgramResult) => void): void {
    for (const mode of ["preview", "up"] as const) {
        describe(`${name} (${mode})`, () => {
            const runner = useRunner(pinnedConfig(), { dryRun: mode === "preview" });
            let result: ProgramResult | undefined;
            before(async function () {
                this.timeout(120_000);
                result = await evaluateProgram(runner(), name, mode);
            });
            run(mode, () => result!);
        });
    }
}

describe("Kubernetes programs", () => {
    describeModes("kubernetes/hardened", (mode, result) => {
        it("has no finding and no deferral", () => {
            assert.deepStrictEqual(findingKeys(result().findings), []);
            assert.deepStrictEqual(deferralKeys(result().deferrals), []);
        });

        it("gets a pass, not 'not applicable', from every Kubernetes policy", () => {
            const { evaluation } = result();
            // Each resource policy judged at least one object, and skipped others only for their type.
            for (const policy of kubernetesPolicies.filter((p) => "validateResource" in p)) {
                const skipped = evaluation.resources.map((r) => r.result.notApplicable.find((n) => n.policyName === policy.name));
                // The remediation of the helm.v3.Release policies is to deploy charts another way: no Release is left to judge.
                if (!releasePolicies.includes(policy.name)) assert.ok(skipped.some((n) => n === undefined), `${mode}: ${policy.name} judged no object`);
                for (const n of skipped) if (n) assert.match(n.reason, /^Policy (does not apply|only applies) to resources of type/, `${policy.name}: ${n.reason}`);
            }
            // Each stack policy and stack part judged the stack.
            assert.deepStrictEqual(evaluation.stack.notApplicable.filter((n) => kubernetesNames.has(n.policyName)), []);
        });
    });

    describeModes("kubernetes/default", (mode, result) => {
        it("gets the findings a reviewer expects, by policy, resource and field", () => {
            const keys = findingKeys(onlyKubernetes(result().findings));
            const expected = [
                // Pulumi's kubernetes-typescript template: nginx, no namespace, and the Service that exposes it.
                ...["k8s-pss-privilege-escalation: Deployment \"nginx\" spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation",
                    "k8s-pss-restricted-capabilities: Deployment \"nginx\" spec.template.spec.containers[0].securityContext.capabilities.drop",
                    "k8s-pss-restricted-seccomp: Deployment \"nginx\" spec.template.spec.containers[0].securityContext.seccompProfile",
                    "k8s-pss-run-as-non-root: Deployment \"nginx\" spec.template.spec.containers[0].securityContext.runAsNonRoot",
                    "k8s-container-resources: Deployment \"nginx\" spec.template.spec.containers[0].resources",
                    "k8s-readonly-root-filesystem: Deployment \"nginx\" spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem",
                    "k8s-liveness-readiness-probes: Deployment \"nginx\" spec.template.spec.containers[0].livenessProbe",
                    "k8s-liveness-readiness-probes: Deployment \"nginx\" spec.template.spec.containers[0].readinessProbe",
                    "k8s-image-tag-pinned: Deployment \"nginx\" spec.template.spec.containers[0].image",
                    "k8s-image-digest-pinned: Deployment \"nginx\" spec.template.spec.containers[0].image",
                    "k8s-workload-no-default-sa: Deployment \"nginx\" spec.template.spec.serviceAccountName",
                    "k8s-no-default-namespace: Deployment \"nginx\" metadata.namespace",
                    "k8s-loadbalancer-internal: Service \"nginx\" spec.type"],
                // At AnalyzeStack the object carries its autoname (and at up its namespace).
                ...[`k8s-network-default-deny-ingress: Deployment "${mode === "up" ? "default/" : ""}nginx" metadata.namespace`,
                    `k8s-block-metadata-egress: Deployment "${mode === "up" ? "default/" : ""}nginx" metadata.namespace`,
                    `k8s-workload-no-token-automount: Deployment "${mode === "up" ? "default/" : ""}nginx" spec.template.spec.automountServiceAccountToken`,
                    `k8s-namespace-quota-and-limits: Deployment "${mode === "up" ? "default/" : ""}nginx" metadata.namespace`],
            ];
            for (const key of expected) assert.ok(keys.includes(key), `missing ${key}\n${keys.join("\n")}`);
        });

        it("judges the workload in the Namespace it names by computed name", () => {
            const keys = findingKeys(onlyKubernetes(result().findings));
            for (const key of [
                "k8s-namespace-pss-enforce-label: Namespace \"webserver\" metadata.labels[\"pod-security.kubernetes.io/enforce\"]",
                "k8s-network-default-deny-ingress: Deployment \"webserver/webserverdeployment\" metadata.namespace",
                "k8s-namespace-quota-and-limits: Namespace \"webserver\" metadata.name",
                "k8s-pss-privilege-escalation: Deployment \"webserver/webserverdeployment\" spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation",
                // Found through the Gateway's computed name and namespace, in the first preview too.
                "k8s-gateway-route-tls: HTTPRoute \"webserver/webserver-route\" spec.parentRefs[0]",
                "k8s-istio-gateway-https-redirect: Gateway \"webserver/bookinfo-gateway\" spec.servers[0]",
            ]) assert.ok(keys.includes(key), `missing ${key}\n${keys.join("\n")}`);
            assert.ok(!keys.some((k) => /k8s-no-default-namespace: .*webserverdeployment/.test(k)), "the computed namespace is not default");
        });

        it("tells where to fix objects a YAML manifest rendered", () => {
            const agent = onlyKubernetes(result().findings).filter((d) => d.message.includes('DaemonSet "monitoring/node-exporter"'));
            assert.deepStrictEqual(policyNames(agent), [
                "k8s-block-metadata-egress", "k8s-container-resources", "k8s-image-digest-pinned", "k8s-image-pull-policy-always",
                "k8s-liveness-readiness-probes", "k8s-namespace-quota-and-limits", "k8s-no-runtime-socket-mount", "k8s-pss-host-namespaces",
                "k8s-pss-host-path-volumes", "k8s-pss-host-ports", "k8s-pss-privilege-escalation", "k8s-pss-restricted-capabilities",
                "k8s-pss-restricted-seccomp", "k8s-pss-restricted-volumes", "k8s-pss-run-as-non-root", "k8s-readonly-root-filesystem",
                "k8s-workload-no-default-sa", "k8s-workload-no-token-automount",
            ]);
            for (const d of agent) assert.match(d.message, /This object comes from the YAML manifest "node-exporter": change it in the YAML, or rewrite the object with a transform/, d.message);
        });

        it("has no deferral: every verdict is given in the first preview", () => {
            assert.deepStrictEqual(deferralKeys(result().deferrals), []);
        });
    });

    describeModes("kubernetes/cluster-and-workloads", (mode, result) => {
        it(mode === "preview" ? "judges each object's inputs and defers what needs the outputs, naming them" : "has no Kubernetes finding and no deferral", () => {
            assert.deepStrictEqual(findingKeys(onlyKubernetes(result().findings)), []);
            const expected = mode === "up" ? [] : [
                ...["k8s-block-metadata-egress", "k8s-namespace-quota-and-limits", "k8s-network-default-deny-ingress", "k8s-no-default-namespace",
                    "k8s-pss-namespace-admission", "k8s-workload-no-default-sa", "k8s-workload-no-token-automount"].map((p) => `${p}: Deployment "web": every output`),
                // One deferral names both routes; its key names the first.
                'k8s-gateway-route-tls: HTTPRoute "https-redirect": every output',
                // The subject is the program's ServiceAccount, whose name the unconfigured provider has not given yet.
                "k8s-rbac-no-default-sa-binding: RoleBinding \"web-reader\": every output",
            ];
            assert.deepStrictEqual(deferralKeys(onlyKubernetes(result().deferrals)), expected.sort());
            if (mode === "preview") {
                const routes = result().deferrals.find((d) => d.policyName === "k8s-gateway-route-tls");
                assert.match(routes?.message ?? "", /HTTPRoute "https-redirect": every output is unknown.*HTTPRoute "web-route": every output is unknown/);
            }
        });
    });

    describeModes("kubernetes/two-clusters", (mode, result) => {
        const ofPolicy = (name: string, ds: readonly PolicyDiagnostic[]) => ds.filter((d) => d.policyName === name);
        it(mode === "preview" ? "defers each cluster's Deployment, whose outputs are unknown" : "flags the cluster without the NetworkPolicy, not the one that has it", () => {
            const findings = findingKeys(ofPolicy("k8s-network-default-deny-ingress", result().findings));
            const deferrals = deferralKeys(ofPolicy("k8s-network-default-deny-ingress", result().deferrals));
            if (mode === "preview") {
                assert.deepStrictEqual(findings, []);
                const [deferral] = ofPolicy("k8s-network-default-deny-ingress", result().deferrals);
                assert.match(deferral.message, /Deployment "blue-web": every output is unknown in this preview.*; Deployment "green-web": every output is unknown/);
            } else {
                assert.deepStrictEqual(findings, ['k8s-network-default-deny-ingress: Deployment "shop/web" metadata.namespace']);
                assert.deepStrictEqual(deferrals, []);
                // Both Deployments are "shop/web": the URN, and the cluster named in the message and fix, tell which.
                const [finding] = ofPolicy("k8s-network-default-deny-ingress", result().findings);
                assert.strictEqual(finding.urn?.replace(/.*::/, ""), "green-web");
                assert.match(finding.message, /Fix: add a NetworkPolicy in namespace "shop" in the cluster of Kubernetes provider "green"/);
            }
        });
    });

    it("two-clusters: each object names its own cluster's provider, whose kubeconfig was computed from that cluster", async () => {
        const { up } = await captureProgram("kubernetes/two-clusters");
        for (const colour of ["blue", "green"]) {
            const web = programRun({ preview: [], up }, "up").outputs.find((r) => r.name === `${colour}-web`)!;
            assert.match(web.provider?.urn ?? "", new RegExp(`pulumi:providers:kubernetes::${colour}$`));
            const provider = up.find((r) => r.urn === web.provider?.urn)!;
            assert.ok(provider.propertyDependencies.kubeconfig?.some((urn) => urn.endsWith(`gcp:container/cluster:Cluster::${colour}`)));
        }
    });

    it("cluster-and-workloads: the first preview really has unknown namespaces and empty outputs", async () => {
        const { preview, up } = await captureProgram("kubernetes/cluster-and-workloads");
        const deployment = preview.find((r) => r.type === "kubernetes:apps/v1:Deployment")!;
        assert.strictEqual((deployment.inputs.metadata as Record<string, unknown>).namespace, unknownSentinels.string);
        assert.ok(deployment.propertyDependencies.metadata?.some((urn) => urn.endsWith("kubernetes:core/v1:Namespace::shop")));
        assert.deepStrictEqual(deployment.outputs, {});
        const live = up.find((r) => r.type === "kubernetes:apps/v1:Deployment")!;
        assert.match(String((live.outputs.metadata as Record<string, unknown>).namespace), /^shop-[0-9a-f]{8}$/);
    });
});
