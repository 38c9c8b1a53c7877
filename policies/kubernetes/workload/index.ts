import type { ClusterGuardPolicy } from "../../core";
import { k8sContainerResources } from "./k8s-container-resources";
import { k8sHelmReleaseNoCredentials } from "./k8s-helm-release-no-credentials";
import { k8sHelmReleaseUnchecked } from "./k8s-helm-release-unchecked";
import { k8sImageDigestPinned } from "./k8s-image-digest-pinned";
import { k8sImagePullPolicyAlways } from "./k8s-image-pull-policy-always";
import { k8sImageRegistryAllowed } from "./k8s-image-registry-allowed";
import { k8sImageTagPinned } from "./k8s-image-tag-pinned";
import { k8sLivenessReadinessProbes } from "./k8s-liveness-readiness-probes";
import { k8sNamespacePssEnforceLabel } from "./k8s-namespace-pss-enforce-label";
import { k8sNamespaceQuotaAndLimits } from "./k8s-namespace-quota-and-limits";
import { k8sNoAlphaBetaApiVersions } from "./k8s-no-alpha-beta-api-versions";
import { k8sNoDefaultNamespace } from "./k8s-no-default-namespace";
import { k8sNoRemovedApiVersions } from "./k8s-no-removed-api-versions";
import { k8sNoRootGroup } from "./k8s-no-root-group";
import { k8sNoRuntimeSocketMount } from "./k8s-no-runtime-socket-mount";
import { k8sNoSecretEnvLiterals } from "./k8s-no-secret-env-literals";
import { k8sNoSecretsInEnv } from "./k8s-no-secrets-in-env";
import { k8sReadonlyRootFilesystem } from "./k8s-readonly-root-filesystem";
import { k8sStorageClassEncrypted } from "./k8s-storage-class-encrypted";

/** Workload hygiene and supply-chain checks. */
export const workloadPolicies: ClusterGuardPolicy[] = [
    k8sContainerResources,
    k8sReadonlyRootFilesystem,
    k8sNoRootGroup,
    k8sLivenessReadinessProbes,
    k8sNoSecretEnvLiterals,
    k8sNoSecretsInEnv,
    k8sNoRuntimeSocketMount,
    k8sNoDefaultNamespace,
    k8sNamespaceQuotaAndLimits,
    k8sNamespacePssEnforceLabel,
    k8sNoAlphaBetaApiVersions,
    k8sNoRemovedApiVersions,
    k8sImageTagPinned,
    k8sImageDigestPinned,
    k8sImagePullPolicyAlways,
    k8sImageRegistryAllowed,
    k8sStorageClassEncrypted,
    k8sHelmReleaseUnchecked,
    k8sHelmReleaseNoCredentials,
];
