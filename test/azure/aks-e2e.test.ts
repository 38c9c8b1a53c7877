// End to end: the AKS examples through the compiled pack, started by the engine runner like `pulumi preview`.
// The hardened stack passes clean; the insecure one trips every AKS policy; each single weakening of the
// hardened stack is caught by the policy that owns the control, and by no other.
import type { ResourceValidationPolicy } from "@pulumi/policy";
import * as assert from "assert";
import type { ResourceInput } from "../../engine/runner";
import { azurePolicies } from "../../policies/azure";
import { azureNativeModel } from "../capture/providers/azure-native";
import { exampleResources, reportedPolicies, useRunner } from "../e2e";
import { checkResource, checkStack, type CheckResult, hasStackPart } from "../harness";
import { pinnedConfig } from "../reference-date";

type Props = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Stack {
    cluster: Props;
    pool: Props;
    inlinePool: Props;
    setting: Props;
}

/** A deep copy of the hardened example with one change applied. */
function weakened(change: (stack: Stack) => void): ResourceInput[] {
    const resources = exampleResources("azure/aks-hardened.json");
    const find = (kind: string) => resources.find((r) => r.type.endsWith(`:${kind}`))!.props as Props;
    const cluster = find("ManagedCluster");
    change({ cluster, pool: find("AgentPool"), inlinePool: cluster.agentPoolProfiles[0], setting: find("DiagnosticSetting") });
    return resources;
}

/** [policy that must catch it, what, the change, other policies that rightly catch it too] */
const weakenings: [policy: string, what: string, change: (s: Stack) => void, also?: string[]][] = [
    ["aks-local-accounts-disabled", "local accounts on", (s) => (s.cluster.disableLocalAccounts = false)],
    ["aks-private-cluster", "public API server behind authorized ranges", (s) => (s.cluster.apiServerAccessProfile = { disableRunCommand: true, authorizedIPRanges: ["203.0.113.0/24"] })],
    ["aks-api-server-access-restricted", "public API server open to all", (s) => (s.cluster.apiServerAccessProfile = { disableRunCommand: true, authorizedIPRanges: ["0.0.0.0/0"] }), ["aks-private-cluster"]],
    ["aks-public-network-access-disabled", "private cluster with public access", (s) => (s.cluster.publicNetworkAccess = "Enabled")],
    ["aks-run-command-disabled", "run command allowed", (s) => delete s.cluster.apiServerAccessProfile.disableRunCommand],
    ["aks-aad-managed", "legacy Entra ID integration", (s) => (s.cluster.aadProfile.managed = false)],
    ["aks-azure-rbac-enabled", "Azure RBAC off", (s) => (s.cluster.aadProfile.enableAzureRBAC = false)],
    ["aks-rbac-enabled", "Kubernetes RBAC off", (s) => (s.cluster.enableRBAC = false)],
    ["aks-managed-identity", "service principal", (s) => (s.cluster.servicePrincipalProfile = { clientId: "app-id", secret: "x" })],
    ["aks-workload-identity-enabled", "no workload identity, with podLinkLocalAccess None", (s) => {
        s.cluster.securityProfile.workloadIdentity.enabled = false;
        s.cluster.networkProfile.podLinkLocalAccess = "None";
    }],
    ["aks-pod-imds-access-blocked", "no OIDC issuer and no podLinkLocalAccess", (s) => (s.cluster.oidcIssuerProfile.enabled = false), ["aks-workload-identity-enabled"]],
    ["aks-pod-identity-disabled", "pod identity", (s) => (s.cluster.podIdentityProfile = { enabled: true })],
    ["aks-pod-imds-access-blocked", "preview API with IMDS open", (s) => (s.cluster.networkProfile.podLinkLocalAccess = "IMDS")],
    ["aks-node-no-public-ip", "node public IPs on the AgentPool", (s) => (s.pool.enableNodePublicIP = true)],
    ["aks-node-no-public-ip", "node public IPs on the inline pool", (s) => (s.inlinePool.enableNodePublicIP = true)],
    ["aks-node-encryption-at-host", "no encryption at host", (s) => delete s.pool.enableEncryptionAtHost],
    ["aks-node-ssh-disabled", "SSH as local user", (s) => (s.inlinePool.securityProfile.sshAccess = "LocalUser")],
    ["aks-node-trusted-launch", "no vTPM", (s) => (s.pool.securityProfile.enableVTPM = false)],
    ["aks-node-version-supported", "stale node pool version", (s) => (s.pool.orchestratorVersion = "1.28.9")],
    ["aks-secrets-kms-encryption", "no KMS", (s) => delete s.cluster.securityProfile.azureKeyVaultKms],
    ["aks-disk-encryption-cmk", "platform-managed disk keys", (s) => delete s.cluster.diskEncryptionSetID],
    ["aks-keyvault-secrets-rotation", "no secret rotation", (s) => (s.cluster.addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation = "false")],
    ["aks-auto-upgrade-channel", "no auto-upgrade", (s) => (s.cluster.autoUpgradeProfile.upgradeChannel = "none")],
    ["aks-node-os-upgrade-channel", "unmanaged node OS", (s) => (s.cluster.autoUpgradeProfile.nodeOSUpgradeChannel = "Unmanaged")],
    ["aks-version-supported", "stale control plane version", (s) => (s.cluster.kubernetesVersion = "1.27.9")],
    ["aks-network-policy-enabled", "no network policy engine, with podLinkLocalAccess None", (s) => {
        s.cluster.networkProfile.networkPolicy = "none";
        s.cluster.networkProfile.podLinkLocalAccess = "None";
    }],
    ["aks-http-app-routing-disabled", "HTTP application routing", (s) => (s.cluster.addonProfiles.httpApplicationRouting = { enabled: true })],
    ["aks-kube-dashboard-disabled", "dashboard", (s) => (s.cluster.addonProfiles.kubeDashboard = { enabled: true })],
    ["aks-monitoring-enabled", "no monitoring", (s) => (s.cluster.addonProfiles.omsagent.enabled = false)],
    ["aks-azure-policy-addon", "no Azure Policy", (s) => delete s.cluster.addonProfiles.azurepolicy],
    ["aks-defender-enabled", "no Defender", (s) => (s.cluster.securityProfile.defender.securityMonitoring.enabled = false)],
    ["aks-audit-logs-enabled", "audit category missing", (s) => (s.setting.logs = [{ category: "guard", enabled: true }])],
    ["aks-audit-logs-enabled", "setting for another cluster", (s) => (s.setting.resourceUri = s.setting.resourceUri.replace("aks-prod", "aks-dev"))],
];

