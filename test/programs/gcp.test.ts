// The GKE programs under test/programs/gcp, captured under mocks with the real @pulumi/gcp SDK and evaluated
// through the engine runner as `pulumi preview` and `pulumi up` would evaluate them.
import * as assert from "assert";
import { gcpPolicies } from "../../policies/gcp";
import { useRunner } from "../e2e";
import { pinnedConfig } from "../reference-date";
import { evaluateProgram, lines, type ProgramResult } from "./harness";

const gcpNames = new Set(gcpPolicies.map((p) => p.name));
const stackPartNames = gcpPolicies.filter((p) => "validateStack" in p).map((p) => p.name).sort();
const programs = ["gcp/gke-default", "gcp/gke-hardened", "gcp/gke-autopilot"] as const;

/** `policy: Resource "name": field` for each finding, sorted: what a reviewer reads first. */
function findingFields(result: ProgramResult): string[] {
    return result.findings
        .filter((d) => gcpNames.has(d.policyName))
        .map((d) => {
            const text = d.message.slice(d.message.indexOf("\n") + 1);
            const field = /^(\w+ "[^"]+": \S+)/.exec(text)?.[1] ?? text;
            return `${d.policyName}: ${field}`;
        })
        .sort();
}

/** The deferral lines, with the SDK's "can't run policy ... during preview: " prefix removed. */
function deferralLines(result: ProgramResult): string[] {
    return lines(result.deferrals).map((l) => l.replace(/can't run policy .* during preview: /, ""));
}

// Pulumi's GKE template (kubernetes-gcp-typescript), judged as a reviewer would: a public control-plane endpoint
// open to 0.0.0.0/0, Secrets without application-layer encryption, insecure RBAC bindings allowed, nodes without
// Secure Boot or a customer-managed boot-disk key, and the advisory hardening it skips. Its node pool leaves the
// metadata mode unset on a cluster with Workload Identity, so GKE runs the GKE metadata server: no finding.
const defaultFindings = [
    'gke-anonymous-auth-limited: Cluster "gke-cluster": anonymousAuthenticationConfig.mode',
    'gke-authorized-networks: Cluster "gke-cluster": masterAuthorizedNetworksConfig.cidrBlocks[0].cidrBlock',
    'gke-boot-disk-cmek: NodePool "gke-nodepool": nodeConfig.bootDiskKmsKey',
    'gke-google-groups-rbac: Cluster "gke-cluster": authenticatorGroupsConfig.securityGroup',
    'gke-intranode-visibility: Cluster "gke-cluster": enableIntranodeVisibility',
    'gke-no-insecure-rbac-bindings: Cluster "gke-cluster": rbacBindingConfig.enableInsecureBindingSystemAuthenticated',
    'gke-no-insecure-rbac-bindings: Cluster "gke-cluster": rbacBindingConfig.enableInsecureBindingSystemUnauthenticated',
    'gke-private-endpoint: Cluster "gke-cluster": privateClusterConfig.enablePrivateEndpoint',
    'gke-secrets-encryption: Cluster "gke-cluster": databaseEncryption.state',
    'gke-secure-boot: NodePool "gke-nodepool": nodeConfig.shieldedInstanceConfig.enableSecureBoot',
];

/** Why a GKE policy does not judge a resource of the hardened programs, other than its type. */
const expectedNotApplicable: Record<string, string[]> = {
    "gcp/gke-hardened": [
        'gke-authorized-networks on Cluster "gke": the control plane has no public IP endpoint',
        ...[
            "gke-boot-disk-cmek",
            "gke-cos-containerd-image",
            "gke-integrity-monitoring",
            "gke-legacy-metadata-disabled",
            "gke-metadata-server",
            "gke-no-cloud-platform-scope",
            "gke-no-default-service-account",
            "gke-node-auto-repair",
            "gke-node-auto-upgrade",
            "gke-secure-boot",
        ].map((name) => `${name} on Cluster "gke": removeDefaultNodePool is true`),
    ],
    "gcp/gke-autopilot": [
        'gke-authorized-networks on Cluster "autopilot": the control plane has no public IP endpoint',
        ...[
            "gke-cos-containerd-image",
            "gke-integrity-monitoring",
            "gke-intranode-visibility",
            "gke-legacy-metadata-disabled",
            "gke-metadata-server",
            "gke-network-policy",
            "gke-node-auto-repair",
            "gke-node-auto-upgrade",
            "gke-secure-boot",
            "gke-shielded-nodes",
            "gke-vpc-native",
            "gke-workload-identity",
        ].map((name) => `${name} on Cluster "autopilot": Autopilot cluster`),
    ],
};

describe("GKE programs in a first preview", function () {
    this.timeout(300_000);
    const runner = useRunner(pinnedConfig(), { dryRun: true });

    it("default (Pulumi's template): the findings a reviewer expects, and no gke-metadata-server finding", async () => {
        const result = await evaluateProgram(runner(), "gcp/gke-default", "preview");
        assert.deepStrictEqual(findingFields(result), defaultFindings);
        assert.deepStrictEqual(deferralLines(result), []);
    });

    for (const program of ["gcp/gke-hardened", "gcp/gke-autopilot"]) {
        it(`${program}: no findings, and nothing deferred (keys and service accounts computed from other resources are known to be set)`, async () => {
            const result = await evaluateProgram(runner(), program, "preview");
            assert.deepStrictEqual(lines(result.findings), []);
            assert.deepStrictEqual(deferralLines(result), []);
        });
    }

    it("every stack part gives a verdict on every program: links by property dependency, no deferral", async () => {
        assert.deepStrictEqual(stackPartNames, [
            "gke-metadata-server",
            "gke-no-cloud-platform-scope",
            "gke-no-default-service-account",
            "gke-private-nodes",
            "gke-version-supported",
        ]);
        for (const program of programs) {
            const { evaluation } = await evaluateProgram(runner(), program, "preview");
            const stack = evaluation.stack;
            for (const name of stackPartNames) {
                assert.ok(!stack.diagnostics.some((d) => d.policyName === name && d.message.includes("can't run policy")), `${name} deferred on ${program}`);
                assert.ok(!stack.notApplicable.some((n) => n.policyName === name), `${name} not applicable on ${program}`);
            }
        }
    });
});

describe("GKE programs at pulumi up", function () {
    this.timeout(300_000);
    const runner = useRunner(pinnedConfig(), { dryRun: false });

    it("default: the same findings as in the preview, nothing deferred", async () => {
        const result = await evaluateProgram(runner(), "gcp/gke-default", "up");
        assert.deepStrictEqual(findingFields(result), defaultFindings);
        assert.deepStrictEqual(deferralLines(result), []);
    });

    for (const program of ["gcp/gke-hardened", "gcp/gke-autopilot"]) {
        it(`${program}: no findings and nothing deferred`, async () => {
            const result = await evaluateProgram(runner(), program, "up");
            assert.deepStrictEqual(lines(result.findings), []);
            assert.deepStrictEqual(lines(result.deferrals), []);
        });

        it(`${program}: every GKE policy passes wherever it applies; 'not applicable' only for the reasons expected`, async () => {
            const { evaluation } = await evaluateProgram(runner(), program, "up");
            const judged = new Set<string>();
            const skipped: string[] = [];
            for (const { resource, result } of evaluation.resources) {
                if (!resource.type.startsWith("gcp:container/")) continue;
                for (const name of gcpNames) {
                    const reason = result.notApplicable.find((n) => n.policyName === name)?.reason;
                    if (reason === undefined) judged.add(name);
                    else if (!/^Policy (does not apply|only applies)/.test(reason)) skipped.push(`${name} on ${resource.type.split(":").pop()} "${resource.name}": ${reason}`);
                }
            }
            const expected = expectedNotApplicable[program];
            assert.deepStrictEqual(skipped.map((s) => expected.find((e) => s.startsWith(e)) ?? s).sort(), [...expected].sort());
            // Node settings not applicable to the Standard cluster are judged on its NodePool; what is left applies nowhere.
            const nowhere = [...new Set(expected.map((e) => e.split(" ")[0]))].filter((n) => program.endsWith("autopilot") || n === "gke-authorized-networks");
            assert.deepStrictEqual([...gcpNames].filter((n) => !judged.has(n)).sort(), nowhere.sort(), "policies judged on no resource");
        });
    }
});
