// End to end through the engine runner (the compiled pack, started like `pulumi preview` does): the
// hardened GKE stacks and examples pass clean, and every single weakening of them is caught.
import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import type { NodePoolArgs } from "@pulumi/gcp/container/nodePool";
import * as assert from "assert";
import type { ResourceInput } from "../../engine/runner";
import { gcpPolicies } from "../../policies/gcp";
import { exampleResources, reportedPolicies, useRunner } from "../e2e";
import { pinnedConfig } from "../reference-date";
import { clusterType, hardenedAutopilot, hardenedCluster, hardenedPool, poolType } from "./fixtures";

function standardStack(cluster: ClusterArgs = hardenedCluster(), pool: NodePoolArgs = hardenedPool()): ResourceInput[] {
    return [
        { type: clusterType, name: "prod", props: cluster },
        { type: poolType, name: "prod-general", props: pool },
    ];
}

function autopilotStack(cluster: ClusterArgs = hardenedAutopilot()): ResourceInput[] {
    return [{ type: clusterType, name: "autopilot", props: cluster }];
}

/** Every policy that reported anything, on any resource or the stack. */
type Weakening<T> = [string, (props: T) => void, string];

const clusterWeakenings: Weakening<ClusterArgs>[] = [
    ["public nodes", (c) => { c.privateClusterConfig = { enablePrivateNodes: false, enablePrivateEndpoint: true }; }, "gke-private-nodes"],
    ["public endpoint", (c) => { c.privateClusterConfig = { enablePrivateNodes: true, enablePrivateEndpoint: false }; }, "gke-private-endpoint"],
    ["DNS endpoint open to the internet", (c) => { c.controlPlaneEndpointsConfig = { dnsEndpointConfig: { allowExternalTraffic: true } }; }, "gke-private-endpoint"],
    ["public endpoint open to 0.0.0.0/0", (c) => {
        c.privateClusterConfig = { enablePrivateNodes: true, enablePrivateEndpoint: false };
        c.masterAuthorizedNetworksConfig = { cidrBlocks: [{ cidrBlock: "0.0.0.0/0" }] };
    }, "gke-authorized-networks"],
    ["public endpoint without authorized networks", (c) => {
        c.privateClusterConfig = { enablePrivateNodes: true, enablePrivateEndpoint: false };
        delete c.masterAuthorizedNetworksConfig;
    }, "gke-authorized-networks"],
    ["alpha features", (c) => { c.enableKubernetesAlpha = true; }, "gke-no-kubernetes-alpha"],
    ["anonymous auth", (c) => { c.anonymousAuthenticationConfig = { mode: "ENABLED" }; }, "gke-anonymous-auth-limited"],
    ["no Workload Identity", (c) => { delete c.workloadIdentityConfig; }, "gke-workload-identity"],
    ["no Google Groups", (c) => { delete c.authenticatorGroupsConfig; }, "gke-google-groups-rbac"],
    ["insecure binding", (c) => { c.rbacBindingConfig = { enableInsecureBindingSystemAuthenticated: true, enableInsecureBindingSystemUnauthenticated: false }; }, "gke-no-insecure-rbac-bindings"],
    ["legacy ABAC", (c) => { c.enableLegacyAbac = true; }, "gke-no-legacy-abac"],
    ["client certificate", (c) => { c.masterAuth = { clientCertificateConfig: { issueClientCertificate: true } }; }, "gke-no-basic-auth-client-cert"],
    ["plain Secrets", (c) => { c.databaseEncryption = { state: "DECRYPTED" }; }, "gke-secrets-encryption"],
    ["no release channel", (c) => { c.releaseChannel = { channel: "UNSPECIFIED" }; }, "gke-release-channel"],
    ["shielded nodes off", (c) => { c.enableShieldedNodes = false; }, "gke-shielded-nodes"],
    ["expired version", (c) => { c.minMasterVersion = "1.29.15-gke.2725000"; }, "gke-version-supported"],
    ["legacy datapath", (c) => { c.datapathProvider = "LEGACY_DATAPATH"; }, "gke-network-policy"],
    ["routes-based", (c) => { c.networkingMode = "ROUTES"; delete c.ipAllocationPolicy; }, "gke-vpc-native"],
    ["intranode visibility off", (c) => { c.enableIntranodeVisibility = false; }, "gke-intranode-visibility"],
    ["logging off", (c) => { c.loggingService = "none"; }, "gke-logging-enabled"],
    ["workloads not logged", (c) => { c.loggingConfig = { enableComponents: ["SYSTEM_COMPONENTS"] }; }, "gke-logging-enabled"],
    ["legacy Stackdriver monitoring", (c) => { c.monitoringService = "monitoring.googleapis.com"; }, "gke-monitoring-enabled"],
    ["Calico without the network policy add-on", (c) => { c.datapathProvider = "LEGACY_DATAPATH"; c.networkPolicy = { enabled: true, provider: "CALICO" }; }, "gke-network-policy"],
    ["monitoring off", (c) => { c.monitoringService = "none"; }, "gke-monitoring-enabled"],
    ["Binary Authorization off", (c) => { c.binaryAuthorization = { evaluationMode: "DISABLED" }; }, "gke-binary-authorization"],
    ["security posture off", (c) => { c.securityPostureConfig = { mode: "DISABLED" }; }, "gke-security-posture"],
    ["default pool kept with default settings", (c) => { c.removeDefaultNodePool = false; }, "gke-no-default-service-account"],
];

