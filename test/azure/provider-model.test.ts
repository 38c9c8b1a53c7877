// The azure-native provider model the captures and the state-shape test use, checked against the SDK it
// reads and against what the real SDK puts on the wire under mocks.
import * as assert from "assert";
import { unknownSentinels } from "../../engine/wire";
import { captureProgram } from "../capture";
import { azureNativeModel, resourceSchema } from "../capture/providers/azure-native";
import { agentPoolType, clusterType, diagnosticSettingType, hardenedAgentPool, hardenedCluster, hardenedDiagnosticSetting } from "./fixtures";

const unknown = unknownSentinels.string;
const urn = (type: string, name: string) => `urn:pulumi:dev::app::${type}::${name}`;
const answer = (type: string, inputs: object, mode: "preview" | "up") =>
    azureNativeModel.answer({ type, name: "x", urn: urn(type, "x"), inputs: JSON.parse(JSON.stringify(inputs)) as Record<string, unknown>, custom: true }, mode);

describe("azure-native provider model", () => {
    it("takes path parameters from the SDK: Args that are not outputs of the resource class", () => {
        assert.deepStrictEqual(resourceSchema(clusterType)?.pathParameters.sort(), ["resourceGroupName", "resourceName"]);
        assert.deepStrictEqual(resourceSchema(agentPoolType)?.pathParameters.sort(), ["agentPoolName", "resourceGroupName", "resourceName"]);
        assert.deepStrictEqual(resourceSchema(diagnosticSettingType)?.pathParameters, ["resourceUri"]);
        assert.strictEqual(resourceSchema("azure-native:containerservice/v20250702preview:ManagedCluster")?.apiVersion, "2025-09-01");
    });

    it("preview: inputs where set, every other response property unknown at any depth, no path parameters", () => {
        const cluster = answer(clusterType, hardenedCluster, "preview").outputs;
        assert.strictEqual(cluster.id, unknown);
        assert.strictEqual(cluster.name, unknown);
        assert.strictEqual(cluster.resourceGroupName, undefined);
        assert.strictEqual(cluster.resourceName, undefined);
        assert.strictEqual(cluster.enableRBAC, true);
        assert.strictEqual(cluster.fqdn, unknown);
        assert.strictEqual((cluster.apiServerAccessProfile as Record<string, unknown>).authorizedIPRanges, unknown);
        const setting = answer(diagnosticSettingType, hardenedDiagnosticSetting, "preview").outputs;
        assert.deepStrictEqual((setting.logs as unknown[])[0], { category: "kube-audit-admin", enabled: true, categoryGroup: unknown, retentionPolicy: unknown });
        assert.strictEqual(setting.resourceUri, undefined);
    });

    it("up: the ARM response, with what ARM fills in and without write-only secrets", () => {
        const legacy = { ...hardenedCluster, enableRBAC: undefined, identity: undefined, servicePrincipalProfile: { clientId: "app", secret: "s3cret" } };
        const cluster = answer(clusterType, legacy, "up").outputs;
        assert.strictEqual(cluster.id, "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/aks-prod");
        assert.strictEqual(cluster.name, "aks-prod");
        assert.strictEqual(cluster.type, "Microsoft.ContainerService/ManagedClusters");
        assert.strictEqual(cluster.azureApiVersion, "2025-09-01");
        assert.strictEqual(cluster.enableRBAC, true);
        assert.deepStrictEqual(cluster.servicePrincipalProfile, { clientId: "app" });
        assert.strictEqual(cluster.resourceGroupName, undefined);
        const managed = answer(clusterType, hardenedCluster, "up").outputs;
        assert.deepStrictEqual(managed.servicePrincipalProfile, { clientId: "msi" });
        const pool = answer(agentPoolType, hardenedAgentPool, "up").outputs;
        assert.strictEqual(pool.id, `${cluster.id}/agentPools/apps`);
        assert.strictEqual(pool.type, "Microsoft.ContainerService/managedClusters/agentPools");
        assert.strictEqual(pool.resourceName, undefined);
    });

    it("matches the SDK under mocks: securityProfile is one unknown in a preview once a field inside it comes from another resource", async () => {
        const program = await captureProgram("azure/aks-hardened");
        const preview = program.preview.find((r) => r.type === clusterType)!;
        // containerservice/managedCluster.js: `pulumi.output(args.securityProfile).apply(...)` (and networkProfile, ...).
        assert.strictEqual(preview.inputs.securityProfile, unknownSentinels.string);
        assert.deepStrictEqual(preview.propertyDependencies.securityProfile.map((u) => u.split("::").pop()).sort(), ["aks", "aks", "etcd"]);
        // networkProfile went through the same .apply, but all its fields are literals: known, with the SDK's defaults.
        assert.strictEqual((preview.inputs.networkProfile as Record<string, unknown>).networkPolicy, "cilium");
        assert.strictEqual((preview.inputs.networkProfile as Record<string, unknown>).outboundType, "loadBalancer");
        // agentPoolProfiles is passed as is: an unknown subnet ID stays one field.
        const pool = (preview.inputs.agentPoolProfiles as Record<string, unknown>[])[0];
        assert.strictEqual(pool.vnetSubnetID, unknownSentinels.string);
        assert.strictEqual(pool.enableEncryptionAtHost, true);
        const up = program.up.find((r) => r.type === clusterType)!;
        assert.strictEqual((up.inputs.securityProfile as Record<string, Record<string, unknown>>).workloadIdentity.enabled, true);
    });
});
