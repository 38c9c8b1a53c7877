// Real TypeScript programs with the real @pulumi/aws SDK, captured under mocks as the engine sees them in a
// first `pulumi preview` (ids, ARNs and computed fields unknown) and at `pulumi up`, and evaluated through
// the engine runner: the @pulumi/eks default cluster (v4.3.0, modelled child by child), the insecure raw
// default, the hardened raw program that follows every AWS remediation literally, and the @pulumi/eks
// cluster hardened with the component fixes the pack gives.
import * as assert from "assert";
import type { PolicyDiagnostic } from "../../engine/runner";
import { awsPolicies } from "../../policies/aws";
import { useRunner } from "../e2e";
import { hasStackPart } from "../harness";
import { pinnedConfig } from "../reference-date";
import { evaluateProgram, type ProgramResult } from "./harness";

type Mode = "preview" | "up";

/** `policy label path` of a finding: `eks-endpoint-private Cluster "c-eksCluster" vpcConfig.endpointPublicAccess`. */
function key(d: PolicyDiagnostic): string {
    const message = d.message.slice(d.message.indexOf("\n") + 1);
    const match = /^([A-Za-z]+ "[^"]*"): (\S+) /.exec(message);
    return `${d.policyName} ${match ? `${match[1]} ${match[2]}` : message}`;
}
const keys = (diagnostics: readonly PolicyDiagnostic[]) => diagnostics.map(key).sort();
const fixOf = (d: PolicyDiagnostic) => d.message.slice(d.message.indexOf(". Fix: ") + 7);

/** The @pulumi/eks default: what a reviewer expects, in preview and at up alike. */
const componentDefaultFindings = [
    'eks-api-authentication-mode Cluster "c-eksCluster" accessConfig.authenticationMode',
    'eks-control-plane-logging Cluster "c-eksCluster" enabledClusterLogTypes',
    'eks-endpoint-private Cluster "c-eksCluster" vpcConfig.endpointPublicAccess',
    'eks-launch-template-ebs-encrypted LaunchTemplate "c-launchTemplate" blockDeviceMappings',
    'eks-launch-template-imdsv2 LaunchTemplate "c-launchTemplate" metadataOptions',
    'eks-launch-template-no-public-ip LaunchTemplate "c-launchTemplate" networkInterfaces[0].associatePublicIpAddress',
    'eks-no-bootstrap-cluster-creator-admin Cluster "c-eksCluster" accessConfig.bootstrapClusterCreatorAdminPermissions',
    'eks-private-access-enabled Cluster "c-eksCluster" vpcConfig.endpointPrivateAccess',
    'eks-public-access-cidrs Cluster "c-eksCluster" vpcConfig.publicAccessCidrs',
    'eks-secrets-encryption Cluster "c-eksCluster" encryptionConfig',
    'eks-version-currency Cluster "c-eksCluster" upgradePolicy.supportType',
    'eks-vpc-cni-network-policy Addon "c-vpc-cni" configurationValues.enableNetworkPolicy',
];

const rawClusterFindings = [
    'eks-api-authentication-mode Cluster "cluster" accessConfig.authenticationMode',
    'eks-control-plane-logging Cluster "cluster" enabledClusterLogTypes',
    'eks-endpoint-private Cluster "cluster" vpcConfig.endpointPublicAccess',
    'eks-no-bootstrap-cluster-creator-admin Cluster "cluster" accessConfig.bootstrapClusterCreatorAdminPermissions',
    'eks-node-group-imds-hardened NodeGroup "nodes" launchTemplate',
    'eks-private-access-enabled Cluster "cluster" vpcConfig.endpointPrivateAccess',
    'eks-public-access-cidrs Cluster "cluster" vpcConfig.publicAccessCidrs',
    'eks-secrets-encryption Cluster "cluster" encryptionConfig',
    'eks-version-currency Cluster "cluster" upgradePolicy.supportType',
];

/** The subnets are unknown in a first preview and found by property dependency; at up they are known by id. */
const rawSubnetFindings: Record<Mode, string[]> = {
    preview: ['eks-node-group-private-subnets NodeGroup "nodes" subnetIds', 'eks-node-group-private-subnets NodeGroup "nodes" subnetIds'],
    up: ['eks-node-group-private-subnets NodeGroup "nodes" subnetIds[0]', 'eks-node-group-private-subnets NodeGroup "nodes" subnetIds[1]'],
};

/** Policies judged at AnalyzeStack (stack policies and resource policies with a stack part). */
const stackChecks = new Set(awsPolicies.filter(hasStackPart).map((p) => p.name));

