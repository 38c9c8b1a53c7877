// The AKS programs under test/programs/azure, captured under mocks with the real azure-native SDK and
// evaluated through the engine runner as `pulumi preview` and `pulumi up` would evaluate them.
import * as assert from "assert";
import { azurePolicies } from "../../policies/azure";
import { useRunner } from "../e2e";
import { pinnedConfig } from "../reference-date";
import { evaluateProgram, lines, type ProgramResult } from "./harness";

const azureNames = new Set(azurePolicies.map((p) => p.name));
const stackPolicyNames = azurePolicies.filter((p) => "validateStack" in p).map((p) => p.name);

/** `policy: field` for each finding, sorted: what a reviewer reads first. */
function findingFields(result: ProgramResult): string[] {
    return result.findings
        .filter((d) => azureNames.has(d.policyName))
        .map((d) => {
            const text = d.message.slice(d.message.indexOf("\n") + 1);
            const field = /^\w+ "[^"]+": (\S+)/.exec(text)?.[1] ?? text;
            return `${d.policyName}: ${field}`;
        })
        .sort();
}

// The template's cluster, judged as a reviewer would: a public API server open to the internet, local
// accounts, no workload identity, no KMS, no encryption at host, no auto-upgrade, no monitoring or audit log,
// and a Kubernetes version (the template's default 1.33) whose AKS support ended on 2026-07-31.
const defaultFindings = [
    "aks-api-server-access-restricted: apiServerAccessProfile.authorizedIPRanges[0]",
    "aks-audit-logs-enabled: diagnostic",
    "aks-auto-upgrade-channel: autoUpgradeProfile.upgradeChannel",
    "aks-azure-policy-addon: addonProfiles.azurepolicy.enabled",
    "aks-defender-enabled: securityProfile.defender.securityMonitoring.enabled",
    "aks-disk-encryption-cmk: diskEncryptionSetID",
    "aks-local-accounts-disabled: disableLocalAccounts",
    "aks-monitoring-enabled: addonProfiles.omsagent",
    "aks-node-encryption-at-host: agentPoolProfiles[0].enableEncryptionAtHost",
    "aks-node-ssh-disabled: agentPoolProfiles[0].securityProfile.sshAccess",
    "aks-node-trusted-launch: agentPoolProfiles[0].securityProfile.enableSecureBoot",
    "aks-node-trusted-launch: agentPoolProfiles[0].securityProfile.enableVTPM",
    "aks-pod-imds-access-blocked: networkProfile.podLinkLocalAccess",
    "aks-private-cluster: apiServerAccessProfile.enablePrivateCluster",
    "aks-run-command-disabled: apiServerAccessProfile.disableRunCommand",
    "aks-secrets-kms-encryption: securityProfile.azureKeyVaultKms.enabled",
    "aks-version-supported: kubernetesVersion",
    "aks-workload-identity-enabled: oidcIssuerProfile.enabled",
    "aks-workload-identity-enabled: securityProfile.workloadIdentity.enabled",
];

// The AKS Automatic quickstart's cluster: the template's findings without the controls Automatic turns on,
// and without the two the template brings itself: a Kubernetes version past its support (the quickstart
// sets none, so AKS picks a supported one) and an authorized range of 0.0.0.0/0 (the quickstart sets no
// ranges at all, which is reported on the list instead of its first entry).
const automaticTurnsOn = ["aks-auto-upgrade-channel", "aks-azure-policy-addon", "aks-local-accounts-disabled", "aks-workload-identity-enabled"];
const automaticFindings = defaultFindings
    .filter((f) => !automaticTurnsOn.includes(f.split(":")[0]) && f !== "aks-version-supported: kubernetesVersion")
    .map((f) => f.replace("authorizedIPRanges[0]", "authorizedIPRanges"));

// The hardened cluster's securityProfile holds a Key Vault key URI and a workspace ID. The azure-native SDK
// computes securityProfile with one `.apply`, so in a first preview the whole object is unknown and every
// verdict that needs a field of it waits for `pulumi up`. Nothing else is deferred.
const securityProfileWhy =
    "is in securityProfile, which the azure-native SDK computes as a whole (one `.apply` over the object), so all of securityProfile " +
    "is unknown while any field in it is computed from another resource (such as a key, workspace or subnet ID); not known until deploy, so judged at `pulumi up`";
