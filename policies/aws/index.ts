import { eksEndpointPrivate } from "./eks-endpoint-private";

/** AWS EKS policies, in the order docs list them. */
export const awsPolicies = [eksEndpointPrivate];