/** The AWS policies that gave a real verdict (not "not applicable") somewhere in the evaluation. */
function judgedBy(result: ProgramResult): string[] {
    const { evaluation } = result;
    return awsPolicies
        .map((p) => p.name)
        .filter((name) => {
            const byResource = evaluation.resources.some((r) => !r.result.notApplicable.some((n) => n.policyName === name));
            const byStack = stackChecks.has(name) && !evaluation.stack.notApplicable.some((n) => n.policyName === name);
            return byResource || byStack;
        });
}

for (const mode of ["preview", "up"] as const) {
    describe(`AWS programs through the engine runner (${mode === "preview" ? "a first pulumi preview" : "pulumi up"})`, () => {
        const runner = useRunner(pinnedConfig(), { dryRun: mode === "preview" });
        // One evaluation per program and mode: the tests below read the same results.
        const results = new Map<string, Promise<ProgramResult>>();
        const evaluate = (program: string) => {
            if (!results.has(program)) results.set(program, evaluateProgram(runner(), program, mode));
            return results.get(program)!;
        };

        it("@pulumi/eks default cluster: the findings a reviewer expects, each with a component fix, and no deferral", async () => {
            const r = await evaluate("aws/eks-component-default");
            assert.deepStrictEqual(keys(r.findings), componentDefaultFindings);
            assert.deepStrictEqual(r.deferrals, []);
            for (const finding of r.findings) {
                const fix = fixOf(finding);
                assert.match(fix, /on (the )?eks\.Cluster\b|eks\.Cluster cannot set this .*transforms: \[/, finding.message);
                // upgradePolicy is an eks.Cluster argument of the same name.
                if (finding.policyName === "eks-version-currency") assert.match(fix, /^set upgradePolicy: \{ supportType: "STANDARD" \} on eks\.Cluster "c"$/);
                assert.doesNotMatch(fix, /aws\.eks\.Cluster|vpcConfig\.|accessConfig\.|set metadataOptions/, finding.message);
            }
        });

        it("@pulumi/eks default cluster: the node template's IMDS finding follows the AMI, and does not claim IMDSv1 is on", async () => {
            const r = await evaluate("aws/eks-component-default");
            const [imds] = r.findings.filter((f) => f.policyName === "eks-launch-template-imdsv2");
            assert.match(imds.message, /metadataOptions is absent, so the instance follows the AMI's ImdsSupport: AL2023 AMIs require IMDSv2 with hop limit 2, while AL2 allows IMDSv1/);
            assert.ok(!r.findings.some((f) => /IMDSv1 requests without a session token are accepted|accepts IMDSv1/.test(f.message)));
            assert.match(fixOf(imds), /metadataOptions: \{ httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 \}/);
        });

        it("insecure raw default (aws.eks.Cluster + aws.eks.NodeGroup): the findings a reviewer expects, and no deferral", async () => {
            const r = await evaluate("aws/eks-raw-default");
            assert.deepStrictEqual(keys(r.findings), [...rawClusterFindings, ...rawSubnetFindings[mode]].sort());
            assert.deepStrictEqual(r.deferrals, []);
        });

        it("hardened raw program (every remediation, literally): no finding and no deferral", async () => {
            const r = await evaluate("aws/eks-hardened");
            assert.deepStrictEqual(keys(r.findings), []);
            // Nothing in it is truly unknowable before deploy: links resolve by property dependency, presence
            // decides for the key ARN, and every field the policies read is set by the program.
            assert.deepStrictEqual(keys(r.deferrals), []);
        });

        it("hardened raw program: every AWS policy gives a verdict (pass), none is merely not applicable", async () => {
            const r = await evaluate("aws/eks-hardened");
            assert.deepStrictEqual(judgedBy(r), awsPolicies.map((p) => p.name));
        });

        it("@pulumi/eks cluster hardened with the component fixes (arguments and transforms): no finding and no deferral", async () => {
            const r = await evaluate("aws/eks-component-hardened");
            assert.deepStrictEqual(keys(r.findings), []);
            assert.deepStrictEqual(keys(r.deferrals), []);
        });

        it("every stack check gives a verdict, never a deferral, in every program", async () => {
            for (const program of ["aws/eks-component-default", "aws/eks-raw-default", "aws/eks-hardened", "aws/eks-component-hardened"]) {
                const r = await evaluate(program);
                assert.deepStrictEqual(r.evaluation.stack.diagnostics.filter((d) => r.deferrals.includes(d)).map(key), [], program);
                const skipped = r.evaluation.stack.notApplicable.filter((n) => stackChecks.has(n.policyName) && !/^(No resources of type|Policy only applies to resources of type)/.test(n.reason));
                assert.deepStrictEqual(skipped, [], program);
            }
        });
    });
}
