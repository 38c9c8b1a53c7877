import type { ClusterGuardPolicy } from "../../core";

/** RBAC, service account and cluster access checks. */
export const rbacPolicies: ClusterGuardPolicy[] = [];
