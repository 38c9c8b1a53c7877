import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sNoRootGroup as policy } from "../../../policies/kubernetes/workload/k8s-no-root-group";
import { liveObject } from "../../fixtures/live-object";
import { everyWorkload, patchWorkloads, type PodSpecInput } from "../../fixtures/workloads";
import { itFlagsInEveryWorkload, type WorkloadCase } from "../../fixtures/workload-cases";
import { checkResource } from "../../harness";

const hardened: PodSpecInput = {
    securityContext: { runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, supplementalGroups: [10002] },
    containers: [{ name: "app", securityContext: { runAsGroup: 10001 } }],
    initContainers: [{ name: "setup" }],
};

describe("k8s-no-root-group", () => {
    for (const w of [...everyWorkload(hardened), ...patchWorkloads(hardened), ...everyWorkload({ containers: [{ name: "app" }] })]) {
        it(`passes non-zero and absent group ids in a ${w.kind}`, () => {
            assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, []);
        });
    }

    const cases: WorkloadCase[] = [
        ["runAsGroup 0 at pod level", { securityContext: { runAsGroup: 0 }, containers: [{ name: "app" }] }, /spec\.securityContext\.runAsGroup is 0 at pod level: every container's processes run with the root group\. Fix: set a non-zero GID/],
        ["fsGroup 0", { securityContext: { fsGroup: 0 }, containers: [{ name: "app" }] }, /securityContext\.fsGroup is 0 at pod level: volumes are made group-owned by root/],
        ["0 among supplementalGroups", { securityContext: { supplementalGroups: [10002, 0] }, containers: [{ name: "app" }] }, /securityContext\.supplementalGroups\[1\] is 0: every process gets the root group\. Fix: remove 0 from supplementalGroups/],
        ["runAsGroup 0 on an init container", { containers: [{ name: "app" }], initContainers: [{ name: "setup", securityContext: { runAsGroup: 0 } }] }, /initContainers\[0\]\.securityContext\.runAsGroup is 0 on init container "setup": its processes run with the root group/],
        ["runAsGroup 0 on an ephemeral container", { containers: [{ name: "app" }], ephemeralContainers: [{ name: "debug", securityContext: { runAsGroup: 0 } }] }, /ephemeralContainers\[0\]\.securityContext\.runAsGroup is 0 on ephemeral container "debug"/],
    ];
    itFlagsInEveryWorkload(policy, cases, { patches: true });

    it("is advisory", () => assert.strictEqual(policy.enforcementLevel, "advisory"));

    it('flags "0" written as a string (the wrong type, but root if coerced), and passes other wrong types', () => {
        const [pod] = everyWorkload({ securityContext: { runAsGroup: "0" as unknown as number, fsGroup: false as unknown as number, supplementalGroups: "0" as unknown as number[] }, containers: [{ name: "app", securityContext: { runAsGroup: null as unknown as number } }] });
        const r = checkResource(policy, pod.type, pod.props);
        assert.strictEqual(r.violations.length, 1, r.violations.join("\n"));
        assert.match(r.violations[0], /runAsGroup is "0" at pod level/);
        assert.deepStrictEqual(checkResource(policy, "kubernetes:core/v1:Pod", { spec: { securityContext: "x", containers: [{ securityContext: [] }, null] } }).violations, []);
    });

    it("exempts pods in a user namespace (hostUsers: false)", () => {
        const [pod] = everyWorkload({ hostUsers: false, securityContext: { runAsGroup: 0, fsGroup: 0 }, containers: [{ name: "app", securityContext: { runAsGroup: 0 } }] });
        assert.deepStrictEqual(checkResource(policy, pod.type, pod.props).violations, []);
        const [shared] = everyWorkload({ hostUsers: true, securityContext: { runAsGroup: 0 }, containers: [{ name: "app" }] });
        assert.strictEqual(checkResource(policy, shared.type, shared.props).violations.length, 1);
    });

    it("in a preview: defers each unknown field and keeps the other findings", () => {
        const [, , , deployment] = everyWorkload({
            securityContext: { runAsGroup: unknownValue("number"), fsGroup: 0, supplementalGroups: [unknownValue("number"), 0] },
            containers: [{ name: "app", securityContext: unknownValue("object") }, { name: "side", securityContext: { runAsGroup: 0 } }],
        });
        const r = checkResource(policy, deployment.type, deployment.props);
        assert.deepStrictEqual(r.violations.map((v) => v.split(" is ")[0].split(": ")[1]), [
            "spec.template.spec.securityContext.fsGroup",
            "spec.template.spec.securityContext.supplementalGroups[1]",
            "spec.template.spec.containers[1].securityContext.runAsGroup",
        ]);
        for (const field of ["securityContext.runAsGroup", "supplementalGroups[0]", "containers[0].securityContext"]) assert.ok((r.unknown ?? "").includes(field), field);
        assert.match(checkResource(policy, deployment.type, everyWorkload({ hostUsers: unknownValue("bool"), securityContext: { runAsGroup: 0 }, containers: [] })[3].props).unknown ?? "", /hostUsers is computed/);
    });

    it("judges the live object like the manifest; not applicable to other kinds", () => {
        const [, , , deployment] = everyWorkload({ securityContext: { fsGroup: 0 }, containers: [{ name: "app" }] });
        const live = liveObject(deployment.props, { status: { replicas: 1 } });
        assert.deepStrictEqual(checkResource(policy, deployment.type, live, { dryRun: false }).violations, checkResource(policy, deployment.type, deployment.props).violations);
        assert.match(checkResource(policy, "kubernetes:core/v1:Namespace", {}).notApplicable ?? "", /does not apply/);
    });
});
