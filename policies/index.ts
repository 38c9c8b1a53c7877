import type { ClusterGuardPolicy } from "./core";
import { awsPolicies } from "./aws";
import { azurePolicies } from "./azure";
import { gcpPolicies } from "./gcp";
import { kubernetesPolicies } from "./kubernetes";

/** The registry: every policy in the pack, grouped by cloud. */
export const policies: readonly ClusterGuardPolicy[] = [...awsPolicies, ...azurePolicies, ...gcpPolicies, ...kubernetesPolicies];
