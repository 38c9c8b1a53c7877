// pulumi-gcp is bridged from the Terraform provider (hashicorp/terraform-provider-google): outputs are the
// inputs plus `id` and every computed attribute. In a preview an Optional+Computed attribute the program
// did not set is unknown (a whole block such as a node pool's `nodeConfig`, or a field inside a block the
// program did set); at `pulumi up` it holds what the API returned after create, defaults included.
// Autonamed `name`s are set by the provider's Check, so they are known in both modes.
//
// The GKE defaults below are read from google/services/container/resource_container_cluster.go
// (resourceContainerClusterRead and its flatten* helpers), node_config.go (schemaNodeConfig, flattenNodeConfig)
// and resource_container_node_pool.go (schemaNodePool, flattenNodePool), and from the GKE API reference.
import { compareMinor } from "../../../policies/core";
import { gkeSupportCalendar } from "../../../policies/gcp/gke-support-table";
import { fakeId, type ModelContext, type Mode, type ProviderModel, type RegisteredResource, unknownString } from "../model";

type Props = Record<string, unknown>;

const project = "acme-gke";
const projectNumber = "123456789012";
const region = "us-central1";

/** Scopes GKE gives nodes that set none: "If unspecified, no scopes are added, unless Cloud Logging or Cloud Monitoring are enabled" (NodeConfig.oauthScopes). */
const defaultScopes = ["https://www.googleapis.com/auth/logging.write", "https://www.googleapis.com/auth/monitoring"];

/** The version GKE picks when none is pinned: the newest minor the support table knows. */
const defaultVersion = `${Object.keys(gkeSupportCalendar.endOfSupport).sort(compareMinor).pop()}.2-gke.1100000`;

const isDict = (v: unknown): v is Props => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== unknownString ? v : undefined);

/** Fills the computed attributes the program left unset: unknown in a preview, the API's value at up. */
function computed(inputs: Props, mode: Mode, values: Record<string, () => unknown>): Props {
    const out: Props = { ...inputs };
    for (const [key, value] of Object.entries(values)) {
        if (out[key] !== undefined) continue;
        const filled = mode === "preview" ? unknownString : value();
        if (filled !== undefined) out[key] = filled;
    }
    return out;
}

/** A block the program set: its Optional+Computed attributes it left unset are computed too. */
function block(value: unknown, mode: Mode, values: Record<string, () => unknown>): unknown {
    if (value === undefined) return mode === "preview" ? unknownString : computed({}, mode, values);
    return isDict(value) ? computed(value, mode, values) : value;
}

/** Provider autonaming (Check): `<resource name>-<7 hex>`, known in a preview too. */
function autoName(resource: RegisteredResource): string {
    return `${resource.name}-${fakeId("", resource.urn).slice(0, 7)}`;
}

function named(resource: RegisteredResource): Props {
    return resource.inputs.name === undefined ? { ...resource.inputs, name: autoName(resource) } : resource.inputs;
}

/** Node settings GKE fills in (flattenNodeConfig over the API's NodeConfig defaults). */
function nodeConfig(value: unknown, mode: Mode, cluster: Props | undefined): unknown {
    const workloadIdentity = cluster && str(pathOf(cluster, ["workloadIdentityConfig", "workloadPool"]));
    return block(value, mode, {
        machineType: () => "e2-medium",
        diskSizeGb: () => 100,
        diskType: () => "pd-balanced",
        imageType: () => "COS_CONTAINERD",
        serviceAccount: () => "default",
        oauthScopes: () => defaultScopes,
        metadata: () => ({ "disable-legacy-endpoints": "true" }),
        labels: () => ({}),
        localSsdCount: () => 0,
        minCpuPlatform: () => "",
        // schemaNodeConfig: enable_secure_boot Default false, enable_integrity_monitoring Default true.
        shieldedInstanceConfig: () => ({ enableSecureBoot: false, enableIntegrityMonitoring: true }),
        // A pool of a cluster with Workload Identity runs the GKE metadata server; otherwise the API returns no
        // workloadMetadataConfig (flattenWorkloadMetadataConfig of nil is an empty list). Unknown without the cluster.
        workloadMetadataConfig: () => (cluster === undefined ? undefined : workloadIdentity ? { mode: "GKE_METADATA" } : undefined),
        // boot_disk_kms_key is Optional only: the API's empty string is stored.
        bootDiskKmsKey: () => "",
    });
}

