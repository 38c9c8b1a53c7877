import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksNodeGroupImdsHardened } from "../../policies/aws/eks-node-group-imds-hardened";
import { checkStack } from "../harness";
import { hardenedStack, types, withProps } from "./fixtures";

const check = (stack: ReturnType<typeof hardenedStack>, config?: Record<string, unknown>) => checkStack(eksNodeGroupImdsHardened, stack, { config });
const messages = (stack: ReturnType<typeof hardenedStack>, config?: Record<string, unknown>) => check(stack, config).violations.map((v) => v.message);

describe("eks-node-group-imds-hardened", () => {
    it("passes a node group whose launch template (by id, name or URN) requires IMDSv2 with hop limit 1", () => {
        assert.deepStrictEqual(messages(hardenedStack()), []);
        const byName = withProps(hardenedStack(), "prod-general", (p) => ({ ...p, launchTemplate: { name: "prod-nodes", version: "1" } }));
        assert.deepStrictEqual(messages(byName), []);
        const byUrn = withProps(hardenedStack(), "prod-general", (p) => ({ ...p, launchTemplate: { id: `urn:pulumi:test::test::${types.launchTemplate}::prod-nodes`, version: "1" } }));
        assert.deepStrictEqual(messages(byUrn), []);
    });

    it("flags a resolved launch template with weak metadata options, on the node group", () => {
        const stack = withProps(hardenedStack(), "prod-nodes", (p) => ({ ...p, metadataOptions: { httpTokens: "optional", httpPutResponseHopLimit: 2 } }));
        const r = check(stack);
        assert.strictEqual(r.violations.length, 2);
        assert.strictEqual(r.violations[0].urn, `urn:pulumi:test::test::${types.nodeGroup}::prod-general`);
        assert.match(r.violations[0].message, /^NodeGroup "prod-general": launchTemplate\.id resolves to LaunchTemplate "prod-nodes", whose metadataOptions\.httpTokens is "optional"/);
        assert.match(r.violations[1].message, /httpPutResponseHopLimit is 2/);
        assert.deepStrictEqual(messages(withProps(hardenedStack(), "prod-nodes", (p) => ({ ...p, metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2 } })), { allowHopLimitTwo: true }), []);
        assert.deepStrictEqual(messages(withProps(hardenedStack(), "prod-nodes", (p) => ({ ...p, metadataOptions: { httpEndpoint: "disabled" } }))), []);
    });

    it("flags a node group without a launch template: the EKS default keeps hop limit 2", () => {
        const [m] = messages(withProps(hardenedStack(), "prod-general", ({ launchTemplate: _, ...p }) => p));
        assert.match(m, /^NodeGroup "prod-general": launchTemplate is absent, and EKS then launches the nodes from its own launch template, whose metadata hop limit of 2/);
        assert.match(m, /Fix: create an aws\.ec2\.LaunchTemplate that sets metadataOptions/);
    });

    it("flags a launch template that is not in the stack, unless config accepts external ones", () => {
        const stack = withProps(hardenedStack(), "prod-general", (p) => ({ ...p, launchTemplate: { id: "lt-elsewhere", version: "1" } }));
        assert.match(messages(stack)[0], /launchTemplate\.id is "lt-elsewhere", which matches no aws\.ec2\.LaunchTemplate in this stack/);
        assert.deepStrictEqual(messages(stack, { allowExternalLaunchTemplates: true }), []);
        const empty = withProps(hardenedStack(), "prod-general", (p) => ({ ...p, launchTemplate: { version: "1" } }));
        assert.match(messages(empty)[0], /launchTemplate has neither id nor name/);
    });

    it("falls back from an unresolved id to the name", () => {
        const stack = withProps(hardenedStack(), "prod-general", (p) => ({ ...p, launchTemplate: { id: "lt-old", name: "prod-nodes", version: "1" } }));
        assert.deepStrictEqual(messages(stack), []);
    });

    it("survives wrong types", () => {
        assert.match(messages(withProps(hardenedStack(), "prod-general", (p) => ({ ...p, launchTemplate: "prod-nodes" })))[0], /launchTemplate is absent/);
        assert.strictEqual(messages(withProps(hardenedStack(), "prod-nodes", (p) => ({ ...p, metadataOptions: [] }))).length, 2);
    });

    it("says why it does not apply to an Auto Mode cluster without node groups", () => {
        const auto = hardenedStack()
            .filter((r) => r.type !== types.nodeGroup)
            .map((r) => (r.type === types.cluster ? { ...r, props: { ...r.props, computeConfig: { enabled: true, nodePools: ["general-purpose", "system"] } } } : r));
        assert.match(check(auto).notApplicable ?? "", /^Cluster "prod" uses EKS Auto Mode \(computeConfig\.enabled\): AWS launches and manages its nodes/);
        assert.match(check(hardenedStack().filter((r) => r.type !== types.nodeGroup)).notApplicable ?? "", /No resources of type aws:eks\/nodeGroup:NodeGroup/);
    });

    it("still checks node groups added to an Auto Mode cluster", () => {
        const stack = withProps(
            withProps(hardenedStack(), "prod", (p) => ({ ...p, computeConfig: { enabled: true } })),
            "prod-general",
            ({ launchTemplate: _, ...p }) => p,
        );
        assert.strictEqual(messages(stack).length, 1);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check(withProps(hardenedStack(), "prod-nodes", (p) => ({ ...p, metadataOptions: { httpTokens: unknownValue<string>("string"), httpPutResponseHopLimit: 1 } })));
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /httpTokens|httpEndpoint/);
    });
});
