import type { LaunchTemplateArgs } from "@pulumi/aws/ec2/launchTemplate";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksLaunchTemplateImdsv2 } from "../../policies/aws/eks-launch-template-imdsv2";
import { checkResource, checkStack } from "../harness";
import { hardenedStack, launchConfiguration, launchTemplate, madeByCluster, nodeadmUserData, selfManagedStack, type StackEntry, types, urnOf, withProps } from "./fixtures";

// Templates an EKS component made are judged at Analyze, on their inputs.
const check = (t: object, config?: Record<string, unknown>, type = types.launchTemplate) =>
    checkResource(eksLaunchTemplateImdsv2, type, t, { name: "c-launchTemplate", config, ...madeByCluster(type, "c-launchTemplate") });
const metadata = (metadataOptions: LaunchTemplateArgs["metadataOptions"]): LaunchTemplateArgs => ({ ...launchTemplate(), metadataOptions });
const stackMessages = (stack: StackEntry[], config?: Record<string, unknown>) => checkStack(eksLaunchTemplateImdsv2, stack, { config, dryRun: false }).violations.map((v) => v.message);
const weakTemplate = (stack: StackEntry[], name = "prod-nodes") => withProps(stack, name, (p) => ({ ...p, metadataOptions: { httpTokens: "optional", httpPutResponseHopLimit: 1 } }));