function pathOf(value: unknown, path: readonly string[]): unknown {
    let current = value;
    for (const key of path) current = isDict(current) ? current[key] : undefined;
    return current;
}

/** The cluster a node pool names (by id or name), among the resources created before it. */
function clusterOf(pool: Props, context: ModelContext | undefined): Props | undefined {
    const ref = str(pool.cluster);
    if (!ref) return undefined;
    const name = ref.split("/").pop();
    const found = context?.earlier.find((r) => r.type === "gcp:container/cluster:Cluster" && (r.outputs.id === ref || r.outputs.name === name));
    return found?.outputs;
}

function clusterVersion(cluster: Props): string {
    const pinned = str(cluster.minMasterVersion);
    // A pinned "1.33" or "1.33.5-gke.100" gives a version of that minor.
    return pinned ? (/^\d+\.\d+$/.test(pinned) ? `${pinned}.2-gke.1100000` : pinned) : defaultVersion;
}

function isAutopilot(inputs: Props): boolean {
    return inputs.enableAutopilot === true;
}

/** GKE enrolls a new cluster in a release channel unless it pins a node version or turns node auto-upgrade off. */
function releaseChannel(inputs: Props): Props {
    const pools = Array.isArray(inputs.nodePools) ? inputs.nodePools : [];
    const noChannel = inputs.nodeVersion !== undefined || pools.some((p) => isDict(p) && (p.version !== undefined || pathOf(p, ["management", "autoUpgrade"]) === false));
    return { channel: noChannel && !isAutopilot(inputs) ? "UNSPECIFIED" : "REGULAR" };
}

const addonDefaults = {
    httpLoadBalancing: () => ({ disabled: false }),
    horizontalPodAutoscaling: () => ({ disabled: false }),
    networkPolicyConfig: () => ({ disabled: true }),
    gcePersistentDiskCsiDriverConfig: () => ({ enabled: true }),
};

