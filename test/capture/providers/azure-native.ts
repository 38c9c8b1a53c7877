// azure-native v3 returns the ARM response: the resource's body properties plus `id`, `name`, `type`
// and `azureApiVersion`. Path parameters (resourceGroupName, resourceName, resourceUri, ...) are request
// inputs only and never outputs.
import { fakeId, type ProviderModel, unknownString } from "../model";

/** Inputs that are URL path parameters of the ARM request, per resource, not part of the response. */
const pathParameters: Record<string, readonly string[]> = {};
const commonPathParameters = ["resourceGroupName"];

export const azureNativeModel: ProviderModel = {
    package: "azure-native",
    answer: (resource, mode) => {
        const kind = resource.type.slice(resource.type.lastIndexOf(":") + 1);
        const dropped = new Set([...commonPathParameters, ...(pathParameters[kind] ?? [])]);
        const body = Object.fromEntries(Object.entries(resource.inputs).filter(([key]) => !dropped.has(key)));
        if (mode === "preview") return { outputs: { ...body, id: unknownString, name: unknownString, type: unknownString } };
        const id = typeof resource.inputs.id === "string" ? resource.inputs.id : `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/${kind}/${fakeId("r", resource.urn)}`;
        return { id, outputs: { name: resource.name, type: kind, ...body, id } };
    },
};
