import type { ClusterGuardPolicy } from "../core";
import { networkPolicies } from "./network";
import { podSecurityPolicies } from "./pod-security";
import { rbacPolicies } from "./rbac";
import { workloadPolicies } from "./workload";

/** Kubernetes policies, in the order docs list them. */
export const kubernetesPolicies: ClusterGuardPolicy[] = [...podSecurityPolicies, ...rbacPolicies, ...networkPolicies, ...workloadPolicies];
