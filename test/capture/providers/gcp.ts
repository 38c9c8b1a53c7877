// pulumi-gcp is bridged from the Terraform provider: outputs are the inputs plus `id` and every computed
// attribute, unknown in a preview when the program did not set them.
import { fakeId, type ProviderModel, unknownString } from "../model";

export const gcpModel: ProviderModel = {
    package: "gcp",
    answer: (resource, mode) => {
        if (mode === "preview") return { outputs: { ...resource.inputs, id: unknownString, selfLink: unknownString } };
        const id = typeof resource.inputs.id === "string" ? resource.inputs.id : fakeId("projects/demo/locations/europe-west1/r-", resource.urn);
        return { id, outputs: { selfLink: `https://www.googleapis.com/${id}`, ...resource.inputs, id } };
    },
};
