// GKE fixtures typed as @pulumi/gcp inputs: a hardened Standard cluster whose default pool is removed,
// a hardened NodePool for it, and a hardened Autopilot cluster. Tests weaken one field at a time.
import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import type { NodePoolArgs } from "@pulumi/gcp/container/nodePool";
import type * as inputs from "@pulumi/gcp/types/input";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gcpModel } from "../capture/providers/gcp";
import { checkResource, type CheckOptions, type CheckResult, type StackResourceInput } from "../harness";

export const clusterType = "gcp:container/cluster:Cluster";
export const poolType = "gcp:container/nodePool:NodePool";

export const nodeServiceAccount = "gke-nodes@proj.iam.gserviceaccount.com";
export const bootKey = "projects/proj/locations/europe-west1/keyRings/gke/cryptoKeys/boot";
export const cloudPlatform = "https://www.googleapis.com/auth/cloud-platform";

export function hardenedNodeConfig(): inputs.container.ClusterNodeConfig & inputs.container.NodePoolNodeConfig {
    return {
        machineType: "e2-standard-4",
        imageType: "COS_CONTAINERD",
        serviceAccount: nodeServiceAccount,
        // cloud-platform is fine with a dedicated account: IAM roles bound to it limit what nodes may do.
        oauthScopes: [cloudPlatform],
        workloadMetadataConfig: { mode: "GKE_METADATA" },
        metadata: { "disable-legacy-endpoints": "true" },
        shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
        bootDiskKmsKey: bootKey,
    };
}

/** Shared cluster-level hardening, valid for Standard and Autopilot. */
function hardenedClusterCommon(): ClusterArgs {
    return {
        location: "europe-west1",
        releaseChannel: { channel: "REGULAR" },
        privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: true, masterIpv4CidrBlock: "172.16.0.0/28" },
        masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "10.0.0.0/8", displayName: "corp" }] },
        authenticatorGroupsConfig: { securityGroup: "gke-security-groups@example.com" },
        rbacBindingConfig: { enableInsecureBindingSystemAuthenticated: false, enableInsecureBindingSystemUnauthenticated: false },
        anonymousAuthenticationConfig: { mode: "LIMITED" },
        masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
        databaseEncryption: { state: "ENCRYPTED", keyName: "projects/proj/locations/europe-west1/keyRings/gke/cryptoKeys/etcd" },
        loggingConfig: { enableComponents: ["SYSTEM_COMPONENTS", "APISERVER", "WORKLOADS"] },
        monitoringConfig: { enableComponents: ["SYSTEM_COMPONENTS"] },
        binaryAuthorization: { evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE" },
        securityPostureConfig: { mode: "BASIC", vulnerabilityMode: "VULNERABILITY_BASIC" },
        deletionProtection: true,
    };
}

/** A hardened Standard cluster with the default node pool removed (nodes come from NodePool resources). */
export function hardenedCluster(): ClusterArgs {
    return {
        ...hardenedClusterCommon(),
        removeDefaultNodePool: true,
        initialNodeCount: 1,
        workloadIdentityConfig: { workloadPool: "proj.svc.id.goog" },
        enableShieldedNodes: true,
        // The provider rejects it with enableAutopilot, whose clusters have it on anyway.
        enableIntranodeVisibility: true,
        datapathProvider: "ADVANCED_DATAPATH",
        networkingMode: "VPC_NATIVE",
        ipAllocationPolicy: { clusterSecondaryRangeName: "pods", servicesSecondaryRangeName: "services" },
    };
}

/** A hardened Standard cluster that keeps its default node pool, so its own nodeConfig is judged. */
export function clusterWithDefaultPool(nodeConfig: inputs.container.ClusterNodeConfig | undefined = hardenedNodeConfig()): ClusterArgs {
    const { removeDefaultNodePool: _removed, ...rest } = hardenedCluster();
    return { ...rest, initialNodeCount: 3, nodeConfig };
}

export function hardenedPool(): NodePoolArgs {
    return {
        cluster: "hardened",
        location: "europe-west1",
        nodeCount: 1,
        management: { autoRepair: true, autoUpgrade: true },
        networkConfig: { enablePrivateNodes: true },
        nodeConfig: hardenedNodeConfig(),
    };
}

