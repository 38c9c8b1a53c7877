import { gkePrivateNodes } from "./gke-private-nodes";

/** Google GKE policies, in the order docs list them. */
export const gcpPolicies = [gkePrivateNodes];
