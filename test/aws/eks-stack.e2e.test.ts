// End to end: the hardened EKS stack and each single weakening of it, through the compiled pack and the
// engine runner (Analyze on every resource, then AnalyzeStack), as `pulumi preview` runs them.
import * as assert from "assert";
import type { ResourceInput } from "../../engine/runner";
import { awsPolicies } from "../../policies/aws";
import { diagnosticsOf, exampleResources, reportedPolicies, useRunner } from "../e2e";
import { pinnedConfig } from "../reference-date";
import { hardenedStack, type StackEntry, types, withProps } from "./fixtures";

type Props = Record<string, unknown>;

/** Every diagnostic of the evaluation (per resource and stack), by policy name. */
const set = (field: string, value: unknown) => (p: Props) => ({ ...p, [field]: value });
const drop = (field: string) => (p: Props) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== field));
const vpc = (change: Props) => (p: Props) => ({ ...p, vpcConfig: { ...(p.vpcConfig as Props), ...change } });
const access = (change: Props) => (p: Props) => ({ ...p, accessConfig: { ...(p.accessConfig as Props), ...change } });
const metadata = (change: Props) => (p: Props) => ({ ...p, metadataOptions: { ...(p.metadataOptions as Props), ...change } });

/** One weakening: the resource changed, how, and the policies that must catch it. */
const weakenings: { what: string; resource: string; change: (p: Props) => Props; caughtBy: string[] }[] = [
    { what: "a public endpoint (narrow CIDRs)", resource: "prod", change: vpc({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.10/32"] }), caughtBy: ["eks-endpoint-private"] },
    { what: "a public endpoint open to 0.0.0.0/0", resource: "prod", change: vpc({ endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] }), caughtBy: ["eks-endpoint-private", "eks-public-access-cidrs"] },
    { what: "private access off", resource: "prod", change: vpc({ endpointPrivateAccess: false }), caughtBy: ["eks-private-access-enabled"] },
    { what: "no secrets encryption", resource: "prod", change: drop("encryptionConfig"), caughtBy: ["eks-secrets-encryption"] },
    { what: "only api logs", resource: "prod", change: set("enabledClusterLogTypes", ["api"]), caughtBy: ["eks-control-plane-logging"] },
    { what: "a version past standard support", resource: "prod", change: set("version", "1.29"), caughtBy: ["eks-version-currency"] },
    { what: "extended support", resource: "prod", change: set("upgradePolicy", { supportType: "EXTENDED" }), caughtBy: ["eks-version-currency"] },
    { what: "the aws-auth ConfigMap still on", resource: "prod", change: access({ authenticationMode: "API_AND_CONFIG_MAP" }), caughtBy: ["eks-api-authentication-mode"] },
    { what: "the creator bootstrapped as admin", resource: "prod", change: access({ bootstrapClusterCreatorAdminPermissions: true }), caughtBy: ["eks-no-bootstrap-cluster-creator-admin"] },
    // The template's metadata options are eks-launch-template-imdsv2's finding alone (no double report).
    { what: "IMDSv1 allowed", resource: "prod-nodes", change: metadata({ httpTokens: "optional" }), caughtBy: ["eks-launch-template-imdsv2"] },
    { what: "hop limit 2", resource: "prod-nodes", change: metadata({ httpPutResponseHopLimit: 2 }), caughtBy: ["eks-launch-template-imdsv2"] },
    { what: "an unencrypted root volume", resource: "prod-nodes", change: set("blockDeviceMappings", [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }]), caughtBy: ["eks-launch-template-ebs-encrypted"] },
    { what: "public IPs on nodes", resource: "prod-nodes", change: set("networkInterfaces", [{ deviceIndex: 0, associatePublicIpAddress: "true" }]), caughtBy: ["eks-launch-template-no-public-ip"] },
    { what: "a node group without launch template", resource: "prod-general", change: drop("launchTemplate"), caughtBy: ["eks-node-group-imds-hardened"] },
    { what: "a public subnet for nodes", resource: "private-b", change: set("mapPublicIpOnLaunch", true), caughtBy: ["eks-node-group-private-subnets"] },
    {
        what: "SSH open to the world",
        resource: "prod-general",
        change: (p) => ({ ...drop("launchTemplate")(p), remoteAccess: { ec2SshKey: "ops" } }),
        caughtBy: ["eks-node-group-imds-hardened", "eks-node-group-ssh-restricted"],
    },
    { what: "a KMS key without rotation", resource: "eks-secrets", change: set("enableKeyRotation", false), caughtBy: ["eks-kms-key-rotation"] },
    {
        what: "cluster admin at cluster scope",
        resource: "team-a-edit",
        change: (p) => ({ ...p, policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", accessScope: { type: "cluster" } }),
        caughtBy: ["eks-cluster-admin-access"],
    },
    { what: "vpc-cni without network policy", resource: "vpc-cni", change: drop("configurationValues"), caughtBy: ["eks-vpc-cni-network-policy"] },
];

const asInputs = (stack: StackEntry[]): ResourceInput[] => stack.map((r) => ({ type: r.type, name: r.name, props: r.props }));

describe("EKS end to end (compiled pack via the engine runner)", () => {
    // Judge version currency on the pinned date, so the hardened stack's version does not age out of the test.
    const runner = useRunner(pinnedConfig());

    it("passes the hardened stack clean", async () => {
        const evaluation = await runner().evaluate(asInputs(hardenedStack()));
        assert.deepStrictEqual(reportedPolicies(evaluation), []);
        // Every AWS policy ran on it: none was skipped as not applicable. Launch templates no EKS component
        // made are judged at AnalyzeStack (their Analyze step says so), so the stack step must not skip them.
        const notApplicable = [...evaluation.resources.flatMap((r) => r.result.notApplicable), ...evaluation.stack.notApplicable]
            .filter((n) => n.policyName.startsWith("eks-") && !/(only applies|does not apply) to resources of type|is decided on the stack/.test(n.reason));
        assert.deepStrictEqual(notApplicable, []);
    });

    it("covers every AWS policy with at least one weakening", () => {
        const covered = new Set(weakenings.flatMap((w) => w.caughtBy));
        assert.deepStrictEqual(awsPolicies.map((p) => p.name).filter((n) => !covered.has(n)), []);
    });

    for (const w of weakenings) {
        it(`catches ${w.what}`, async () => {
            const evaluation = await runner().evaluate(asInputs(withProps(hardenedStack(), w.resource, w.change)));
            assert.deepStrictEqual(reportedPolicies(evaluation), [...w.caughtBy].sort());
        });
    }

    it("reports stack findings with the resource's URN, severity and level", async () => {
        const evaluation = await runner().evaluate(asInputs(withProps(hardenedStack(), "private-b", set("mapPublicIpOnLaunch", true))));
        const [d] = diagnosticsOf(evaluation.stack, "eks-node-group-private-subnets");
        assert.strictEqual(d.urn, `urn:pulumi:dev::cluster-guard-scan::${types.nodeGroup}::prod-general`);
        assert.strictEqual(d.severity, "high");
        assert.strictEqual(d.enforcementLevel, "mandatory");
    });

    it("says node group checks do not apply to an Auto Mode cluster's AWS-managed nodes", async () => {
        const stack = withProps(
            hardenedStack().filter((r) => r.type !== types.nodeGroup && r.type !== types.launchTemplate),
            "prod",
            set("computeConfig", { enabled: true, nodePools: ["general-purpose", "system"], nodeRoleArn: "arn:aws:iam::111122223333:role/auto-nodes" }),
        );
        const evaluation = await runner().evaluate(asInputs(stack));
        assert.deepStrictEqual(reportedPolicies(evaluation), []);
        for (const name of ["eks-node-group-imds-hardened", "eks-node-group-private-subnets"]) {
            const reason = evaluation.stack.notApplicable.find((n) => n.policyName === name)?.reason ?? "";
            assert.match(reason, /Cluster "prod" uses EKS Auto Mode/, name);
        }
    });

    it("finds nothing in examples/aws/eks-hardened.json and many violations in eks-insecure.json", async () => {
        const hardened = await runner().evaluate(exampleResources("aws/eks-hardened.json"));
        assert.deepStrictEqual(reportedPolicies(hardened), []);
        const insecure = await runner().evaluate(exampleResources("aws/eks-insecure.json"));
        const caught = reportedPolicies(insecure);
        assert.deepStrictEqual(awsPolicies.map((p) => p.name).filter((n) => !caught.includes(n)), []);
    });
});
