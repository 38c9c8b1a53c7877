// The provider models the capture uses, by package prefix of the type token.
import { fakeId, type ProviderModel } from "../model";
import { awsModel } from "./aws";
import { azureNativeModel } from "./azure-native";
import { gcpModel } from "./gcp";
import { kubernetesModel } from "./kubernetes";

/**
 * Explicit provider resources (`new k8s.Provider(...)`, token `pulumi:providers:<package>`): the engine
 * stores their configuration as given, with a generated id.
 */
const providerResources: ProviderModel = {
    package: "pulumi",
    answer: (resource, mode) => {
        if (!resource.type.startsWith("pulumi:providers:")) throw new Error(`no provider model for ${resource.type}`);
        return mode === "preview" ? { outputs: { ...resource.inputs } } : { id: fakeId("provider-", resource.urn), outputs: { ...resource.inputs } };
    },
};

const models: readonly ProviderModel[] = [awsModel, azureNativeModel, gcpModel, kubernetesModel, providerResources];

/** The model for a type token's package; components and unknown packages get none. */
export function modelFor(type: string): ProviderModel | undefined {
    const pkg = type.slice(0, type.indexOf(":"));
    return models.find((m) => m.package === pkg);
}
