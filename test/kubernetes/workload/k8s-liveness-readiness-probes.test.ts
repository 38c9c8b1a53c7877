import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sLivenessReadinessProbes as policy } from "../../../policies/kubernetes/workload/k8s-liveness-readiness-probes";
import { everyWorkload, patchWorkloads, type PodSpecInput } from "../../fixtures/workloads";
import { checkResource } from "../../harness";

const probe = { httpGet: { path: "/healthz", port: 8080 } };
const hardened: PodSpecInput = {
    containers: [{ name: "app", livenessProbe: probe, readinessProbe: probe }],
    initContainers: [{ name: "setup" }],
    ephemeralContainers: [{ name: "debug" }],
};

describe("k8s-liveness-readiness-probes", () => {
    for (const w of [...everyWorkload(hardened), ...patchWorkloads({ containers: [{ name: "app", image: "a:2" }] })]) {
        it(`passes probed containers in a ${w.kind} (init and ephemeral containers need none)`, () => {
            assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, []);
        });
    }

    for (const w of everyWorkload({ containers: [{ name: "app" }] })) {
        const runsToCompletion = w.kind === "Job" || w.kind === "CronJob";
        it(`${runsToCompletion ? "does not require" : "flags missing"} probes in a ${w.kind}`, () => {
            const r = checkResource(policy, w.type, w.props);
            assert.strictEqual(r.violations.length, runsToCompletion ? 0 : 2);
            if (!runsToCompletion) {
                assert.match(r.violations[0], /containers\[0\]\.livenessProbe is absent on container "app", so Kubernetes never restarts it/);
                assert.match(r.violations[1], /readinessProbe is absent.*sends it traffic before it is ready/);
            }
        });
    }

    it("flags one missing probe, survives odd shapes, leaves unknowns to the SDK", () => {
        const [, , , deployment] = everyWorkload({ containers: [{ name: "app", livenessProbe: probe }] });
        assert.deepStrictEqual(checkResource(policy, deployment.type, deployment.props).violations.length, 1);
        assert.strictEqual(checkResource(policy, deployment.type, { spec: { template: { spec: { containers: [{ name: "x", livenessProbe: "yes", readinessProbe: probe }] } } } }).violations.length, 1);
        // Presence decides: a probe computed from another resource is a probe.
        const [, , , computed] = everyWorkload({ containers: [{ name: "app", livenessProbe: unknownValue("object"), readinessProbe: probe }] });
        assert.deepStrictEqual(checkResource(policy, computed.type, computed.props), { violations: [] });
        const [, , , entry] = everyWorkload({ containers: [unknownValue("object"), { name: "side" }] });
        const r = checkResource(policy, entry.type, entry.props);
        assert.match(r.unknown ?? "", /spec\.template\.spec\.containers\[0\] is computed/);
        assert.strictEqual(r.violations.length, 2, "the other container is still judged");
    });
});
