// azure-native v3 returns the ARM response: the resource's body properties (flattened out of
// `properties`) plus `id`, `name`, `type` and `azureApiVersion`. Path parameters (resourceGroupName,
// resourceName, resourceUri, ...) are request inputs only and never outputs.
//
// What this model takes from the installed SDK (@pulumi/azure-native), not from memory:
// - the output properties of each resource class (`readonly x: pulumi.Output<T>`) and their types
//   (types/output.d.ts), which are the response schema;
// - the path parameters: the Args properties that are not outputs (`id` aside, which every response has);
// - the API version (the class comment "Uses Azure REST API version ...").
//
// In a preview the provider answers with PreviewOutputs (pulumi-azure-native provider/pkg/convert): each
// response property the inputs set keeps its input value when the type matches, and every other response
// property, at any depth of an object the inputs set, is unknown. At `pulumi up` the outputs are ARM's
// response: the body as sent, write-only secrets left out, and what ARM fills in. The defaults below are
// those the ARM API definition (azure-rest-api-specs, Microsoft.ContainerService aks/stable/2025-09-01 and
// its example responses; Microsoft.Insights 2021-05-01-preview) shows in responses to requests that left
// the field out.
import * as fs from "fs";
import * as path from "path";
import { fakeId, type ProviderModel, type RegisteredResource, unknownString } from "../model";
import { secretSig, signatureKey, unknownSentinels } from "../../../engine/wire";

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === "object" && v !== null && !Array.isArray(v);
const sentinels = new Set<unknown>(Object.values(unknownSentinels));
const isSecret = (v: unknown) => isDict(v) && v[signatureKey] === secretSig;

export const subscriptionId = "00000000-0000-0000-0000-000000000000";

// ---------------------------------------------------------------------------------------------------
// The SDK's declarations

const sdkDir = path.dirname(require.resolve("@pulumi/azure-native/package.json"));

/** A declared type: a primitive, an output interface, an array or a string-keyed map of one, or anything. */
type SdkType = { kind: "primitive"; name: string } | { kind: "ref"; ns: string; name: string } | { kind: "array"; of: SdkType } | { kind: "map"; of: SdkType } | { kind: "any" };

function parseType(text: string): SdkType {
    const t = text.replace(/\s+/g, " ").replace(/\s*\|\s*undefined\b/g, "").trim();
    if (t.endsWith("[]")) return { kind: "array", of: parseType(t.slice(0, -2)) };
    const map = /^\{ ?\[key: string\]: (.+?);? ?\}$/.exec(t);
    if (map) return { kind: "map", of: parseType(map[1]) };
    const ref = /^outputs\.(\w+)\.(\w+)$/.exec(t);
    if (ref) return { kind: "ref", ns: ref[1], name: ref[2] };
    if (/^(string|number|boolean)$/.test(t)) return { kind: "primitive", name: t };
    return { kind: "any" };
}

