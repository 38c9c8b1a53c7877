// Which resources are Kubernetes nodes, and how node groups link to their templates.
import * as assert from "assert";
import type { PolicyResource } from "@pulumi/policy";
import { unknownValue } from "../../engine/wire";
import { stackPolicy } from "../../policies/core";
import { bootstrapsEksNode, eksAutoScalingGroupReason, linkedNodeTemplates, nodeGroups, nodeTypes, templateRefs } from "../../policies/aws/node-links";
import { checkStack } from "../harness";
import { hardenedStack, launchTemplate, madeByCluster, nodeadmUserData, selfManagedStack, type StackEntry, types, urnOf, withProps } from "./fixtures";

/** Runs `probe` inside a stack policy, over the stack as the engine hands it to policies. */
function inStack<T>(stack: StackEntry[], probe: (resources: readonly PolicyResource[]) => T): T {
    let result: T | undefined;
    const policy = stackPolicy({
        name: "eks-node-links-probe",
        description: "Probes node links.",
        severity: "low",
        enforcementLevel: "advisory",
        tags: ["aws", "nodes"],
        remediationSteps: "None.",
        appliesTo: nodeTypes.nodeGroup,
        validateStack: (ctx) => {
            result = probe(ctx.resources);
        },
    });
    const r = checkStack(policy, stack, { dryRun: false });
    assert.strictEqual(r.unknown, undefined);
    return result as T;
}

const asg = (props: object, extra: Partial<StackEntry> = {}): StackEntry => ({ type: types.autoScalingGroup, name: "workers", props: { minSize: 1, maxSize: 2, ...props }, ...extra });
const reason = (stack: StackEntry[]) => inStack(stack, (rs) => eksAutoScalingGroupReason(rs, rs.find((r) => r.name === "workers")!));

describe("aws/node-links", () => {
    it("recognises EKS bootstrap user data: nodeadm, bootstrap.sh, Bottlerocket; plain or base64", () => {
        assert.strictEqual(bootstrapsEksNode(nodeadmUserData), true);
        assert.strictEqual(bootstrapsEksNode("#!/bin/bash\n/etc/eks/bootstrap.sh prod"), true);
        assert.strictEqual(bootstrapsEksNode('[settings.kubernetes]\napi-server = "https://x"'), true);
        assert.strictEqual(bootstrapsEksNode(Buffer.from("#!/bin/bash\nyum install -y nginx").toString("base64")), false);
        assert.strictEqual(bootstrapsEksNode(unknownValue("string")), false);
    });

    it("says why an Auto Scaling group belongs to EKS, or that nothing says it does", () => {
        const base = hardenedStack();
        assert.strictEqual(reason([...base, asg({ tags: [{ key: "kubernetes.io/cluster/prod", value: "owned" }] })]), "tagged kubernetes.io/cluster/prod");
        assert.strictEqual(reason([...base, asg({}, madeByCluster(types.autoScalingGroup, "workers"))]), "made by an EKS component");
        assert.strictEqual(reason([...base, asg({ tags: unknownValue("array") }, { propertyDependencies: { tags: [urnOf(types.cluster, "prod")] } })]), 'its tags input was computed from Cluster "prod"');
        const bootstrapping = withProps(base, "prod-nodes", (p) => ({ ...p, userData: nodeadmUserData }));
        assert.match(reason([...bootstrapping, asg({ launchTemplate: { id: "lt-0123456789abcdef0" } })]) ?? "", /^launches from LaunchTemplate "prod-nodes", whose user data joins an EKS cluster$/);
        assert.strictEqual(reason([...base, asg({ launchTemplate: { id: "lt-0123456789abcdef0" } })]), undefined);
    });

    it("lists managed node groups and Auto Scaling groups of EKS as node groups", () => {
        const names = inStack([...selfManagedStack(), asg({ launchTemplate: { id: "lt-web" } })], (rs) => nodeGroups(rs).map((g) => `${g.resource.name}:${g.managed}`));
        assert.deepStrictEqual(names, ["prod-general:true", "system:false"]);
    });

    it("reads every template reference of an Auto Scaling group, mixed instances policy included", () => {
        const refs = inStack(
            [...hardenedStack(), asg({ launchConfiguration: "lc", mixedInstancesPolicy: { launchTemplate: { launchTemplateSpecification: { launchTemplateName: "a" }, overrides: [{ launchTemplateSpecification: { launchTemplateId: "b" } }, { instanceType: "m6i.large" }] } } })],
            (rs) => templateRefs(rs.find((r) => r.name === "workers")!).map((r) => `${r.kind} ${r.path}`),
        );
        assert.deepStrictEqual(refs, [
            "configuration launchConfiguration",
            "template mixedInstancesPolicy.launchTemplate.launchTemplateSpecification",
            "template mixedInstancesPolicy.launchTemplate.overrides[0].launchTemplateSpecification",
        ]);
    });

    it("links node templates to the groups that launch from them, leaving out templates judged by themselves", () => {
        const users = (stack: StackEntry[]) => inStack(stack, (rs) => [...linkedNodeTemplates(rs)].map(([t, u]) => `${t.name} <- ${u.join(", ")}`));
        assert.deepStrictEqual(users(selfManagedStack()), ['prod-nodes <- NodeGroup "prod-general"', 'system-nodes <- Group "system"']);
        const componentMade = selfManagedStack().map((r) => (r.name === "system-nodes" ? { ...r, ...madeByCluster(types.launchTemplate, "system-nodes") } : r));
        assert.deepStrictEqual(users(componentMade), ['prod-nodes <- NodeGroup "prod-general"']);
        const joining: StackEntry = { type: types.launchTemplate, name: "joins", props: { ...launchTemplate(), userData: unknownValue("string") }, propertyDependencies: { userData: [urnOf(types.cluster, "prod")] } };
        assert.deepStrictEqual(users([...hardenedStack(), joining]), ['prod-nodes <- NodeGroup "prod-general"', 'joins <- Cluster "prod" (its user data joins that cluster)']);
    });
});
