// pulumi-kubernetes returns the object it sent; at `pulumi up` the live object from the API server, with
// server fields (status, uid, resourceVersion, managedFields) and API defaults.
import { type ProviderModel } from "../model";

export const kubernetesModel: ProviderModel = {
    package: "kubernetes",
    answer: (resource, mode) => {
        const metadata = (resource.inputs.metadata ?? {}) as Record<string, unknown>;
        const namespace = typeof metadata.namespace === "string" ? `${metadata.namespace}/` : "";
        const id = `${namespace}${typeof metadata.name === "string" ? metadata.name : resource.name}`;
        return mode === "preview" ? { outputs: { ...resource.inputs } } : { id, outputs: { ...resource.inputs } };
    },
};
