import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sWorkloadNoTokenAutomount as policy } from "../../../policies/kubernetes/rbac/k8s-workload-no-token-automount";
import { serviceAccount, types } from "../../fixtures/rbac";
import { everyWorkload, patchWorkloads, type PodSpecInput } from "../../fixtures/workloads";
import { checkStack, type StackResourceInput } from "../../harness";

const containers = [{ name: "app", image: "registry.example.com/app:1.0.0" }];
const inherit: PodSpecInput = { serviceAccountName: "web", containers };

function stack(spec: PodSpecInput, ...accounts: StackResourceInput[]): StackResourceInput[] {
    return [...accounts, ...everyWorkload(spec).map((w, i) => ({ type: w.type, name: `w${i}`, props: w.props }))];
}
const sa = (automount: boolean | undefined, name = "web", patch = false): StackResourceInput => ({
    type: patch ? types.serviceAccountPatch : types.serviceAccount,
    name: `${name}${patch ? "-patch" : ""}`,
    props: serviceAccount(automount, name),
});

describe("k8s-workload-no-token-automount", () => {
    it("passes pods that opt out themselves, in every workload kind", () => {
        assert.deepStrictEqual(checkStack(policy, stack({ ...inherit, automountServiceAccountToken: false })).violations, []);
    });

    it("passes pods that inherit false from their ServiceAccount in the stack", () => {
        assert.deepStrictEqual(checkStack(policy, stack(inherit, sa(false))).violations, []);
    });

    it("flags true in the pod spec even when the ServiceAccount says false", () => {
        const r = checkStack(policy, stack({ ...inherit, automountServiceAccountToken: true }, sa(false)));
        assert.strictEqual(r.violations.length, 9);
        assert.match(r.violations[3].message, /^Deployment "shop\/web": spec\.template\.spec\.automountServiceAccountToken is true/);
        assert.strictEqual(r.violations[3].urn, "urn:pulumi:test::test::kubernetes:apps/v1:Deployment::w3");
    });

    it("flags pods that inherit true or the default from their ServiceAccount", () => {
        for (const account of [sa(true), sa(undefined)]) {
            const r = checkStack(policy, stack(inherit, account));
            assert.strictEqual(r.violations.length, 9);
            assert.match(r.violations[8].message, /^CronJob "shop\/web": spec\.jobTemplate\.spec\.template\.spec\.automountServiceAccountToken is absent, and the pods inherit ServiceAccount "shop\/web", which (sets automountServiceAccountToken: true|does not set automountServiceAccountToken)/);
        }
    });

    it("lets a ServiceAccountPatch override the ServiceAccount, in either order", () => {
        assert.deepStrictEqual(checkStack(policy, stack(inherit, sa(false, "web", true), sa(true))).violations, []);
        assert.strictEqual(checkStack(policy, stack(inherit, sa(false), sa(true, "web", true))).violations.length, 9);
        // A patch that does not set the field leaves the ServiceAccount's value.
        assert.deepStrictEqual(checkStack(policy, stack(inherit, sa(false), sa(undefined, "web", true))).violations, []);
    });

    it("uses the default ServiceAccount when none is named, and matches namespaces", () => {
        assert.deepStrictEqual(checkStack(policy, stack({ containers }, sa(false, "default"))).violations, []);
        const elsewhere = { ...sa(false), props: serviceAccount(false, "web", "other") };
        assert.match(checkStack(policy, stack(inherit, elsewhere)).violations[0].message, /ServiceAccount "shop\/web" is not in this stack, so Kubernetes mounts the API token/);
    });

    it("judges Patch workloads only on what they set", () => {
        const patches = (spec: PodSpecInput) => patchWorkloads(spec).map((w) => ({ type: w.type, name: w.kind, props: w.props }));
        assert.deepStrictEqual(checkStack(policy, patches(inherit)).violations, []);
        assert.strictEqual(checkStack(policy, patches({ automountServiceAccountToken: true, containers })).violations.length, 2);
    });

    it("is not applicable to a stack without workloads", () => {
        assert.match(checkStack(policy, [sa(true)]).notApplicable ?? "", /No resources of type/);
    });

    it("survives odd shapes and leaves unknowns to the SDK", () => {
        assert.deepStrictEqual(checkStack(policy, [{ type: "kubernetes:core/v1:Pod", name: "p", props: { spec: "x" } }, { type: types.serviceAccount, name: "s", props: { metadata: 3 } }]).violations, []);
        assert.match(checkStack(policy, stack({ ...inherit, automountServiceAccountToken: unknownValue("bool") })).unknown ?? "", /automountServiceAccountToken/);
    });

    it("honours exemptions per workload", () => {
        const resources = stack(inherit, sa(true));
        const r = checkStack(policy, resources, { config: { excludeResourceNames: ["w0", "w1"] } });
        assert.strictEqual(r.violations.length, 7);
        const annotated = everyWorkload(inherit, { name: "api", namespace: "shop", annotations: { "exempt.clusterguard.io/k8s-workload-no-token-automount": "calls the API (SEC-3)" } });
        assert.deepStrictEqual(checkStack(policy, annotated.map((w, i) => ({ type: w.type, name: `a${i}`, props: w.props }))).violations, []);
    });
});
