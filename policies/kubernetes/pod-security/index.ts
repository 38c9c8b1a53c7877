import { k8sNoPrivilegedContainers } from "./k8s-no-privileged-containers";

/** Pod Security Standards checks (baseline, then restricted). */
export const podSecurityPolicies = [k8sNoPrivilegedContainers];