function clusterAnswer(resource: RegisteredResource, mode: Mode): Props {
    const autopilot = isAutopilot(resource.inputs);
    // TF schema Defaults, applied at Check: known in a preview too.
    const inputs: Props = {
        enableLegacyAbac: false,
        enableKubernetesAlpha: false,
        deletionProtection: true,
        ...(autopilot ? {} : { enableShieldedNodes: true }),
        ...named(resource),
    };
    const location = str(inputs.location) ?? region;
    const id = `projects/${str(inputs.project) ?? project}/locations/${location}/clusters/${inputs.name as string}`;
    const version = clusterVersion(inputs);
    const privateNodes = pathOf(inputs, ["privateClusterConfig", "enablePrivateNodes"]) === true;
    const privateEndpoint = pathOf(inputs, ["privateClusterConfig", "enablePrivateEndpoint"]) === true;
    const ipEndpoint = pathOf(inputs, ["controlPlaneEndpointsConfig", "ipEndpointsConfig", "enabled"]) !== false;
    const issueCertificate = pathOf(inputs, ["masterAuth", "clientCertificateConfig", "issueClientCertificate"]) === true;
    const keepsDefaultPool = inputs.removeDefaultNodePool !== true && !autopilot && !Array.isArray(inputs.nodePools);
    const defaultPool = (): Props => ({
        name: "default-pool",
        initialNodeCount: inputs.initialNodeCount ?? 1,
        nodeCount: inputs.initialNodeCount ?? 1,
        version,
        management: { autoRepair: true, autoUpgrade: true },
        nodeConfig: nodeConfig(inputs.nodeConfig, "up", inputs),
        networkConfig: { enablePrivateNodes: privateNodes, podRange: "pods" },
    });
    const outputs = computed(inputs, mode, {
        id: () => id,
        selfLink: () => `https://container.googleapis.com/v1/${id}`,
        endpoint: () => (privateEndpoint ? "10.0.0.2" : "34.118.0.10"),
        masterVersion: () => version,
        nodeVersion: () => version,
        project: () => project,
        location: () => location,
        operation: () => "",
        // resourceContainerClusterRead sets these from the API whether or not the program did.
        // Autopilot turns intranode visibility on ("enabled by default in Autopilot clusters").
        enableIntranodeVisibility: () => autopilot,
        networkingMode: () => "VPC_NATIVE",
        datapathProvider: () => (autopilot ? "ADVANCED_DATAPATH" : "LEGACY_DATAPATH"),
        loggingService: () => "logging.googleapis.com/kubernetes",
        monitoringService: () => "monitoring.googleapis.com/kubernetes",
        // New clusters log SYSTEM_COMPONENTS and WORKLOADS, and collect system and kube-state metrics.
        loggingConfig: () => ({ enableComponents: ["SYSTEM_COMPONENTS", "WORKLOADS"] }),
        monitoringConfig: () => ({
            enableComponents: ["SYSTEM_COMPONENTS", "STORAGE", "POD", "DEPLOYMENT", "STATEFULSET", "DAEMONSET", "HPA", "CADVISOR", "KUBELET"],
            managedPrometheus: { enabled: true },
        }),
        releaseChannel: () => releaseChannel(inputs),
        securityPostureConfig: () => ({ mode: "BASIC", vulnerabilityMode: "VULNERABILITY_MODE_UNSPECIFIED" }),
        anonymousAuthenticationConfig: () => ({ mode: "ENABLED" }),
        rbacBindingConfig: () => ({ enableInsecureBindingSystemAuthenticated: true, enableInsecureBindingSystemUnauthenticated: true }),
        databaseEncryption: () => ({ state: "DECRYPTED", keyName: "" }),
        // Autopilot always runs Workload Identity; a Standard cluster without it returns none.
        workloadIdentityConfig: () => (autopilot ? { workloadPool: `${project}.svc.id.goog` } : undefined),
        // Optional+Computed, but the API returns none unless configured.
        authenticatorGroupsConfig: () => undefined,
        masterAuthorizedNetworksConfig: () => undefined,
        ipAllocationPolicy: () => ({ clusterIpv4CidrBlock: "10.4.0.0/14", servicesIpv4CidrBlock: "10.8.0.0/20", stackType: "IPV4" }),
        // The default pool's settings, or none once it is removed ("populated with the node configuration of
        // the first node pool", Cluster.nodeConfig); flattenClusterNodePools lists every pool the API returns.
        nodeConfig: () => (keepsDefaultPool ? defaultPool().nodeConfig : undefined),
        nodePools: () => (keepsDefaultPool ? [defaultPool()] : []),
    });
    // flattenNetworkPolicy writes the default when the API returns none; network_policy is not Computed, so a
    // preview leaves it as the program set it.
    if (mode === "up" && outputs.networkPolicy === undefined) outputs.networkPolicy = { enabled: false, provider: "PROVIDER_UNSPECIFIED" };
    // enable_autopilot is Optional, not Computed: absent from a preview, then set from the API's Autopilot block.
    if (mode === "up" && outputs.enableAutopilot === undefined) outputs.enableAutopilot = false;
    // Blocks that are always returned: their unset attributes are computed, like the whole block when unset.
    outputs.addonsConfig = block(inputs.addonsConfig, mode, addonDefaults);
    outputs.masterAuth = block(inputs.masterAuth, mode, {
        clientCertificate: () => (issueCertificate ? "LS0tLS1CRUdJTi1DRVJU" : ""),
        clientKey: () => "",
        clusterCaCertificate: () => "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t",
        // flattenMasterAuth infers it from whether a client certificate came back.
        clientCertificateConfig: () => ({ issueClientCertificate: issueCertificate }),
    });
    // flattenPrivateClusterConfig derives the block from controlPlaneEndpointsConfig and networkConfig.
    outputs.privateClusterConfig = block(inputs.privateClusterConfig, mode, {
        enablePrivateNodes: () => privateNodes,
        // enable_private_endpoint is !ipEndpointsConfig.enablePublicEndpoint: true once the IP endpoint is off.
        enablePrivateEndpoint: () => privateEndpoint || !ipEndpoint,
        privateEndpoint: () => "10.0.0.2",
        publicEndpoint: () => (privateEndpoint || !ipEndpoint ? "" : "34.118.0.10"),
        peeringName: () => "",
        masterGlobalAccessConfig: () => ({ enabled: false }),
    });
    outputs.controlPlaneEndpointsConfig = block(inputs.controlPlaneEndpointsConfig, mode, {
        dnsEndpointConfig: () => ({ endpoint: `gke-${fakeId("", resource.urn)}.${location}.gke.goog`, allowExternalTraffic: false }),
        ipEndpointsConfig: () => ({ enabled: true }),
    });
    if (isDict(inputs.masterAuthorizedNetworksConfig)) {
        outputs.masterAuthorizedNetworksConfig = block(inputs.masterAuthorizedNetworksConfig, mode, { gcpPublicCidrsAccessEnabled: () => false });
    }
    outputs.clusterAutoscaling = block(inputs.clusterAutoscaling, mode, {
        // flattenClusterAutoscaling: enabled is EnableNodeAutoprovisioning, which Autopilot turns on.
        enabled: () => autopilot,
        autoscalingProfile: () => (autopilot ? "OPTIMIZE_UTILIZATION" : "BALANCED"),
        autoProvisioningDefaults: () => (autopilot ? { serviceAccount: "default", oauthScopes: defaultScopes } : undefined),
    });
    const provisioning = pathOf(outputs.clusterAutoscaling, ["autoProvisioningDefaults"]);
    if (isDict(provisioning) && isDict(outputs.clusterAutoscaling)) {
        outputs.clusterAutoscaling = {
            ...outputs.clusterAutoscaling,
            autoProvisioningDefaults: block(provisioning, mode, { serviceAccount: () => "default", oauthScopes: () => defaultScopes, imageType: () => "COS_CONTAINERD" }),
        };
    }
    if (Array.isArray(inputs.nodePools)) outputs.nodePools = inputs.nodePools.map((pool) => (isDict(pool) ? poolBlocks(pool, inputs, mode) : pool));
    else if (keepsDefaultPool) outputs.nodeConfig = nodeConfig(inputs.nodeConfig, mode, inputs);
    return outputs;
}

