import { k8sNoPrivilegedContainers } from "./k8s-no-privileged-containers";

/** Kubernetes policies, in the order docs list them. */
export const kubernetesPolicies = [k8sNoPrivilegedContainers];
