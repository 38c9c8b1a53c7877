// Shared fixtures and assertions for the Pod Security Standards policies.
import * as assert from "assert";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { unknownValue } from "../../../engine/wire";
import { everyWorkload, patchWorkloads, type PodSpecInput, type PodSpecPatchInput, type WorkloadFixture } from "../../fixtures/workloads";
import { type CheckResult, checkResource } from "../../harness";

/** Versions at and around every boundary PSA has. */
export const allVersions = [
    "latest", "v1.0", "v1.7", "v1.8", "v1.18", "v1.19", "v1.21", "v1.22", "v1.23", "v1.24", "v1.25", "v1.26", "v1.27",
    "v1.28", "v1.29", "v1.30", "v1.31", "v1.32", "v1.33", "v1.34", "v1.35", "v1.36", "v1.37", "v1.99",
];

const restrictedContainerContext = {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ["ALL"] },
    runAsNonRoot: true,
    seccompProfile: { type: "RuntimeDefault" },
};

/** A pod that passes the restricted level at every version: every container list, probes, allowed volumes. */
export const hardenedSpec: PodSpecInput = {
    securityContext: {
        runAsNonRoot: true,
        runAsUser: 10001,
        seccompProfile: { type: "RuntimeDefault" },
        seLinuxOptions: { type: "container_t", level: "s0:c1,c2" },
        appArmorProfile: { type: "RuntimeDefault" },
        sysctls: [{ name: "net.ipv4.ip_local_port_range", value: "1024 65535" }],
    },
    containers: [{
        name: "app",
        image: "registry.example.com/app:1.0.0",
        ports: [{ containerPort: 8080 }],
        livenessProbe: { httpGet: { path: "/healthz", port: 8080 } },
        readinessProbe: { tcpSocket: { port: 8080 } },
        lifecycle: { preStop: { httpGet: { path: "/drain", port: 8080 } } },
        securityContext: { ...restrictedContainerContext, capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] }, procMount: "Default" },
    }],
    initContainers: [{ name: "setup", image: "registry.example.com/setup:1.0.0", securityContext: restrictedContainerContext }],
    ephemeralContainers: [{ name: "debug", image: "registry.example.com/debug:1.0.0", securityContext: restrictedContainerContext }],
    volumes: [
        { name: "data", emptyDir: {} },
        { name: "config", configMap: { name: "web" } },
        { name: "claim", persistentVolumeClaim: { claimName: "web" } },
        { name: "tools", image: { reference: "registry.example.com/tools:1.0.0" } },
    ],
};

/** A plain-JSON spec that tests may mutate. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Spec = Record<string, any>;

/** A deep copy of the hardened spec with a change applied. */
export function variant(mutate: (s: Spec) => void, base: object = hardenedSpec): PodSpecInput {
    const copy = JSON.parse(JSON.stringify(base)) as Spec;
    mutate(copy);
    return copy as PodSpecInput;
}

const podType = "kubernetes:core/v1:Pod";

export function run(policy: ResourceValidationPolicy, spec: object, version = "latest", w?: WorkloadFixture, annotations?: Record<string, string>): CheckResult {
    const fixture = w ?? everyWorkload(spec as PodSpecInput, { name: "web", namespace: "shop" }, { labels: { app: "web" }, ...(annotations ? { annotations } : {}) })[0];
    return checkResource(policy, fixture.type ?? podType, fixture.props, { config: { podSecurityVersion: version } });
}

export function violations(policy: ResourceValidationPolicy, spec: object, version = "latest", annotations?: Record<string, string>): string[] {
    return run(policy, spec, version, undefined, annotations).violations;
}

/** Fails at `failAt` with a message matching `match`, passes at `passAt` (the boundary). */
export function assertBoundary(policy: ResourceValidationPolicy, spec: object, failAt: string, passAt: string, match: RegExp, annotations?: Record<string, string>): void {
    const failing = violations(policy, spec, failAt, annotations);
    assert.ok(failing.length > 0, `expected a violation at ${failAt}`);
    for (const m of failing) assert.match(m, match);
    assert.deepStrictEqual(violations(policy, spec, passAt, annotations), [], `expected no violation at ${passAt}`);
}

export function assertFails(policy: ResourceValidationPolicy, spec: object, match: RegExp, version = "latest", annotations?: Record<string, string>): void {
    const found = violations(policy, spec, version, annotations);
    assert.ok(found.some((m) => match.test(m)), `expected ${match} at ${version}, got ${JSON.stringify(found)}`);
}

export function assertPasses(policy: ResourceValidationPolicy, spec: object, version = "latest", annotations?: Record<string, string>): void {
    assert.deepStrictEqual(violations(policy, spec, version, annotations), [], `at ${version}`);
}

/**
 * The cases every PSS policy shares: the hardened pod passes at every version in every kind, the failing
 * spec is caught in every kind (message names the workload), unknowns and odd shapes are handled, and a
 * bad podSecurityVersion is rejected.
 */
export function sharedCases(policy: ResourceValidationPolicy, failing: PodSpecInput, match: RegExp, version = "latest"): void {
    it("passes the hardened restricted pod at every version", () => {
        for (const v of allVersions) assertPasses(policy, hardenedSpec, v);
    });

    for (const w of [...everyWorkload(hardenedSpec), ...patchWorkloads(hardenedSpec as PodSpecPatchInput)]) {
        it(`passes the hardened pod in a ${w.kind}`, () => {
            assert.deepStrictEqual(run(policy, hardenedSpec, "latest", w).violations, []);
        });
    }

    for (const w of everyWorkload(failing)) {
        it(`flags the failing pod in a ${w.kind}, naming the workload`, () => {
            const r = run(policy, failing, version, w);
            assert.ok(r.violations.length > 0, "a violation");
            for (const m of r.violations) {
                assert.match(m, new RegExp(`^${w.kind} "shop/web": `));
                assert.match(m, match);
            }
        });
    }

    it("leaves unknown values to the SDK's preview handling", () => {
        const [pod] = everyWorkload(unknownValue<PodSpecInput>("object"));
        assert.match(checkResource(policy, pod.type, pod.props).unknown ?? "", /spec/);
    });

    it("survives odd shapes: no spec, wrong types, null entries", () => {
        const odd: object[] = [
            { containers: "nope", volumes: 3, securityContext: "x" },
            { containers: [null, 3, { name: "a", securityContext: "x", ports: "y" }], initContainers: [{ securityContext: { capabilities: { add: "ALL", drop: 5 } } }] },
            { containers: [{ name: "a", securityContext: { seccompProfile: "x", seLinuxOptions: [], appArmorProfile: 1, windowsOptions: "z" } }], securityContext: { sysctls: [null, { name: 3 }] } },
        ];
        for (const spec of odd) assert.doesNotThrow(() => run(policy, spec));
        assert.deepStrictEqual(checkResource(policy, podType, { metadata: { name: "x" } }).violations, []);
        assert.match(checkResource(policy, "kubernetes:core/v1:ConfigMap", { data: {} }).notApplicable ?? "", /does not apply/);
    });

    it("rejects a podSecurityVersion that is not latest or v1.N", () => {
        for (const bad of ["1.30", "v2.1", "v1.030", "newest"]) {
            assert.throws(() => run(policy, hardenedSpec, bad), /podSecurityVersion/);
        }
    });
}