/** A node pool's computed blocks (the NodePool resource, or an inline pool of the cluster). */
function poolBlocks(pool: Props, cluster: Props | undefined, mode: Mode): Props {
    const privateNodes = cluster ? pathOf(cluster, ["privateClusterConfig", "enablePrivateNodes"]) === true : undefined;
    const network = pool.networkConfig;
    return computed(
        {
            ...pool,
            nodeConfig: nodeConfig(pool.nodeConfig, mode, cluster),
            // management's fields have TF Default true, so a block the program set is complete after Check.
            ...(isDict(pool.management) ? { management: { autoRepair: true, autoUpgrade: true, ...pool.management } } : {}),
            ...(isDict(network) && mode === "up" && privateNodes !== undefined ? { networkConfig: { enablePrivateNodes: privateNodes, ...network } } : {}),
        },
        mode,
        {
            // Both default to true in the API (since 2020 for auto-repair; magic-modules #8719).
            management: () => ({ autoRepair: true, autoUpgrade: true }),
            // A pool without a pin gets the cluster's version.
            version: () => (cluster ? clusterVersion(cluster) : defaultVersion),
            // The API derives enablePrivateNodes from the cluster when the pool does not set it
            // (NodeNetworkConfig.enablePrivateNodes); unknown without the cluster.
            networkConfig: () => (privateNodes === undefined ? undefined : { enablePrivateNodes: privateNodes, podRange: "pods", podIpv4CidrBlock: "10.4.0.0/14" }),
            initialNodeCount: () => 1,
            nodeCount: () => 1,
            upgradeSettings: () => ({ maxSurge: 1, maxUnavailable: 0, strategy: "SURGE" }),
        },
    );
}

function nodePoolAnswer(resource: RegisteredResource, mode: Mode, context: ModelContext | undefined): Props {
    const inputs = named(resource);
    const cluster = clusterOf(inputs, context);
    const clusterName = str(inputs.cluster)?.split("/").pop() ?? "cluster";
    const location = str(inputs.location) ?? str(cluster?.location) ?? region;
    const id = `projects/${project}/locations/${location}/clusters/${clusterName}/nodePools/${inputs.name as string}`;
    return computed(poolBlocks(inputs, cluster, mode), mode, {
        id: () => id,
        project: () => project,
        location: () => location,
        operation: () => "",
        instanceGroupUrls: () => [`https://www.googleapis.com/compute/v1/projects/${project}/zones/${location}-a/instanceGroupManagers/gke-${clusterName}-${inputs.name as string}-grp`],
    });
}