/** `name?: type;` members of a declaration body (one per line, or spanning lines while braces are open). */
function members(body: string, indent: string, prefix: string): Map<string, string> {
    const found = new Map<string, string>();
    const lines = body.split("\n");
    for (let i = 0; i < lines.length; i++) {
        const start = new RegExp(`^${indent}${prefix}("[^"]+"|\\w+)\\??: (.*)$`).exec(lines[i]);
        if (!start) continue;
        let text = start[2];
        let depth = (text.match(/\{/g) ?? []).length - (text.match(/\}/g) ?? []).length;
        while (depth > 0 && i + 1 < lines.length) {
            text += ` ${lines[++i].trim()}`;
            depth = (text.match(/\{/g) ?? []).length - (text.match(/\}/g) ?? []).length;
        }
        found.set(start[1].replace(/"/g, ""), text.replace(/;$/, ""));
    }
    return found;
}

interface ResourceSchema {
    apiVersion?: string;
    /** Output property -> its declared type (unwrapped from pulumi.Output). */
    outputs: Map<string, SdkType>;
    /** Args that are not outputs: URL path parameters of the ARM request. */
    pathParameters: string[];
}

const resourceSchemas = new Map<string, ResourceSchema | undefined>();

/** `azure-native:containerservice[/v2025...]:ManagedCluster` -> containerservice/managedCluster.d.ts, if the SDK has it. */
export function resourceSchema(token: string): ResourceSchema | undefined {
    const [, module, resource] = /^azure-native:([a-z]+)(?:\/v\w+)?:(\w+)$/.exec(token) ?? [];
    if (!module) return undefined;
    const key = `${module}:${resource}`;
    if (!resourceSchemas.has(key)) {
        const file = path.join(sdkDir, module, `${resource[0].toLowerCase()}${resource.slice(1)}.d.ts`);
        resourceSchemas.set(key, fs.existsSync(file) ? readResourceSchema(fs.readFileSync(file, "utf8"), resource) : undefined);
    }
    return resourceSchemas.get(key);
}

function readResourceSchema(text: string, resource: string): ResourceSchema {
    const classStart = text.indexOf(`export declare class ${resource} `);
    const argsStart = text.indexOf(`export interface ${resource}Args {`);
    const classBody = text.slice(classStart, text.indexOf("\n}", classStart));
    const argsBody = text.slice(argsStart, text.indexOf("\n}", argsStart));
    const outputs = new Map<string, SdkType>();
    for (const [name, type] of members(classBody, "    ", "readonly ")) {
        const inner = /^pulumi\.Output<([\s\S]*)>$/.exec(type);
        if (inner) outputs.set(name, parseType(inner[1]));
    }
    const args = [...members(argsBody, "    ", "").keys()];
    return {
        apiVersion: /Uses Azure REST API version ([\w-]+)\./.exec(text)?.[1],
        outputs,
        pathParameters: args.filter((a) => !outputs.has(a) && a !== "id"),
    };
}

/** The output interfaces of one SDK namespace (types/output.d.ts is 9 MB: read once, split by namespace). */
const namespaces = new Map<string, Map<string, Map<string, SdkType>>>();
let outputTypesText: string | undefined;

function outputInterface(ns: string, name: string): Map<string, SdkType> | undefined {
    if (!namespaces.has(ns)) {
        outputTypesText ??= fs.readFileSync(path.join(sdkDir, "types", "output.d.ts"), "utf8");
        const start = outputTypesText.indexOf(`export declare namespace ${ns} {`);
        const end = outputTypesText.indexOf("\nexport declare namespace ", start + 1);
        const body = start < 0 ? "" : outputTypesText.slice(start, end < 0 ? undefined : end);
        const interfaces = new Map<string, Map<string, SdkType>>();
        for (const match of body.matchAll(/^ {4}interface (\w+) \{\n([\s\S]*?)\n {4}\}/gm)) {
            interfaces.set(match[1], new Map([...members(match[2], " {8}", "")].map(([k, v]) => [k, parseType(v)])));
        }
        namespaces.set(ns, interfaces);
    }
    return namespaces.get(ns)?.get(name);
}

// ---------------------------------------------------------------------------------------------------
// Preview: PreviewOutputs

function previewValue(input: unknown, type: SdkType): unknown {
    if (sentinels.has(input)) return unknownString;
    if (isSecret(input) || type.kind === "any") return input;
    switch (type.kind) {
        case "primitive":
            return typeof input === type.name ? input : unknownString;
        case "array":
            return Array.isArray(input) ? input.map((item) => previewValue(item, type.of)) : unknownString;
        case "map":
            return isDict(input) ? Object.fromEntries(Object.entries(input).map(([k, v]) => [k, previewValue(v, type.of)])) : unknownString;
        case "ref": {
            const props = outputInterface(type.ns, type.name);
            return isDict(input) && props ? previewObject(input, props) : unknownString;
        }
    }
}

/** Every response property: the input's value where it set one, unknown elsewhere. */
function previewObject(inputs: Dict, props: Map<string, SdkType>): Dict {
    return Object.fromEntries([...props].map(([name, type]) => [name, name in inputs ? previewValue(inputs[name], type) : unknownString]));
}

// ---------------------------------------------------------------------------------------------------
// Up: the ARM response

const inGroup = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers";

/** ARM paths of the types the programs and examples create, for `id`; others get a resource-group path. */
const armPaths: Record<string, string> = {
    "resources:ResourceGroup": "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}",
    // ARM answers with a lower-case "resourcegroups" for clusters (ManagedClustersGet.json): IDs compare without case.
    "containerservice:ManagedCluster": "/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/{resourceName}",
    "containerservice:AgentPool": "/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/{resourceName}/agentPools/{agentPoolName}",
    "containerservice:MaintenanceConfiguration": `${inGroup}/Microsoft.ContainerService/managedClusters/{resourceName}/maintenanceConfigurations/{configName}`,
    // createOrUpdateDiagnosticSetting.json: the setting's id is its resourceUri (as ARM spells it) + this suffix.
    "monitor:DiagnosticSetting": "/{resourceUri}/providers/microsoft.insights/diagnosticSettings/{name}",
    "insights:DiagnosticSetting": "/{resourceUri}/providers/microsoft.insights/diagnosticSettings/{name}",
    "keyvault:Vault": `${inGroup}/Microsoft.KeyVault/vaults/{vaultName}`,
    "keyvault:Key": `${inGroup}/Microsoft.KeyVault/vaults/{vaultName}/keys/{keyName}`,
    "operationalinsights:Workspace": `${inGroup}/Microsoft.OperationalInsights/workspaces/{workspaceName}`,
    "compute:DiskEncryptionSet": `${inGroup}/Microsoft.Compute/diskEncryptionSets/{diskEncryptionSetName}`,
    "managedidentity:UserAssignedIdentity": `${inGroup}/Microsoft.ManagedIdentity/userAssignedIdentities/{resourceName}`,
    "network:VirtualNetwork": `${inGroup}/Microsoft.Network/virtualNetworks/{virtualNetworkName}`,
    "network:Subnet": `${inGroup}/Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}`,
    "authorization:RoleAssignment": "/{scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}",
};

/** Response `type` per resource, as ARM spells it. */
const armTypes: Record<string, string> = {
    "containerservice:ManagedCluster": "Microsoft.ContainerService/ManagedClusters",
    "containerservice:AgentPool": "Microsoft.ContainerService/managedClusters/agentPools",
    "monitor:DiagnosticSetting": "Microsoft.Insights/diagnosticSettings",
};

/** Inputs whose fields the response flattens to the top level (keyvault.Key's `properties`). */
const flattenedArgs: Record<string, string> = { "keyvault:Key": "properties" };

/** Write-only secrets ARM never returns (x-ms-secret in the API definition). */
const writeOnly: Record<string, string[][]> = {
    "containerservice:ManagedCluster": [["servicePrincipalProfile", "secret"], ["windowsProfile", "adminPassword"]],
};

function kindOf(token: string): string {
    const [, module, resource] = /^azure-native:([a-z]+)(?:\/v\w+)?:(\w+)$/.exec(token) ?? [];
    return module ? `${module}:${resource}` : token;
}

/** What azure-native's Check would fill for an absent name parameter (autonaming): the Pulumi name and a suffix. */
function autoname(resource: RegisteredResource): string {
    return `${resource.name}${fakeId("", resource.urn).slice(0, 8)}`;
}

function armId(kind: string, resource: RegisteredResource, schema: ResourceSchema | undefined): { id: string; name: string } {
    const [module, type] = kind.split(":");
    const nameParam = schema?.pathParameters.find((p) => p !== "resourceGroupName") ?? "name";
    const template = armPaths[kind] ?? `${inGroup}/Microsoft.${module}/${type[0].toLowerCase()}${type.slice(1)}s/{${nameParam}}`;
    const params = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const ownName = params[params.length - 1];
    const name = typeof resource.inputs[ownName] === "string" ? (resource.inputs[ownName] as string) : autoname(resource);
    const value = (param: string): string => {
        if (param === "subscriptionId") return subscriptionId;
        if (param === ownName) return name;
        const given = resource.inputs[param];
        if (typeof given !== "string") return `unknown-${param}`;
        // A sub-path parameter (resourceUri, scope) loses its slashes at both ends (PrepareAzureRESTIdAndQuery).
        const trimmed = given.replace(/^\/+|\/+$/g, "");
        return kind.endsWith(":DiagnosticSetting") && param === "resourceUri" ? trimmed.toLowerCase() : trimmed;
    };
    return { id: template.replace(/\{(\w+)\}/g, (_, param: string) => value(param)), name };
}

function setDefault(target: Dict, key: string, value: unknown): void {
    if (target[key] === undefined) target[key] = value;
}

function dropPath(target: Dict, keys: string[]): void {
    const [head, ...rest] = keys;
    const child = target[head];
    if (rest.length === 0) delete target[head];
    else if (isDict(child)) {
        const copy = { ...child };
        dropPath(copy, rest);
        target[head] = copy;
    }
}

/** What ARM fills into a ManagedCluster it created (2025-09-01 example responses). */
function managedClusterResponse(body: Dict, id: string, name: string): void {
    const location = typeof body.location === "string" ? body.location : "westeurope";
    const group = /resourcegroups\/([^/]+)/i.exec(id)?.[1] ?? "rg";
    setDefault(body, "location", location);
    // Request without enableRBAC -> response enableRBAC: true (ManagedClustersCreate_SecurityProfile.json).
    setDefault(body, "enableRBAC", true);
    setDefault(body, "nodeResourceGroup", `MC_${group}_${name}_${location}`);
    body.provisioningState = "Succeeded";
    body.powerState = { code: "Running" };
    body.maxAgentPools = 100;
    // kubernetesVersion stays as given: when absent ARM picks its default of the day, current by definition,
    // and leaving it out keeps every verdict on this state independent of the calendar.
    if (typeof body.kubernetesVersion === "string") body.currentKubernetesVersion = body.kubernetesVersion.split(".").length === 2 ? `${body.kubernetesVersion}.4` : body.kubernetesVersion;
    const dns = typeof body.dnsPrefix === "string" ? body.dnsPrefix : name;
    const access = isDict(body.apiServerAccessProfile) ? { ...body.apiServerAccessProfile } : undefined;
    if (access?.enablePrivateCluster === true) {
        setDefault(access, "privateDNSZone", "system");
        body.apiServerAccessProfile = access;
        body.privateFQDN = `${dns}-a1b2c3d4.privatelink.${location}.azmk8s.io`;
    }
    if (access?.enablePrivateCluster !== true || access.enablePrivateClusterPublicFQDN !== false) body.fqdn = `${dns}-a1b2c3d4.hcp.${location}.azmk8s.io`;
    body.azurePortalFQDN = `${dns}-a1b2c3d4.portal.hcp.${location}.azmk8s.io`;
    // The SDK already applied its own defaults (dnsServiceIP, outboundType, podCidr, serviceCidr) to a given networkProfile.
    if (isDict(body.networkProfile) || body.networkProfile === undefined) {
        const network: Dict = { ...(body.networkProfile ?? { podCidr: "10.244.0.0/16", serviceCidr: "10.0.0.0/16", dnsServiceIP: "10.0.0.10", outboundType: "loadBalancer" }) };
        setDefault(network, "networkPlugin", "kubenet");
        setDefault(network, "loadBalancerSku", "standard");
        setDefault(network, "ipFamilies", ["IPv4"]);
        body.networkProfile = network;
    }
    if (isDict(body.identity)) {
        body.identity = { ...body.identity, principalId: "11111111-0000-0000-0000-000000000001", tenantId: "22222222-0000-0000-0000-000000000002" };
        // A cluster with a managed identity reports the placeholder service principal "msi".
        setDefault(body, "servicePrincipalProfile", { clientId: "msi" });
    }
    if (isDict(body.autoUpgradeProfile) || body.autoUpgradeProfile === undefined) {
        // The API documents NodeImage as the default node OS channel.
        body.autoUpgradeProfile = { nodeOSUpgradeChannel: "NodeImage", ...(isDict(body.autoUpgradeProfile) ? body.autoUpgradeProfile : {}) };
    }
    if (Array.isArray(body.agentPoolProfiles)) {
        body.agentPoolProfiles = body.agentPoolProfiles.map((pool) => (isDict(pool) ? agentPoolResponse({ ...pool }) : pool));
    }
    if (isDict(body.addonProfiles)) {
        body.addonProfiles = Object.fromEntries(
            Object.entries(body.addonProfiles).map(([key, addon]) => [
                key,
                isDict(addon) && addon.enabled === true
                    ? { ...addon, identity: { clientId: "33333333-0000-0000-0000-000000000003", objectId: "44444444-0000-0000-0000-000000000004", resourceId: `/subscriptions/${subscriptionId}/resourcegroups/MC_${group}_${name}_${location}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${key.toLowerCase()}-${name}` } }
                    : addon,
            ]),
        );
    }
}

/** What ARM fills into an agent pool, inline or as an AgentPool resource (AgentPoolsGet.json). */
function agentPoolResponse(pool: Dict): Dict {
    setDefault(pool, "osType", "Linux");
    setDefault(pool, "type", "VirtualMachineScaleSets");
    setDefault(pool, "maxPods", 110);
    pool.provisioningState = "Succeeded";
    pool.powerState = { code: "Running" };
    pool.nodeImageVersion = "AKSUbuntu-2204gen2containerd-202611.01.0";
    if (typeof pool.orchestratorVersion === "string") pool.currentOrchestratorVersion = pool.orchestratorVersion;
    return pool;
}

/** Computed outputs of the other types the programs create, so links to them have values at up. */
function otherResponse(kind: string, body: Dict, name: string): void {
    if (kind === "keyvault:Key") {
        const vault = /vaults\/([^/]+)/.exec(String(body.id))?.[1] ?? "vault";
        body.keyUri = `https://${vault}.vault.azure.net/keys/${name}`;
        body.keyUriWithVersion = `${body.keyUri}/0123456789abcdef0123456789abcdef`;
    } else if (kind === "keyvault:Vault" && isDict(body.properties)) {
        body.properties = { ...body.properties, vaultUri: `https://${name}.vault.azure.net/` };
    } else if (kind === "operationalinsights:Workspace") {
        body.customerId = "55555555-0000-0000-0000-000000000005";
    } else if (kind === "managedidentity:UserAssignedIdentity") {
        Object.assign(body, { principalId: "66666666-0000-0000-0000-000000000006", clientId: "77777777-0000-0000-0000-000000000007", tenantId: "22222222-0000-0000-0000-000000000002" });
    } else if (kind.endsWith(":DiagnosticSetting") && Array.isArray(body.logs)) {
        body.logs = body.logs.map((log) => (isDict(log) ? { retentionPolicy: { enabled: false, days: 0 }, ...log } : log));
    }
}

/** The body of the request: inputs without path parameters, a flattened argument lifted to the top. */
function requestBody(kind: string, inputs: Dict, schema: ResourceSchema | undefined): Dict {
    const dropped = new Set(schema?.pathParameters ?? ["resourceGroupName"]);
    const body = Object.fromEntries(Object.entries(inputs).filter(([key]) => !dropped.has(key)));
    const flattened = flattenedArgs[kind];
    if (flattened && isDict(inputs[flattened])) Object.assign(body, inputs[flattened]);
    return body;
}

export const azureNativeModel: ProviderModel = {
    package: "azure-native",
    invoke: (token) => {
        if (token === "azure-native:authorization:getClientConfig") {
            return { clientId: "77777777-0000-0000-0000-000000000007", objectId: "88888888-0000-0000-0000-000000000008", subscriptionId, tenantId: "22222222-0000-0000-0000-000000000002" };
        }
        if (/listManagedCluster(User|Admin)Credentials/.test(token)) {
            return { kubeconfigs: [{ name: "clusterUser", value: Buffer.from("apiVersion: v1\nkind: Config\n").toString("base64") }] };
        }
        return {};
    },
    answer: (resource, mode) => {
        const kind = kindOf(resource.type);
        const schema = resourceSchema(resource.type);
        const body = requestBody(kind, resource.inputs, schema);
        if (mode === "preview") {
            const outputs = schema ? previewObject(body, schema.outputs) : { ...body, name: unknownString, type: unknownString };
            return { outputs: { ...outputs, id: unknownString } };
        }
        const { id, name } = armId(kind, resource, schema);
        const response: Dict = { ...body, id, name, type: armTypes[kind] ?? kind.replace(":", "/"), ...(schema?.apiVersion ? { azureApiVersion: schema.apiVersion } : {}) };
        for (const keys of writeOnly[kind] ?? []) dropPath(response, keys);
        if (kind === "containerservice:ManagedCluster") managedClusterResponse(response, id, name);
        else if (kind === "containerservice:AgentPool") agentPoolResponse(response);
        else otherResponse(kind, response, name);
        // The response holds response properties only (an AgentPool's input `type`, the pool type, is not one).
        const outputs = schema ? Object.fromEntries(Object.entries(response).filter(([key]) => key === "id" || schema.outputs.has(key))) : response;
        return { id, outputs };
    },
};