const hardenedPreviewDeferrals = [
    `aks-defender-enabled: ManagedCluster "aks": securityProfile.defender.securityMonitoring.enabled ${securityProfileWhy}`,
    `aks-pod-imds-access-blocked: ManagedCluster "aks": securityProfile.workloadIdentity.enabled ${securityProfileWhy}`,
    `aks-secrets-kms-encryption: ManagedCluster "aks": securityProfile.azureKeyVaultKms.enabled ${securityProfileWhy}`,
    `aks-workload-identity-enabled: ManagedCluster "aks": securityProfile.workloadIdentity.enabled ${securityProfileWhy}`,
];

/** The deferral lines of every policy, with the SDK's "can't run policy ... during preview: " prefix removed. */
function deferralLines(result: ProgramResult): string[] {
    return lines(result.deferrals).map((l) => l.replace(/can't run policy .* during preview: /, ""));
}

describe("AKS programs in a first preview", function () {
    this.timeout(180_000);
    const runner = useRunner(pinnedConfig(), { dryRun: true });

    it("hardened: no findings; only the securityProfile verdicts wait for pulumi up, each naming its field and why", async () => {
        const result = await evaluateProgram(runner(), "azure/aks-hardened", "preview");
        assert.deepStrictEqual(lines(result.findings), []);
        assert.deepStrictEqual(deferralLines(result), hardenedPreviewDeferrals);
    });

    it("default (Pulumi's template): the findings a reviewer expects, nothing deferred", async () => {
        const result = await evaluateProgram(runner(), "azure/aks-default", "preview");
        assert.deepStrictEqual(findingFields(result), defaultFindings);
        assert.deepStrictEqual(deferralLines(result), []);
    });

    it("automatic (the AKS Automatic quickstart): what Automatic turns on is not reported, the rest is", async () => {
        const result = await evaluateProgram(runner(), "azure/aks-automatic", "preview");
        assert.deepStrictEqual(findingFields(result), automaticFindings);
        assert.deepStrictEqual(deferralLines(result), []);
    });

    it("every stack policy gives a verdict on both programs (links by property dependency)", async () => {
        for (const program of ["azure/aks-hardened", "azure/aks-default"]) {
            const { evaluation } = await evaluateProgram(runner(), program, "preview");
            const stack = evaluation.stack;
            for (const name of stackPolicyNames) {
                assert.ok(!stack.diagnostics.some((d) => d.policyName === name && d.message.includes("can't run policy")), `${name} deferred on ${program}`);
                assert.ok(!stack.notApplicable.some((n) => n.policyName === name), `${name} not applicable on ${program}`);
            }
            const audit = stack.diagnostics.filter((d) => d.policyName === "aks-audit-logs-enabled");
            assert.strictEqual(audit.length, program.endsWith("default") ? 1 : 0, program);
        }
    });
});

describe("AKS programs at pulumi up", function () {
    this.timeout(180_000);
    const runner = useRunner(pinnedConfig(), { dryRun: false });

    it("hardened: no findings and nothing deferred", async () => {
        const result = await evaluateProgram(runner(), "azure/aks-hardened", "up");
        assert.deepStrictEqual(lines(result.findings), []);
        assert.deepStrictEqual(lines(result.deferrals), []);
    });

    it("hardened: every AKS policy passes wherever it applies (a verdict, never 'not applicable' for another reason than the type)", async () => {
        const { evaluation } = await evaluateProgram(runner(), "azure/aks-hardened", "up");
        const judged = new Set<string>();
        for (const { resource, result } of evaluation.resources) {
            const skipped = result.notApplicable.filter((n) => azureNames.has(n.policyName));
            assert.deepStrictEqual(skipped.filter((n) => !n.reason.startsWith("Policy does not apply")), [], resource.name);
            if (resource.type.startsWith("azure-native:containerservice:")) {
                for (const name of azureNames) if (!skipped.some((n) => n.policyName === name)) judged.add(name);
            }
        }
        for (const name of stackPolicyNames) if (!evaluation.stack.notApplicable.some((n) => n.policyName === name)) judged.add(name);
        assert.deepStrictEqual([...judged].sort(), [...azureNames].sort());
    });

    it("automatic: the same findings as in the preview", async () => {
        const result = await evaluateProgram(runner(), "azure/aks-automatic", "up");
        assert.deepStrictEqual(findingFields(result), automaticFindings);
        assert.deepStrictEqual(lines(result.deferrals), []);
    });

    it("default: the same findings as in the preview", async () => {
        const result = await evaluateProgram(runner(), "azure/aks-default", "up");
        assert.deepStrictEqual(findingFields(result), defaultFindings);
        assert.deepStrictEqual(lines(result.deferrals), []);
    });

});