describe("AKS end to end (examples through the engine runner)", () => {
    const runner = useRunner(pinnedConfig());

    it("passes the hardened AKS stack clean: no diagnostics from any policy", async () => {
        const evaluation = await runner().evaluate(exampleResources("azure/aks-hardened.json"));
        assert.deepStrictEqual(reportedPolicies(evaluation), []);
        // The cluster, agent pool and stack were judged, not skipped.
        const clusterResult = evaluation.resources[0].result;
        assert.ok(!clusterResult.notApplicable.some((n) => n.policyName === "aks-aad-managed"));
        assert.ok(!evaluation.resources[1].result.notApplicable.some((n) => n.policyName === "aks-node-no-public-ip"));
        assert.ok(!evaluation.stack.notApplicable.some((n) => n.policyName === "aks-audit-logs-enabled"));
    });

    it("trips every AKS policy on the insecure example, with severity and level from the metadata", async () => {
        const evaluation = await runner().evaluate(exampleResources("azure/aks-insecure.json"));
        assert.deepStrictEqual(reportedPolicies(evaluation), azurePolicies.map((p) => p.name).sort());
        const audit = evaluation.stack.diagnostics.find((d) => d.policyName === "aks-audit-logs-enabled")!;
        assert.strictEqual(audit.severity, "high");
        assert.strictEqual(audit.enforcementLevel, "mandatory");
        assert.strictEqual(audit.urn, "urn:pulumi:dev::cluster-guard-scan::azure-native:containerservice:ManagedCluster::aks-legacy");
    });

    it("covers every AKS policy with at least one weakening", () => {
        assert.deepStrictEqual([...new Set(weakenings.map(([p]) => p))].sort(), azurePolicies.map((p) => p.name).sort());
    });

    for (const [policy, what, change, also = []] of weakenings) {
        it(`catches one weakening with ${policy}${also.length ? ` (and ${also.join(", ")})` : " alone"}: ${what}`, async () => {
            const evaluation = await runner().evaluate(weakened(change));
            assert.deepStrictEqual(reportedPolicies(evaluation), [policy, ...also].sort());
        });
    }

    it("judges versioned tokens of preview SDKs the same way", async () => {
        const resources = weakened((s) => (s.pool.enableNodePublicIP = true)).map((r) => ({
            ...r,
            type: r.type.replace(/^azure-native:(containerservice|monitor):/, "azure-native:$1/v20250702preview:"),
        }));
        assert.deepStrictEqual(reportedPolicies(await runner().evaluate(resources)), ["aks-node-no-public-ip"]);
    });
});

/** What ARM stores for a resource created from these inputs, as the provider model answers at up. */
function stateOf(resource: ResourceInput): ResourceInput {
    const urn = resource.urn ?? `urn:pulumi:dev::app::${resource.type}::${resource.name}`;
    const inputs = JSON.parse(JSON.stringify(resource.props)) as Record<string, unknown>;
    return { ...resource, urn, props: azureNativeModel.answer({ type: resource.type, name: resource.name, urn, inputs, custom: true }, "up").outputs };
}

function verdict(result: Pick<CheckResult, "notApplicable" | "unknown"> & { violations: unknown[] }): string {
    if (result.notApplicable !== undefined) return "not applicable";
    if (result.unknown !== undefined) return `deferred: ${result.unknown}`;
    return result.violations.length === 0 ? "pass" : "fail";
}

// `pulumi policy analyze` and audit policy groups judge stored state: the ARM response, without path
// parameters, with ARM's defaults and with the setting's own id instead of its resourceUri.
describe("AKS verdicts on stored state equal those on inputs, for the hardened example and each weakening", () => {
    const isResourcePolicy = (p: unknown): p is ResourceValidationPolicy => typeof (p as ResourceValidationPolicy).validateResource !== "undefined";
    const cases: [string, (s: Stack) => void][] = [["hardened", () => undefined], ...weakenings.map(([policy, what, change]): [string, (s: Stack) => void] => [`${policy}: ${what}`, change])];
    for (const [what, change] of cases) {
        it(what, () => {
            const inputs = weakened(change);
            const states = inputs.map(stateOf);
            for (const policy of azurePolicies) {
                if (isResourcePolicy(policy)) {
                    inputs.forEach((input, i) => {
                        const onInputs = verdict(checkResource(policy, input.type, input.props, { name: input.name, dryRun: false }));
                        const onState = verdict(checkResource(policy, input.type, states[i].props, { name: input.name, dryRun: false }));
                        assert.strictEqual(onState, onInputs, `${policy.name} on ${input.name}`);
                    });
                }
                if (hasStackPart(policy)) {
                    assert.strictEqual(verdict(checkStack(policy, states, { dryRun: false })), verdict(checkStack(policy, inputs, { dryRun: false })), policy.name);
                }
            }
        });
    }
});