/** A hardened Autopilot cluster using the DNS endpoint instead of an IP endpoint. */
export function hardenedAutopilot(): ClusterArgs {
    const { privateClusterConfig: _pcc, masterAuthorizedNetworksConfig: _man, ...common } = hardenedClusterCommon();
    return {
        ...common,
        enableAutopilot: true,
        privateClusterConfig: { enablePrivateNodes: true },
        controlPlaneEndpointsConfig: { ipEndpointsConfig: { enabled: false }, dnsEndpointConfig: { allowExternalTraffic: false } },
        clusterAutoscaling: {
            autoProvisioningDefaults: { serviceAccount: nodeServiceAccount, oauthScopes: [cloudPlatform], bootDiskKmsKey: bootKey },
        },
    };
}

/** Shorthands over checkResource. */
export const checkCluster = (policy: ResourceValidationPolicy, props: ClusterArgs, options?: CheckOptions): CheckResult =>
    checkResource(policy, clusterType, props, options);
export const checkPool = (policy: ResourceValidationPolicy, props: NodePoolArgs, options?: CheckOptions): CheckResult =>
    checkResource(policy, poolType, props, options);

/** The violations without their fix, for exact assertions on the problem text. */
export function problems(result: CheckResult | { violations: (string | { message: string })[] }): string[] {
    return result.violations.map((v) => (typeof v === "string" ? v : v.message).replace(/\. Fix: [\s\S]*$/, ""));
}

/** Exactly one finding: `<label>: <path> has the wrong type: expected <expected>, found <found>`. */
export function assertWrongType(result: CheckResult, path: string, expected: string, found: string, label = 'Cluster "test"'): void {
    assert.deepStrictEqual(problems(result), [`${label}: ${path} has the wrong type: expected ${expected}, found ${found}`]);
}

/** A deferral that names the field, and no finding. */
export function assertDeferred(result: CheckResult | { unknown?: string; violations: unknown[] }, field: string, label = 'Cluster "test"'): void {
    const escaped = `${label}: ${field} `.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    assert.match(result.unknown ?? "(no deferral)", new RegExp(`${escaped}.*judged at \`pulumi up\``));
    assert.deepStrictEqual(result.violations, []);
}

export const clusterUrn = (name: string) => `urn:pulumi:dev::app::${clusterType}::${name}`;
export const poolUrn = (name: string) => `urn:pulumi:dev::app::${poolType}::${name}`;

/** A cluster and one NodePool linked the way a first preview links them: by property dependency only. */
export function previewPair(cluster: ClusterArgs, pool: NodePoolArgs): StackResourceInput[] {
    return [
        { type: clusterType, name: "c", urn: clusterUrn("c"), props: { ...cluster, id: unknownValue("string") } },
        { type: poolType, name: "p", urn: poolUrn("p"), props: { ...pool, cluster: unknownValue("string") }, propertyDependencies: { cluster: [clusterUrn("c")] } },
    ];
}

/**
 * Resources as the GCP provider model returns them (outputs), in order, each pool seeing the clusters before
 * it: what AnalyzeStack gets at `pulumi up` ("up"), or in a preview, and what state holds after up.
 */
export function modelled(mode: "preview" | "up", resources: { type: string; name: string; props: object; propertyDependencies?: Record<string, string[]> }[]): StackResourceInput[] {
    const earlier: { type: string; name: string; urn: string; inputs: Record<string, unknown>; custom: boolean; outputs: Record<string, unknown> }[] = [];
    return resources.map((r) => {
        const urn = `urn:pulumi:dev::app::${r.type}::${r.name}`;
        const registered = { type: r.type, name: r.name, urn, inputs: JSON.parse(JSON.stringify(r.props)) as Record<string, unknown>, custom: true };
        const { outputs } = gcpModel.answer(registered, mode, { earlier });
        earlier.push({ ...registered, outputs });
        return { type: r.type, name: r.name, urn, props: outputs, ...(r.propertyDependencies ? { propertyDependencies: r.propertyDependencies } : {}) };
    });
}
