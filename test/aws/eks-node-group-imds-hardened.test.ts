import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksNodeGroupImdsHardened } from "../../policies/aws/eks-node-group-imds-hardened";
import { checkStack } from "../harness";
import { hardenedStack, launchConfiguration, selfManagedStack, type StackEntry, types, urnOf, withProps } from "./fixtures";

const check = (stack: StackEntry[], config?: Record<string, unknown>, dryRun = false) => checkStack(eksNodeGroupImdsHardened, stack, { config, dryRun });
const messages = (stack: StackEntry[], config?: Record<string, unknown>) => check(stack, config).violations.map((v) => v.message);
const group = (stack: StackEntry[], change: (p: Record<string, unknown>) => Record<string, unknown>) => withProps(stack, "prod-general", change);

describe("eks-node-group-imds-hardened", () => {
    it("passes a node group whose launch template (by id, name or URN) is in the stack", () => {
        assert.deepStrictEqual(messages(hardenedStack()), []);
        assert.deepStrictEqual(messages(group(hardenedStack(), (p) => ({ ...p, launchTemplate: { name: "prod-nodes", version: "1" } }))), []);
        assert.deepStrictEqual(messages(group(hardenedStack(), (p) => ({ ...p, launchTemplate: { id: urnOf(types.launchTemplate, "prod-nodes"), version: "1" } }))), []);
        assert.deepStrictEqual(messages(group(hardenedStack(), (p) => ({ ...p, launchTemplate: { id: "lt-old", name: "prod-nodes", version: "1" } }))), []);
    });

    it("leaves the template's metadata options to eks-launch-template-imdsv2 (no double report)", () => {
        assert.deepStrictEqual(messages(withProps(hardenedStack(), "prod-nodes", (p) => ({ ...p, metadataOptions: { httpTokens: "optional", httpPutResponseHopLimit: 2 } }))), []);
    });

    it("flags a managed node group without a launch template: the EKS default keeps hop limit 2", () => {
        const [m] = messages(group(hardenedStack(), ({ launchTemplate: _, ...p }) => p));
        assert.match(m, /^NodeGroup "prod-general": launchTemplate is absent, and EKS then launches the nodes from its own launch template, whose metadata hop limit of 2/);
        assert.match(m, /Fix: create an aws\.ec2\.LaunchTemplate that sets metadataOptions: \{ httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 \} and set launchTemplate: \{ id: template\.id, version: template\.latestVersion\.apply\(String\) \}$/);
    });

    it("names the eks.ManagedNodeGroup argument for a node group that component made", () => {
        const stack = hardenedStack().map((r) =>
            r.name === "prod-general"
                ? { ...r, props: { ...r.props, launchTemplate: undefined }, urn: urnOf(types.nodeGroup, "mng", ["eks:index:ManagedNodeGroup"]), parent: urnOf("eks:index:ManagedNodeGroup", "mng") }
                : r,
        );
        assert.match(messages(stack)[0], /Fix: set launchTemplate: \{ id: template\.id, version: template\.latestVersion\.apply\(String\) \} on eks\.ManagedNodeGroup "mng"/);
    });

    it("flags a launch template that is not in the stack, unless config accepts external ones", () => {
        const stack = group(hardenedStack(), (p) => ({ ...p, launchTemplate: { id: "lt-elsewhere", version: "1" } }));
        assert.match(messages(stack)[0], /launchTemplate is "lt-elsewhere", which matches no aws\.ec2\.LaunchTemplate in this stack/);
        assert.deepStrictEqual(messages(stack, { allowExternalLaunchTemplates: true }), []);
        assert.match(messages(group(hardenedStack(), (p) => ({ ...p, launchTemplate: { version: "1" } })))[0], /launchTemplate has neither id nor name/);
    });

    it("checks self-managed node groups: Auto Scaling groups of EKS and their templates or launch configurations", () => {
        assert.deepStrictEqual(messages(selfManagedStack()), []);
        const external = withProps(selfManagedStack(), "system", (p) => ({ ...p, launchTemplate: { id: "lt-elsewhere", version: "1" } }));
        assert.match(messages(external)[0], /^Group "system": launchTemplate is "lt-elsewhere", which matches no aws\.ec2\.LaunchTemplate/);
        const mixed = withProps(selfManagedStack(), "system", ({ launchTemplate: _, ...p }) => ({
            ...p,
            mixedInstancesPolicy: { launchTemplate: { launchTemplateSpecification: { launchTemplateId: "lt-gone" }, overrides: [{ instanceType: "m6i.large" }] } },
        }));
        assert.match(messages(mixed)[0], /^Group "system": mixedInstancesPolicy\.launchTemplate\.launchTemplateSpecification is "lt-gone"/);
        const byConfiguration = [
            ...hardenedStack(),
            { type: types.launchConfiguration, name: "legacy-nodes", props: { ...launchConfiguration(), id: "legacy-nodes" } },
            { type: types.autoScalingGroup, name: "legacy", props: { minSize: 1, maxSize: 2, launchConfiguration: "legacy-nodes", tags: [{ key: "kubernetes.io/cluster/prod", value: "owned" }] } },
        ];
        assert.deepStrictEqual(messages(byConfiguration), []);
        assert.match(messages(withProps(byConfiguration, "legacy", (p) => ({ ...p, launchConfiguration: "gone" })))[0], /launchConfiguration is "gone", which matches no aws\.ec2\.LaunchConfiguration/);
        // An Auto Scaling group nothing ties to EKS is not a node group.
        assert.deepStrictEqual(messages(withProps(external, "system", ({ tags: _, ...p }) => p)), []);
    });

    it("resolves by property dependency in a first preview, and defers a value computed from no template of the stack", () => {
        const preview = hardenedStack().map((r) =>
            r.name === "prod-nodes"
                ? { ...r, props: { ...r.props, id: unknownValue("string") } }
                : r.name === "prod-general"
                  ? { ...r, props: { ...r.props, launchTemplate: { id: unknownValue("string"), version: unknownValue("string") } }, propertyDependencies: { launchTemplate: [urnOf(types.launchTemplate, "prod-nodes")] } }
                  : r,
        );
        const r = check(preview, undefined, true);
        assert.deepStrictEqual(r.violations, []);
        assert.strictEqual(r.unknown, undefined);
        const elsewhere = group(hardenedStack(), (p) => ({ ...p, launchTemplate: { id: unknownValue("string"), version: "1" } }));
        const d = check(elsewhere, undefined, true);
        assert.deepStrictEqual(d.violations, []);
        assert.match(d.unknown ?? "", /NodeGroup "prod-general": launchTemplate is computed from no launch template of this stack; not known until deploy/);
    });

    it("reports references of the wrong type as such", () => {
        assert.match(messages(group(hardenedStack(), (p) => ({ ...p, launchTemplate: "prod-nodes" })))[0], /launchTemplate has the wrong type: expected an object with the launch template's id or name, found string "prod-nodes"/);
        assert.match(messages(group(hardenedStack(), (p) => ({ ...p, launchTemplate: { id: 1234, version: "1" } })))[0], /launchTemplate\.id has the wrong type: expected a launch template id string, found number 1234/);
    });

    it("says why it does not apply: no node groups, or only EKS Auto Mode", () => {
        const withoutGroups = hardenedStack().filter((r) => r.type !== types.nodeGroup);
        const auto = withoutGroups.map((r) => (r.type === types.cluster ? { ...r, props: { ...r.props, computeConfig: { enabled: true, nodePools: ["general-purpose", "system"] } } } : r));
        assert.match(check(auto).notApplicable ?? "", /^Cluster "prod" uses EKS Auto Mode \(computeConfig\.enabled\): AWS launches and manages its nodes/);
        assert.match(check(withoutGroups).notApplicable ?? "", /^No EKS managed node group \(aws\.eks\.NodeGroup\) and no Auto Scaling group of an EKS cluster in the stack/);
        const plainAsg = [...withoutGroups, { type: types.autoScalingGroup, name: "web", props: { minSize: 1, maxSize: 2, launchTemplate: { id: "lt-web" } } }];
        assert.match(check(plainAsg).notApplicable ?? "", /^No EKS managed node group \(aws\.eks\.NodeGroup\) and no Auto Scaling group of an EKS cluster in the stack/);
    });

    it("still checks node groups added to an Auto Mode cluster", () => {
        const stack = group(withProps(hardenedStack(), "prod", (p) => ({ ...p, computeConfig: { enabled: true } })), ({ launchTemplate: _, ...p }) => p);
        assert.strictEqual(messages(stack).length, 1);
    });
});
