import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksNodeGroupPrivateSubnets } from "../../policies/aws/eks-node-group-private-subnets";
import { checkStack } from "../harness";
import { hardenedStack, madeByCluster, selfManagedStack, type StackEntry, types, urnOf, withProps } from "./fixtures";

const check = (stack: StackEntry[], dryRun = false) => checkStack(eksNodeGroupPrivateSubnets, stack, { dryRun });
const messages = (stack: StackEntry[]) => check(stack).violations.map((v) => v.message);
const publicB = (stack: StackEntry[]) => withProps(stack, "private-b", (p) => ({ ...p, mapPublicIpOnLaunch: true }));

/** The stack as a first preview shows it: subnet ids unknown, the node group's subnets known by dependency. */
function preview(stack: StackEntry[]): StackEntry[] {
    return stack.map((r) => {
        if (r.type === types.subnet) return { ...r, props: { ...r.props, id: unknownValue("string") } };
        if (r.name === "prod-general") {
            return {
                ...r,
                props: { ...r.props, subnetIds: [unknownValue("string"), unknownValue("string")] },
                propertyDependencies: { subnetIds: [urnOf(types.subnet, "private-a"), urnOf(types.subnet, "private-b")] },
            };
        }
        return r;
    });
}

describe("eks-node-group-private-subnets", () => {
    it("passes node groups in private subnets, and subnets outside the stack", () => {
        assert.deepStrictEqual(messages(hardenedStack()), []);
        assert.deepStrictEqual(messages(withProps(hardenedStack(), "prod-general", (p) => ({ ...p, subnetIds: ["subnet-elsewhere"] }))), []);
    });

    it("flags each subnet with mapPublicIpOnLaunch: true, by id or URN, on the node group", () => {
        const r = check(publicB(hardenedStack()));
        assert.deepStrictEqual(r.violations.map((v) => v.message), [
            'NodeGroup "prod-general": subnetIds[1] is Subnet "private-b", which has mapPublicIpOnLaunch: true, so nodes get public IP addresses. Fix: use private subnets (mapPublicIpOnLaunch: false, default route through a NAT gateway)',
        ]);
        assert.strictEqual(r.violations[0].urn, urnOf(types.nodeGroup, "prod-general"));
        const byUrn = withProps(publicB(hardenedStack()), "prod-general", (p) => ({ ...p, subnetIds: [urnOf(types.subnet, "private-b")] }));
        assert.match(messages(byUrn)[0], /subnetIds\[0\] is Subnet "private-b"/);
    });

    it("checks the subnets of an Auto Scaling group of EKS (vpcZoneIdentifiers)", () => {
        const [, second] = messages(publicB(selfManagedStack()));
        assert.match(second, /^Group "system": vpcZoneIdentifiers\[1\] is Subnet "private-b", which has mapPublicIpOnLaunch: true/);
        const ofCluster = publicB(selfManagedStack()).map((r) => (r.name === "system" ? { ...r, ...madeByCluster(types.autoScalingGroup, "system") } : r));
        assert.match(messages(ofCluster)[1], /Fix: pass private subnets to eks\.Cluster "c" with privateSubnetIds/);
    });

    it("judges subnets by property dependency in a first preview", () => {
        const r = check(preview(publicB(hardenedStack())), true);
        assert.deepStrictEqual(r.violations.map((v) => v.message.slice(0, v.message.indexOf(", which"))), ['NodeGroup "prod-general": subnetIds is computed from Subnet "private-b"']);
        assert.strictEqual(r.unknown, undefined);
        assert.deepStrictEqual(check(preview(hardenedStack()), true).violations, []);
    });

    it("judges the subnets of a component the ids came from (awsx.ec2.Vpc), and defers when it made both kinds", () => {
        const vpc = { type: "awsx:ec2:Vpc", name: "vpc", props: {}, urn: urnOf("awsx:ec2:Vpc", "vpc") };
        const inVpc = (stack: StackEntry[]) =>
            stack.map((r) => (r.type === types.subnet ? { ...r, urn: urnOf(types.subnet, r.name, ["awsx:ec2:Vpc"]), parent: vpc.urn } : r));
        const fromVpc = (stack: StackEntry[]) =>
            [vpc, ...inVpc(stack)].map((r) => (r.name === "prod-general" ? { ...r, props: { ...r.props, subnetIds: unknownValue("array") }, propertyDependencies: { subnetIds: [vpc.urn] } } : r));
        assert.deepStrictEqual(check(fromVpc(hardenedStack()), true).violations, []);
        const mixed = check(fromVpc(publicB(hardenedStack())), true);
        assert.deepStrictEqual(mixed.violations, []);
        assert.match(mixed.unknown ?? "", /subnetIds is computed from Vpc "vpc", which made private subnets and public ones \(Subnet "private-b"\)/);
        const allPublic = fromVpc(withProps(publicB(hardenedStack()), "private-a", (p) => ({ ...p, mapPublicIpOnLaunch: true })));
        assert.match(check(allPublic, true).violations[0]?.message ?? "", /subnetIds is computed from Vpc "vpc", whose subnets all assign public IPs on launch/);
        // At up the ids are known: a public awsx subnet gets the awsx fix.
        assert.match(messages(inVpc(publicB(hardenedStack())))[0], /Fix: pass the awsx\.ec2\.Vpc's privateSubnetIds/);
    });

    it("treats an absent mapPublicIpOnLaunch as private (the AWS default is false)", () => {
        assert.deepStrictEqual(messages(withProps(hardenedStack(), "private-a", ({ mapPublicIpOnLaunch: _, ...p }) => p)), []);
    });

    it("drops findings on node groups exempted by config", () => {
        assert.deepStrictEqual(checkStack(eksNodeGroupPrivateSubnets, publicB(hardenedStack()), { config: { excludeResourceNames: ["prod-*"] } }).violations, []);
    });

    it("reports values of the wrong type as such", () => {
        assert.match(messages(withProps(hardenedStack(), "prod-general", (p) => ({ ...p, subnetIds: "subnet-0aaa" })))[0], /subnetIds has the wrong type: expected an array of subnet ids, found string "subnet-0aaa"/);
        assert.deepStrictEqual(messages(withProps(hardenedStack(), "prod-general", (p) => ({ ...p, subnetIds: [1, null] }))), []);
        assert.strictEqual(messages(withProps(hardenedStack(), "private-a", (p) => ({ ...p, mapPublicIpOnLaunch: "true" }))).length, 1);
    });

    it("says why it does not apply to an Auto Mode cluster without node groups", () => {
        const auto = hardenedStack()
            .filter((r) => r.type !== types.nodeGroup)
            .map((r) => (r.type === types.cluster ? { ...r, props: { ...r.props, computeConfig: { enabled: true } } } : r));
        assert.match(check(auto).notApplicable ?? "", /uses EKS Auto Mode/);
    });

    it("defers an unknown mapPublicIpOnLaunch by name, on the subnet", () => {
        const r = check(withProps(hardenedStack(), "private-a", (p) => ({ ...p, mapPublicIpOnLaunch: unknownValue<boolean>("bool") })), true);
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /Subnet "private-a": mapPublicIpOnLaunch is computed from another resource/);
    });
});
