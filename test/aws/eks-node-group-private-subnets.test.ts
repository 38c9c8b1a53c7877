import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksNodeGroupPrivateSubnets } from "../../policies/aws/eks-node-group-private-subnets";
import { checkStack } from "../harness";
import { hardenedStack, types, withProps } from "./fixtures";

const check = (stack: ReturnType<typeof hardenedStack>) => checkStack(eksNodeGroupPrivateSubnets, stack);
const messages = (stack: ReturnType<typeof hardenedStack>) => check(stack).violations.map((v) => v.message);

describe("eks-node-group-private-subnets", () => {
    it("passes node groups in private subnets, and subnets it cannot resolve", () => {
        assert.deepStrictEqual(messages(hardenedStack()), []);
        assert.deepStrictEqual(messages(withProps(hardenedStack(), "prod-general", (p) => ({ ...p, subnetIds: ["subnet-elsewhere"] }))), []);
    });

    it("flags each subnet with mapPublicIpOnLaunch: true, by id or URN", () => {
        const stack = withProps(hardenedStack(), "private-b", (p) => ({ ...p, mapPublicIpOnLaunch: true }));
        const r = check(stack);
        assert.deepStrictEqual(r.violations.map((v) => v.message), [
            'NodeGroup "prod-general": subnetIds[1] is Subnet "private-b", which has mapPublicIpOnLaunch: true, so nodes get public IP addresses. Fix: use private subnets (mapPublicIpOnLaunch: false, default route through a NAT gateway)',
        ]);
        assert.strictEqual(r.violations[0].urn, `urn:pulumi:test::test::${types.nodeGroup}::prod-general`);
        const byUrn = withProps(stack, "prod-general", (p) => ({ ...p, subnetIds: [`urn:pulumi:test::test::${types.subnet}::private-b`] }));
        assert.match(messages(byUrn)[0], /subnetIds\[0\] is Subnet "private-b"/);
    });

    it("treats an absent mapPublicIpOnLaunch as private (the AWS default is false)", () => {
        assert.deepStrictEqual(messages(withProps(hardenedStack(), "private-a", ({ mapPublicIpOnLaunch: _, ...p }) => p)), []);
    });

    it("drops findings on node groups exempted by config", () => {
        const stack = withProps(hardenedStack(), "private-b", (p) => ({ ...p, mapPublicIpOnLaunch: true }));
        assert.deepStrictEqual(checkStack(eksNodeGroupPrivateSubnets, stack, { config: { excludeResourceNames: ["prod-*"] } }).violations, []);
    });

    it("survives wrong types", () => {
        assert.deepStrictEqual(messages(withProps(hardenedStack(), "prod-general", (p) => ({ ...p, subnetIds: "subnet-0aaa" }))), []);
        assert.deepStrictEqual(messages(withProps(hardenedStack(), "prod-general", (p) => ({ ...p, subnetIds: [1, null] }))), []);
        assert.strictEqual(messages(withProps(hardenedStack(), "private-a", (p) => ({ ...p, mapPublicIpOnLaunch: "true" }))).length, 1);
    });

    it("says why it does not apply to an Auto Mode cluster without node groups", () => {
        const auto = hardenedStack()
            .filter((r) => r.type !== types.nodeGroup)
            .map((r) => (r.type === types.cluster ? { ...r, props: { ...r.props, computeConfig: { enabled: true } } } : r));
        assert.match(check(auto).notApplicable ?? "", /uses EKS Auto Mode/);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check(withProps(hardenedStack(), "private-a", (p) => ({ ...p, mapPublicIpOnLaunch: unknownValue<boolean>("bool") })));
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /mapPublicIpOnLaunch/);
    });
});
