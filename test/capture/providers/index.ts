// The provider models the capture uses, by package prefix of the type token.
import type { ProviderModel } from "../model";
import { awsModel } from "./aws";
import { azureNativeModel } from "./azure-native";
import { gcpModel } from "./gcp";
import { kubernetesModel } from "./kubernetes";

const models: readonly ProviderModel[] = [awsModel, azureNativeModel, gcpModel, kubernetesModel];

/** The model for a type token's package; components and unknown packages get none. */
export function modelFor(type: string): ProviderModel | undefined {
    const pkg = type.slice(0, type.indexOf(":"));
    return models.find((m) => m.package === pkg);
}
