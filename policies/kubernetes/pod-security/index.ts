import { k8sNoPrivilegedContainers } from "./k8s-no-privileged-containers";
import { k8sPssApparmor } from "./k8s-pss-apparmor";
import { k8sPssBaselineCapabilities } from "./k8s-pss-baseline-capabilities";
import { k8sPssBaselineSeccomp } from "./k8s-pss-baseline-seccomp";
import { k8sPssHostNamespaces } from "./k8s-pss-host-namespaces";
import { k8sPssHostPathVolumes } from "./k8s-pss-host-path-volumes";
import { k8sPssHostPorts } from "./k8s-pss-host-ports";
import { k8sPssNamespaceAdmission } from "./k8s-pss-namespace-admission";
import { k8sPssPrivilegeEscalation } from "./k8s-pss-privilege-escalation";
import { k8sPssProbeHost } from "./k8s-pss-probe-host";
import { k8sPssProcMount } from "./k8s-pss-proc-mount";
import { k8sPssRestrictedCapabilities } from "./k8s-pss-restricted-capabilities";
import { k8sPssRestrictedProcMount } from "./k8s-pss-restricted-proc-mount";
import { k8sPssRestrictedSeccomp } from "./k8s-pss-restricted-seccomp";
import { k8sPssRestrictedVolumes } from "./k8s-pss-restricted-volumes";
import { k8sPssRunAsNonRoot } from "./k8s-pss-run-as-non-root";
import { k8sPssRunAsUser } from "./k8s-pss-run-as-user";
import { k8sPssSelinux } from "./k8s-pss-selinux";
import { k8sPssSysctls } from "./k8s-pss-sysctls";
import { k8sPssWindowsHostProcess } from "./k8s-pss-windows-host-process";

/** Pod Security Standards checks (baseline, then restricted, then the namespace-label stack policy). */
export const podSecurityPolicies = [
    // baseline
    k8sPssHostNamespaces,
    k8sNoPrivilegedContainers,
    k8sPssBaselineCapabilities,
    k8sPssHostPathVolumes,
    k8sPssHostPorts,
    k8sPssApparmor,
    k8sPssSelinux,
    k8sPssProcMount,
    k8sPssBaselineSeccomp,
    k8sPssSysctls,
    k8sPssWindowsHostProcess,
    k8sPssProbeHost,
    // restricted
    k8sPssRestrictedVolumes,
    k8sPssPrivilegeEscalation,
    k8sPssRunAsNonRoot,
    k8sPssRunAsUser,
    k8sPssRestrictedSeccomp,
    k8sPssRestrictedCapabilities,
    k8sPssRestrictedProcMount,
    // namespace labels (stack)
    k8sPssNamespaceAdmission,
];