/** Computed attributes of the other resource types the programs create. */
const others: Record<string, (inputs: Props, resource: RegisteredResource) => Record<string, () => unknown>> = {
    "gcp:compute/network:Network": (inputs) => ({
        id: () => `projects/${project}/global/networks/${inputs.name as string}`,
        selfLink: () => `https://www.googleapis.com/compute/v1/projects/${project}/global/networks/${inputs.name as string}`,
        routingMode: () => "REGIONAL",
    }),
    "gcp:compute/subnetwork:Subnetwork": (inputs) => ({
        id: () => `projects/${project}/regions/${str(inputs.region) ?? region}/subnetworks/${inputs.name as string}`,
        selfLink: () => `https://www.googleapis.com/compute/v1/projects/${project}/regions/${str(inputs.region) ?? region}/subnetworks/${inputs.name as string}`,
        region: () => region,
        gatewayAddress: () => "10.0.0.1",
    }),
    "gcp:compute/router:Router": (inputs) => ({ id: () => `projects/${project}/regions/${str(inputs.region) ?? region}/routers/${inputs.name as string}` }),
    "gcp:compute/routerNat:RouterNat": (inputs) => ({ id: () => `${project}/${str(inputs.region) ?? region}/${str(inputs.router) ?? "router"}/${inputs.name as string}` }),
    "gcp:serviceaccount/account:Account": (inputs) => {
        const email = `${str(inputs.accountId) ?? "account"}@${project}.iam.gserviceaccount.com`;
        return {
            id: () => `projects/${project}/serviceAccounts/${email}`,
            email: () => email,
            member: () => `serviceAccount:${email}`,
            name: () => `projects/${project}/serviceAccounts/${email}`,
            uniqueId: () => "104512345678901234567",
        };
    },
    "gcp:kms/keyRing:KeyRing": (inputs) => ({ id: () => `projects/${project}/locations/${str(inputs.location) ?? region}/keyRings/${inputs.name as string}` }),
    "gcp:kms/cryptoKey:CryptoKey": (inputs) => ({
        id: () => `${str(inputs.keyRing) ?? `projects/${project}/locations/${region}/keyRings/ring`}/cryptoKeys/${inputs.name as string}`,
        purpose: () => "ENCRYPT_DECRYPT",
    }),
};

/** Types whose `name` the provider autonames. */
const autonamed = new Set([
    "gcp:compute/network:Network",
    "gcp:compute/subnetwork:Subnetwork",
    "gcp:compute/router:Router",
    "gcp:compute/routerNat:RouterNat",
    "gcp:kms/keyRing:KeyRing",
    "gcp:kms/cryptoKey:CryptoKey",
]);

export const gcpModel: ProviderModel = {
    package: "gcp",
    answer: (resource, mode, context) => {
        let outputs: Props;
        if (resource.type === "gcp:container/cluster:Cluster") outputs = clusterAnswer(resource, mode);
        else if (resource.type === "gcp:container/nodePool:NodePool") outputs = nodePoolAnswer(resource, mode, context);
        else {
            const inputs = autonamed.has(resource.type) ? named(resource) : resource.inputs;
            const extra = others[resource.type]?.(inputs, resource) ?? {};
            outputs = computed(inputs, mode, { id: () => `projects/${project}/${fakeId("r-", resource.urn)}`, ...extra });
        }
        const id = typeof outputs.id === "string" && outputs.id !== unknownString ? outputs.id : undefined;
        return { ...(id ? { id } : {}), outputs };
    },
    invoke: (token) => {
        if (token === "gcp:organizations/getProject:getProject") return { projectId: project, number: projectNumber, name: project, id: `projects/${project}` };
        if (token === "gcp:organizations/getClientConfig:getClientConfig") return { project, region, zone: `${region}-a`, accessToken: "" };
        return {};
    },
};

