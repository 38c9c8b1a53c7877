import { anyOf, cisKubernetes, kubernetes, resourcePolicy, roleFix } from "../../core";
import { checkRole, type Permission } from "./rbac-rules";

const permissions: Permission[] = [
        { group: "certificates.k8s.io", resource: "certificatesigningrequests/approval", verbs: ["update", "patch"] },
        { group: "certificates.k8s.io", resource: "signers", verbs: ["approve"] },
    ];

export const k8sRbacNoCsrApproval = resourcePolicy<unknown>({
    name: "k8s-rbac-no-csr-approval",
    displayName: "No CSR approval",
    description: "No Role or ClusterRole can approve certificate signing requests (certificatesigningrequests/approval, signers approve).",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "rbac"],
    framework: cisKubernetes("5.1.11", "Minimize access to the approval sub-resource of certificatesigningrequests objects"),
    why: "An approver can issue itself a client certificate for any user or group, including system:masters.",
    fixExample: roleFix(`
        - apiGroups: [certificates.k8s.io]
          resources: [certificatesigningrequests]
          verbs: [get, list, watch]
    `),
    remediationSteps:
        "Remove `update`/`patch` on `certificatesigningrequests/approval` and `approve` on `signers` (group `certificates.k8s.io`) from `rules[]` of the kubernetes.rbac.v1.ClusterRole. An approver can issue itself a client certificate for any user or group, including system:masters.",
    url: "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#csrs-and-certificate-issuing",
    appliesTo: anyOf(kubernetes.clusterRole, kubernetes.role),
    validate: (props, ctx) =>
        checkRole(ctx.type, props, ctx, {
            permissions,
            fix: "remove CSR approval from this rule",
        }),
});