const poolWeakenings: Weakening<NodePoolArgs>[] = [
    ["public nodes", (p) => { p.networkConfig = { enablePrivateNodes: false }; }, "gke-private-nodes"],
    ["Compute Engine metadata", (p) => { nodeConfig(p).workloadMetadataConfig = { mode: "GCE_METADATA" }; }, "gke-metadata-server"],
    ["legacy metadata endpoints", (p) => { nodeConfig(p).metadata = { "disable-legacy-endpoints": "false" }; }, "gke-legacy-metadata-disabled"],
    ["default service account", (p) => { delete nodeConfig(p).serviceAccount; }, "gke-no-default-service-account"],
    ["cloud-platform on the default account", (p) => { nodeConfig(p).serviceAccount = "default"; }, "gke-no-cloud-platform-scope"],
    ["no boot-disk CMEK", (p) => { delete nodeConfig(p).bootDiskKmsKey; }, "gke-boot-disk-cmek"],
    ["auto-upgrade off", (p) => { p.management = { autoRepair: true, autoUpgrade: false }; }, "gke-node-auto-upgrade"],
    ["auto-repair off", (p) => { p.management = { autoRepair: false, autoUpgrade: true }; }, "gke-node-auto-repair"],
    ["Secure Boot off", (p) => { nodeConfig(p).shieldedInstanceConfig = { enableSecureBoot: false, enableIntegrityMonitoring: true }; }, "gke-secure-boot"],
    ["integrity monitoring off", (p) => { nodeConfig(p).shieldedInstanceConfig = { enableSecureBoot: true, enableIntegrityMonitoring: false }; }, "gke-integrity-monitoring"],
    ["Ubuntu image", (p) => { nodeConfig(p).imageType = "UBUNTU_CONTAINERD"; }, "gke-cos-containerd-image"],
    ["expired version", (p) => { p.version = "1.29.15-gke.2725000"; }, "gke-version-supported"],
];

