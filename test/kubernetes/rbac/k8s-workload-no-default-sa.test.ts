import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sWorkloadNoDefaultSa as policy } from "../../../policies/kubernetes/rbac/k8s-workload-no-default-sa";
import { everyWorkload, patchWorkloads, type PodSpecInput } from "../../fixtures/workloads";
import { checkResource, checkStack } from "../../harness";

const containers = [{ name: "app", image: "registry.example.com/app:1.0.0" }];
const hardened: PodSpecInput = { serviceAccountName: "web", automountServiceAccountToken: false, containers };

describe("k8s-workload-no-default-sa", () => {
    for (const w of [...everyWorkload(hardened), ...patchWorkloads(hardened), ...patchWorkloads({ containers })]) {
        it(`passes a dedicated ServiceAccount (or a patch that does not set one) in a ${w.kind}`, () => {
            assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, []);
        });
    }

    for (const w of everyWorkload({ containers })) {
        it(`flags an absent serviceAccountName in a ${w.kind}`, () => {
            const r = checkResource(policy, w.type, w.props);
            assert.strictEqual(r.violations.length, 1);
            assert.match(r.violations[0], new RegExp(`^${w.kind} "shop/web": \\S*serviceAccountName is absent, and Kubernetes then runs the pods as the namespace's "default" ServiceAccount`));
        });
    }

    it('flags "default" in serviceAccountName, in the deprecated serviceAccount, and in a patch', () => {
        const [pod] = everyWorkload({ serviceAccountName: "default", containers });
        assert.match(checkResource(policy, pod.type, pod.props).violations[0], /spec\.serviceAccountName is "default"/);
        const [, , , deployment] = everyWorkload({ serviceAccount: "default", containers });
        assert.match(checkResource(policy, deployment.type, deployment.props).violations[0], /spec\.template\.spec\.serviceAccount is "default"/);
        for (const w of patchWorkloads({ serviceAccountName: "default" })) assert.strictEqual(checkResource(policy, w.type, w.props).violations.length, 1, w.kind);
    });

    it("survives odd shapes and leaves unknowns to the SDK", () => {
        assert.deepStrictEqual(checkResource(policy, "kubernetes:core/v1:Pod", { metadata: { name: "x" } }).violations, []);
        assert.match(checkResource(policy, "kubernetes:core/v1:Pod", { spec: { serviceAccountName: 3 } }).violations[0], /is absent/);
        assert.match(checkResource(policy, "kubernetes:core/v1:Secret", {}).notApplicable ?? "", /does not apply/);
    });

    describe("serviceAccountName computed from a ServiceAccount (unknown in a preview)", () => {
        const [, , , deployment] = everyWorkload({ serviceAccountName: unknownValue("string"), containers });
        const workload = { type: deployment.type, name: "web", props: deployment.props, urn: "urn:pulumi:dev::app::kubernetes:apps/v1:Deployment::web", propertyDependencies: { spec: ["urn:sa"] } };
        const account = (name: unknown) => ({ type: "kubernetes:core/v1:ServiceAccount", name: "sa", urn: "urn:sa", props: { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: "shop" } } });

        it("is left to AnalyzeStack at Analyze: no finding, no deferral", () => {
            assert.deepStrictEqual(checkResource(policy, deployment.type, deployment.props), { violations: [] });
        });

        it("links to the ServiceAccount it was computed from: its name decides", () => {
            assert.deepStrictEqual(checkStack(policy, [workload, account("web")]), { violations: [] });
            const r = checkStack(policy, [workload, account("default")]);
            assert.deepStrictEqual(r.violations.map((v) => v.message), ['Deployment "shop/web": spec.template.spec.serviceAccountName is computed from ServiceAccount "default". Fix: create a dedicated ServiceAccount for this workload and set serviceAccountName to it']);
        });

        it("defers naming the ServiceAccount's name while that is unknown too, or the field when no ServiceAccount is linked", () => {
            assert.match(checkStack(policy, [workload, account(unknownValue("string"))]).unknown ?? "", /^ServiceAccount "shop\/sa": metadata\.name is computed/);
            assert.match(checkStack(policy, [{ ...workload, propertyDependencies: {} }]).unknown ?? "", /^Deployment "shop\/web": spec\.template\.spec\.serviceAccountName is computed/);
        });
    });

    it("honours excludeNamespaces", () => {
        const [pod] = everyWorkload({ containers }, { name: "x", namespace: "kube-system" });
        assert.match(checkResource(policy, pod.type, pod.props, { config: { excludeNamespaces: ["kube-system"] } }).notApplicable ?? "", /excludeNamespaces/);
    });
});
