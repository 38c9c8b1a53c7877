// pulumi-aws is bridged from the Terraform provider: outputs are the inputs plus `id` and every
// computed attribute. In a preview a computed attribute the program did not set is unknown; at
// `pulumi up` it holds what AWS returned, including defaults.
import { fakeId, type ProviderModel, unknownString } from "../model";

export const awsModel: ProviderModel = {
    package: "aws",
    answer: (resource, mode) => {
        if (mode === "preview") return { outputs: { ...resource.inputs, id: unknownString, arn: unknownString } };
        const id = typeof resource.inputs.id === "string" ? resource.inputs.id : fakeId("aws-", resource.urn);
        return { id, outputs: { arn: `arn:aws:service:eu-west-1:111122223333:${id}`, ...resource.inputs, id } };
    },
};
