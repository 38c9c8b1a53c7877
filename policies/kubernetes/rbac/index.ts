import type { ClusterGuardPolicy } from "../../core";
import { k8sNoSaTokenSecrets } from "./k8s-no-sa-token-secrets";
import { k8sRbacNoAnonymousBinding } from "./k8s-rbac-no-anonymous-binding";
import { k8sRbacNoAwsAuthWrite } from "./k8s-rbac-no-aws-auth-write";
import { k8sRbacNoClusterAdminBinding } from "./k8s-rbac-no-cluster-admin-binding";
import { k8sRbacNoCsrApproval } from "./k8s-rbac-no-csr-approval";
import { k8sRbacNoDefaultSaBinding } from "./k8s-rbac-no-default-sa-binding";
import { k8sRbacNoEscalationVerbs } from "./k8s-rbac-no-escalation-verbs";
import { k8sRbacNoNodeProxy } from "./k8s-rbac-no-node-proxy";
import { k8sRbacNoPodCreate } from "./k8s-rbac-no-pod-create";
import { k8sRbacNoPodExec } from "./k8s-rbac-no-pod-exec";
import { k8sRbacNoPvCreate } from "./k8s-rbac-no-pv-create";
import { k8sRbacNoSaTokenCreate } from "./k8s-rbac-no-sa-token-create";
import { k8sRbacNoSecretRead } from "./k8s-rbac-no-secret-read";
import { k8sRbacNoServiceStatusWrite } from "./k8s-rbac-no-service-status-write";
import { k8sRbacNoSystemMastersBinding } from "./k8s-rbac-no-system-masters-binding";
import { k8sRbacNoWebhookConfigWrite } from "./k8s-rbac-no-webhook-config-write";
import { k8sRbacNoWildcards } from "./k8s-rbac-no-wildcards";
import { k8sSaNoTokenAutomount } from "./k8s-sa-no-token-automount";
import { k8sWorkloadNoDefaultSa } from "./k8s-workload-no-default-sa";
import { k8sWorkloadNoTokenAutomount } from "./k8s-workload-no-token-automount";

/** RBAC, service account and cluster access checks: bindings, then roles, then service accounts and tokens. */
export const rbacPolicies: ClusterGuardPolicy[] = [
    k8sRbacNoClusterAdminBinding,
    k8sRbacNoAnonymousBinding,
    k8sRbacNoSystemMastersBinding,
    k8sRbacNoDefaultSaBinding,
    k8sRbacNoWildcards,
    k8sRbacNoSecretRead,
    k8sRbacNoPodCreate,
    k8sRbacNoPodExec,
    k8sRbacNoEscalationVerbs,
    k8sRbacNoNodeProxy,
    k8sRbacNoSaTokenCreate,
    k8sRbacNoCsrApproval,
    k8sRbacNoWebhookConfigWrite,
    k8sRbacNoPvCreate,
    k8sRbacNoAwsAuthWrite,
    k8sRbacNoServiceStatusWrite,
    k8sSaNoTokenAutomount,
    k8sWorkloadNoTokenAutomount,
    k8sWorkloadNoDefaultSa,
    k8sNoSaTokenSecrets,
];