const autopilotWeakenings: Weakening<ClusterArgs>[] = [
    ["public nodes", (c) => { delete c.privateClusterConfig; }, "gke-private-nodes"],
    ["DNS endpoint open to the internet", (c) => { c.controlPlaneEndpointsConfig = { ipEndpointsConfig: { enabled: false }, dnsEndpointConfig: { allowExternalTraffic: true } }; }, "gke-private-endpoint"],
    ["public IP endpoint", (c) => { c.controlPlaneEndpointsConfig = { ipEndpointsConfig: { enabled: true } }; }, "gke-private-endpoint"],
    ["public IP endpoint without authorized networks", (c) => { c.controlPlaneEndpointsConfig = { ipEndpointsConfig: { enabled: true } }; }, "gke-authorized-networks"],
    ["default service account", (c) => { c.clusterAutoscaling = { autoProvisioningDefaults: { bootDiskKmsKey: "k" } }; }, "gke-no-default-service-account"],
    ["cloud-platform on the default account", (c) => { c.clusterAutoscaling = { autoProvisioningDefaults: { bootDiskKmsKey: "k", oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"] } }; }, "gke-no-cloud-platform-scope"],
    ["no boot-disk CMEK", (c) => { c.clusterAutoscaling = { autoProvisioningDefaults: { serviceAccount: "nodes@p.iam.gserviceaccount.com" } }; }, "gke-boot-disk-cmek"],
    ["no release channel", (c) => { c.releaseChannel = { channel: "UNSPECIFIED" }; }, "gke-release-channel"],
    ["plain Secrets", (c) => { delete c.databaseEncryption; }, "gke-secrets-encryption"],
    ["insecure binding", (c) => { c.rbacBindingConfig = { enableInsecureBindingSystemUnauthenticated: true, enableInsecureBindingSystemAuthenticated: false }; }, "gke-no-insecure-rbac-bindings"],
    ["anonymous auth", (c) => { delete c.anonymousAuthenticationConfig; }, "gke-anonymous-auth-limited"],
    ["no Google Groups", (c) => { delete c.authenticatorGroupsConfig; }, "gke-google-groups-rbac"],
    ["alpha features", (c) => { c.enableKubernetesAlpha = true; }, "gke-no-kubernetes-alpha"],
    ["legacy ABAC", (c) => { c.enableLegacyAbac = true; }, "gke-no-legacy-abac"],
    ["client certificate", (c) => { c.masterAuth = { clientCertificateConfig: { issueClientCertificate: true } }; }, "gke-no-basic-auth-client-cert"],
    ["expired version", (c) => { c.minMasterVersion = "1.29"; }, "gke-version-supported"],
    ["legacy Stackdriver logging", (c) => { c.loggingService = "logging.googleapis.com"; }, "gke-logging-enabled"],
    ["monitoring off", (c) => { c.monitoringService = "none"; }, "gke-monitoring-enabled"],
    ["Binary Authorization off", (c) => { delete c.binaryAuthorization; }, "gke-binary-authorization"],
    ["security posture off", (c) => { c.securityPostureConfig = { mode: "DISABLED" }; }, "gke-security-posture"],
];

function nodeConfig(pool: NodePoolArgs): Record<string, unknown> {
    return pool.nodeConfig as Record<string, unknown>;
}

describe("GKE end to end (engine runner)", () => {
    const runner = useRunner(pinnedConfig());

    it("passes the hardened Standard stack (default pool removed, plus a NodePool) with no diagnostics at all", async () => {
        const evaluation = await runner().evaluate(standardStack());
        assert.deepStrictEqual(reportedPolicies(evaluation), []);
        const cluster = evaluation.resources[0].result;
        assert.match(cluster.notApplicable.find((n) => n.policyName === "gke-metadata-server")?.reason ?? "", /removeDefaultNodePool is true/);
    });

    it("passes the hardened Autopilot cluster with no diagnostics, node-level policies not applicable with a reason", async () => {
        const evaluation = await runner().evaluate(autopilotStack());
        assert.deepStrictEqual(reportedPolicies(evaluation), []);
        const notApplicable = evaluation.resources[0].result.notApplicable;
        for (const name of ["gke-metadata-server", "gke-secure-boot", "gke-node-auto-upgrade", "gke-shielded-nodes", "gke-workload-identity"]) {
            assert.match(notApplicable.find((n) => n.policyName === name)?.reason ?? "", /^Autopilot cluster/, name);
        }
    });

    it("passes the hardened examples clean and flags every GKE policy on the insecure example", async () => {
        for (const file of ["gke-hardened.json", "gke-autopilot-hardened.json"]) {
            assert.deepStrictEqual(reportedPolicies(await runner().evaluate(exampleResources(`gcp/${file}`))), [], file);
        }
        const insecure = reportedPolicies(await runner().evaluate(exampleResources(`gcp/${"gke-insecure.json"}`)));
        assert.deepStrictEqual(insecure, gcpPolicies.map((p) => p.name).sort());
    });

    for (const [what, weaken, policy] of clusterWeakenings) {
        it(`Standard cluster: catches ${what} (${policy})`, async () => {
            const cluster = hardenedCluster();
            weaken(cluster);
            assert.ok(reportedPolicies(await runner().evaluate(standardStack(cluster))).includes(policy));
        });
    }

    for (const [what, weaken, policy] of poolWeakenings) {
        it(`NodePool: catches ${what} (${policy})`, async () => {
            const pool = hardenedPool();
            weaken(pool);
            assert.ok(reportedPolicies(await runner().evaluate(standardStack(hardenedCluster(), pool))).includes(policy));
        });
    }

    for (const [what, weaken, policy] of autopilotWeakenings) {
        it(`Autopilot: catches ${what} (${policy})`, async () => {
            const cluster = hardenedAutopilot();
            weaken(cluster);
            assert.ok(reportedPolicies(await runner().evaluate(autopilotStack(cluster))).includes(policy));
        });
    }

    it("covers every GKE policy with at least one weakening", () => {
        const covered = new Set([...clusterWeakenings, ...poolWeakenings, ...autopilotWeakenings].map(([, , p]) => p));
        assert.deepStrictEqual(gcpPolicies.map((p) => p.name).filter((n) => !covered.has(n)), []);
    });
});