describe("eks-launch-template-imdsv2", () => {
    describe("templates made by an EKS component (Analyze)", () => {
        it("passes IMDSv2 required with hop limit 1, and a disabled endpoint", () => {
            assert.deepStrictEqual(check(launchTemplate()).violations, []);
            assert.deepStrictEqual(check(metadata({ httpEndpoint: "disabled" })).violations, []);
        });

        it("flags httpTokens optional, with the component's transform as the fix", () => {
            const [v] = check(metadata({ httpTokens: "optional", httpPutResponseHopLimit: 1 })).violations;
            assert.match(v, /^LaunchTemplate "c-launchTemplate": metadataOptions\.httpTokens is "optional", so IMDSv1 requests without a session token are accepted\. Fix: eks\.Cluster cannot set this/);
            assert.ok(
                v.includes(
                    'set it with a resource transform on eks.Cluster "c": `transforms: [({ type, props, opts }) => type === "aws:ec2/launchTemplate:LaunchTemplate" ? { props: { ...props, metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 } }, opts } : undefined]`',
                ),
                v,
            );
        });

        it("flags a hop limit above 1, and accepts 2 only when configured", () => {
            assert.match(check(metadata({ httpTokens: "required", httpPutResponseHopLimit: 2 })).violations[0], /httpPutResponseHopLimit is 2, so containers in pods can reach/);
            assert.deepStrictEqual(check(metadata({ httpTokens: "required", httpPutResponseHopLimit: 2 }), { allowHopLimitTwo: true }).violations, []);
            assert.match(check(metadata({ httpTokens: "required", httpPutResponseHopLimit: 3 }), { allowHopLimitTwo: true }).violations[0], /is 3/);
        });

        it("says what absent fields mean without claiming IMDSv1 is on: the instance follows the AMI's ImdsSupport", () => {
            const { metadataOptions: _, ...plain } = launchTemplate();
            const [block, ...rest] = check(plain).violations;
            assert.deepStrictEqual(rest, []);
            assert.match(
                block,
                /^LaunchTemplate "c-launchTemplate": metadataOptions is absent, so the instance follows the AMI's ImdsSupport: AL2023 AMIs require IMDSv2 with hop limit 2, while AL2 allows IMDSv1 \(pods then reach the node's instance credentials\)\. Fix: /,
            );
            assert.doesNotMatch(block, /IMDSv1 (requests|is) (are )?(accepted|on|enabled)/);
            assert.match(check(metadata({ httpPutResponseHopLimit: 1 })).violations[0], /httpTokens is absent, so the instance follows the AMI's ImdsSupport: AL2023 AMIs require IMDSv2 with hop limit 2, while AL2 allows IMDSv1\./);
            assert.match(check(metadata({ httpTokens: "required" })).violations[0], /httpPutResponseHopLimit is absent, so the hop limit follows the AMI: 2 on AL2023 AMIs/);
            assert.deepStrictEqual(check(metadata({ httpTokens: "required" }), { allowHopLimitTwo: true }).violations, []);
        });

        it("reports values of the wrong type as such", () => {
            assert.match(check({ ...launchTemplate(), metadataOptions: "required" }).violations[0], /metadataOptions has the wrong type: expected an object, found string "required"/);
            assert.match(check(metadata({ httpTokens: "required", httpPutResponseHopLimit: "one" as never })).violations[0], /httpPutResponseHopLimit has the wrong type: expected a number, found string "one"/);
            assert.match(check(metadata({ httpTokens: true as never, httpPutResponseHopLimit: 1 })).violations[0], /httpTokens has the wrong type: expected the string "required", found boolean true/);
            assert.deepStrictEqual(check(metadata({ httpTokens: "required", httpPutResponseHopLimit: "1" as never })).violations, []);
        });

        it("defers an unknown field by name, and still reports the others", () => {
            const r = check(metadata({ httpTokens: unknownValue<string>("string"), httpPutResponseHopLimit: 2 }));
            assert.strictEqual(r.violations.length, 1);
            assert.match(r.violations[0], /httpPutResponseHopLimit is 2/);
            assert.match(r.unknown ?? "", /LaunchTemplate "c-launchTemplate": metadataOptions\.httpTokens is computed from another resource; not known until deploy, so judged at `pulumi up`/);
        });

        it("judges launch configurations of eks.NodeGroup, whose fix is a transform on that component", () => {
            const lc = (props: object) =>
                checkResource(eksLaunchTemplateImdsv2, types.launchConfiguration, props, {
                    name: "ng-nodeLaunchConfiguration",
                    urn: urnOf(types.launchConfiguration, "ng-nodeLaunchConfiguration", ["eks:index:NodeGroup"]),
                    parent: urnOf("eks:index:NodeGroup", "ng"),
                });
            assert.deepStrictEqual(lc(launchConfiguration()).violations, []);
            const [v] = lc({ ...launchConfiguration(), metadataOptions: undefined }).violations;
            assert.match(v, /^LaunchConfiguration "ng-nodeLaunchConfiguration": metadataOptions is absent, so the instance follows the AMI's ImdsSupport/);
            assert.match(v, /eks\.NodeGroup cannot set this .* type === "aws:ec2\/launchConfiguration:LaunchConfiguration"/);
        });
    });

    describe("other templates (AnalyzeStack, when nodes launch from them)", () => {
        it("is not applicable at Analyze to a template no EKS component made, and says where it is judged", () => {
            const r = checkResource(eksLaunchTemplateImdsv2, types.launchTemplate, metadata({ httpTokens: "optional" }), { name: "web", dryRun: false });
            assert.deepStrictEqual(r.violations, []);
            assert.match(r.notApplicable ?? "", /^LaunchTemplate "web" was not made by an EKS component and its user data does not bootstrap EKS, so whether it launches Kubernetes nodes is decided on the stack: it is judged at AnalyzeStack/);
            const preview = checkResource(eksLaunchTemplateImdsv2, types.launchTemplate, { ...launchTemplate(), userData: unknownValue<string>("string") }, { name: "web" });
            assert.match(preview.notApplicable ?? "", /its user data is not known in this preview/);
        });

        it("judges at Analyze a template whose user data bootstraps an EKS node", () => {
            const r = checkResource(eksLaunchTemplateImdsv2, types.launchTemplate, { ...metadata({ httpTokens: "optional", httpPutResponseHopLimit: 1 }), userData: nodeadmUserData }, { name: "self" });
            assert.match(r.violations[0], /^LaunchTemplate "self": metadataOptions\.httpTokens is "optional"/);
        });

        it("flags the template a managed node group launches from, on the template", () => {
            const r = checkStack(eksLaunchTemplateImdsv2, weakTemplate(hardenedStack()), { dryRun: false });
            assert.deepStrictEqual(r.violations.map((v) => v.message), [
                'LaunchTemplate "prod-nodes": metadataOptions.httpTokens is "optional", so IMDSv1 requests without a session token are accepted; NodeGroup "prod-general" launches nodes from it. Fix: set httpTokens: "required"',
            ]);
            assert.strictEqual(r.violations[0].urn, urnOf(types.launchTemplate, "prod-nodes"));
            assert.deepStrictEqual(stackMessages(hardenedStack()), []);
        });

        it("flags the template of an Auto Scaling group of EKS, and ignores templates no node group uses", () => {
            assert.match(stackMessages(weakTemplate(selfManagedStack(), "system-nodes"))[0], /^LaunchTemplate "system-nodes": .*; Group "system" launches nodes from it/);
            const notEks = withProps(weakTemplate(selfManagedStack(), "system-nodes"), "system", ({ tags: _, ...p }) => p);
            assert.deepStrictEqual(stackMessages(notEks), []);
            const unused = withProps(weakTemplate(hardenedStack()), "prod-general", (p) => ({ ...p, launchTemplate: { id: "lt-elsewhere", version: "1" } }));
            assert.deepStrictEqual(stackMessages(unused), []);
        });

        it("finds the template by property dependency when its id is unknown (first preview)", () => {
            const preview = withProps(weakTemplate(hardenedStack()), "prod-nodes", (p) => ({ ...p, id: unknownValue("string"), arn: unknownValue("string") })).map((r) =>
                r.name === "prod-general"
                    ? { ...r, props: { ...r.props, launchTemplate: { id: unknownValue("string"), version: unknownValue("string") } }, propertyDependencies: { launchTemplate: [urnOf(types.launchTemplate, "prod-nodes")] } }
                    : r,
            );
            const r = checkStack(eksLaunchTemplateImdsv2, preview);
            assert.match(r.violations[0]?.message ?? "", /^LaunchTemplate "prod-nodes": metadataOptions\.httpTokens is "optional"/);
            assert.strictEqual(r.unknown, undefined);
        });

        it("defers metadataOptions the provider computes (absent from the program) in a preview, naming the template", () => {
            const preview = withProps(hardenedStack(), "prod-nodes", (p) => ({ ...p, metadataOptions: unknownValue("object") }));
            const r = checkStack(eksLaunchTemplateImdsv2, preview);
            assert.deepStrictEqual(r.violations, []);
            assert.match(r.unknown ?? "", /LaunchTemplate "prod-nodes": metadataOptions is computed by the provider when the program leaves it out, so this preview cannot show it; not known until deploy/);
        });

        it("does not judge a component's template again at AnalyzeStack", () => {
            const stack = weakTemplate(hardenedStack()).map((r) => (r.name === "prod-nodes" ? { ...r, ...madeByCluster(types.launchTemplate, "prod-nodes") } : r));
            assert.deepStrictEqual(stackMessages(stack), []);
        });

        it("judges the launch configuration an Auto Scaling group of EKS launches from", () => {
            const stack: StackEntry[] = [
                ...hardenedStack(),
                { type: types.launchConfiguration, name: "legacy-nodes", props: { ...launchConfiguration(), metadataOptions: { httpTokens: "optional", httpPutResponseHopLimit: 2 }, id: "legacy-nodes" } },
                { type: types.autoScalingGroup, name: "legacy", props: { minSize: 1, maxSize: 2, launchConfiguration: "legacy-nodes", tags: [{ key: "kubernetes.io/cluster/prod", value: "owned", propagateAtLaunch: true }] } },
            ];
            assert.deepStrictEqual(stackMessages(stack).map((m) => m.slice(0, m.indexOf(" is "))), [
                'LaunchConfiguration "legacy-nodes": metadataOptions.httpTokens',
                'LaunchConfiguration "legacy-nodes": metadataOptions.httpPutResponseHopLimit',
            ]);
        });
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksLaunchTemplateImdsv2, types.cluster, {}).notApplicable ?? "", /does not apply/);
    });
});
