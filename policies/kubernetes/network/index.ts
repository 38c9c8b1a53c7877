import type { ClusterGuardPolicy } from "../../core";

/** Network segmentation, metadata-API protection and exposure checks. */
export const networkPolicies: ClusterGuardPolicy[] = [];
