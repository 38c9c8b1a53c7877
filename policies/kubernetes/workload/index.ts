import type { ClusterGuardPolicy } from "../../core";

/** Workload hygiene and supply-chain checks. */
export const workloadPolicies: ClusterGuardPolicy[] = [];
