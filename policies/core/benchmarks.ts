// The benchmarks policies cite, with the recommendations in scope for a pre-deploy infrastructure-as-code
// pack: cluster configuration and the Kubernetes objects deployed into it. Ids and titles are copied from
// the sources named on each benchmark; coverage (cluster-guard frameworks, docs/FRAMEWORKS.md) lists what
// the pack covers and what it does not from these lists.

export interface Recommendation {
    /** The benchmark number (CIS), level (Pod Security Standards) or chapter (NSA/CISA). */
    id: string;
    /** The recommendation title (CIS), control (Pod Security Standards) or section (NSA/CISA). */
    title: string;
    /** The heading the recommendation sits under. */
    section: string;
}

export interface Benchmark {
    /** Short key for the CLI and anchors, e.g. cis-eks. */
    key: string;
    /** The framework name policies cite (PolicyComplianceFramework.name). */
    name: string;
    version: string;
    /** Where the ids and titles were checked. */
    source: string;
    /** Which parts of the benchmark a pre-deploy pack can judge, and which it leaves out. */
    scope: string;
    recommendations: readonly Recommendation[];
}

type Row = readonly [id: string, title: string] | { section: string };
const section = (id: string, title: string): Row => ({ section: `${id} ${title}` });

/** Rows in document order: a section heading applies to the recommendations after it. */
function recommendations(rows: readonly Row[]): Recommendation[] {
    let current = "";
    const list: Recommendation[] = [];
    for (const row of rows) {
        if ("section" in row) current = row.section;
        else list.push({ id: row[0], title: row[1], section: current });
    }
    return list;
}

const cisKubernetesRecommendations: Row[] = [
    section("5.1", "RBAC and Service Accounts"),
    ["5.1.1", "Ensure that the cluster-admin role is only used where required"],
    ["5.1.2", "Minimize access to secrets"],
    ["5.1.3", "Minimize wildcard use in Roles and ClusterRoles"],
    ["5.1.4", "Minimize access to create pods"],
    ["5.1.5", "Ensure that default service accounts are not actively used"],
    ["5.1.6", "Ensure that Service Account Tokens are only mounted where necessary"],
    ["5.1.7", "Avoid use of system:masters group"],
    ["5.1.8", "Limit use of the Bind, Impersonate and Escalate permissions in the Kubernetes cluster"],
    ["5.1.9", "Minimize access to create persistent volumes"],
    ["5.1.10", "Minimize access to the proxy sub-resource of nodes"],
    ["5.1.11", "Minimize access to the approval sub-resource of certificatesigningrequests objects"],
    ["5.1.12", "Minimize access to webhook configuration objects"],
    ["5.1.13", "Minimize access to the service account token creation"],
    section("5.2", "Pod Security Standards"),
    ["5.2.1", "Ensure that the cluster has at least one active policy control mechanism in place"],
    ["5.2.2", "Minimize the admission of privileged containers"],
    ["5.2.3", "Minimize the admission of containers wishing to share the host process ID namespace"],
    ["5.2.4", "Minimize the admission of containers wishing to share the host IPC namespace"],
    ["5.2.5", "Minimize the admission of containers wishing to share the host network namespace"],
    ["5.2.6", "Minimize the admission of containers with allowPrivilegeEscalation"],
    ["5.2.7", "Minimize the admission of root containers"],
    ["5.2.8", "Minimize the admission of containers with the NET_RAW capability"],
    ["5.2.9", "Minimize the admission of containers with added capabilities"],
    ["5.2.10", "Minimize the admission of containers with capabilities assigned"],
    ["5.2.11", "Minimize the admission of Windows HostProcess containers"],
    ["5.2.12", "Minimize the admission of HostPath volumes"],
    ["5.2.13", "Minimize the admission of containers which use HostPorts"],
    section("5.3", "Network Policies and CNI"),
    ["5.3.1", "Ensure that the CNI in use supports NetworkPolicies"],
    ["5.3.2", "Ensure that all Namespaces have NetworkPolicies defined"],
    section("5.4", "Secrets Management"),
    ["5.4.1", "Prefer using Secrets as files over Secrets as environment variables"],
    ["5.4.2", "Consider external secret storage"],
    section("5.5", "Extensible Admission Control"),
    ["5.5.1", "Configure Image Provenance using ImagePolicyWebhook admission controller"],
    section("5.7", "General Policies"),
    ["5.7.1", "Create administrative boundaries between resources using namespaces"],
    ["5.7.2", "Ensure that the seccomp profile is set to docker/default in your Pod definitions"],
    ["5.7.3", "Apply SecurityContext to your Pods and Containers"],
    ["5.7.4", "The default namespace should not be used"],
];

const cisEksRecommendations: Row[] = [
    section("2.1", "Logging"),
    ["2.1.1", "Enable audit Logs"],
    ["2.1.2", "Ensure audit logs are collected and managed"],
    section("4.1", "RBAC and Service Accounts"),
    ["4.1.1", "Ensure that the cluster-admin role is only used where required"],
    ["4.1.2", "Minimize access to secrets"],
    ["4.1.3", "Minimize wildcard use in Roles and ClusterRoles"],
    ["4.1.4", "Minimize access to create pods"],
    ["4.1.5", "Ensure that default service accounts are not actively used."],
    ["4.1.6", "Ensure that Service Account Tokens are only mounted where necessary"],
    ["4.1.7", "Cluster Access Manager API to streamline and enhance the management of access controls within EKS clusters"],
    ["4.1.8", "Limit use of the Bind, Impersonate and Escalate permissions in the Kubernetes cluster"],
    section("4.2", "Pod Security Standards"),
    ["4.2.1", "Minimize the admission of privileged containers"],
    ["4.2.2", "Minimize the admission of containers wishing to share the host process ID namespace"],
    ["4.2.3", "Minimize the admission of containers wishing to share the host IPC namespace"],
    ["4.2.4", "Minimize the admission of containers wishing to share the host network namespace"],
    ["4.2.5", "Minimize the admission of containers with allowPrivilegeEscalation"],
    section("4.3", "CNI Plugin"),
    ["4.3.1", "Ensure CNI plugin supports network policies"],
    ["4.3.2", "Ensure that all Namespaces have Network Policies defined"],
    section("4.4", "Secrets Management"),
    ["4.4.1", "Prefer using secrets as files over secrets as environment variables"],
    ["4.4.2", "Consider external secret storage"],
    section("4.5", "General Policies"),
    ["4.5.1", "Create administrative boundaries between resources using namespaces"],
    ["4.5.2", "The default namespace should not be used"],
    section("5.1", "Image Registry and Image Scanning"),
    ["5.1.1", "Ensure Image Vulnerability Scanning using Amazon ECR image scanning or a third party provider"],
    ["5.1.2", "Minimize user access to Amazon ECR"],
    ["5.1.3", "Minimize cluster access to read-only for Amazon ECR"],
    ["5.1.4", "Minimize Container Registries to only those approved"],
    section("5.2", "Identity and Access Management (IAM)"),
    ["5.2.1", "Prefer using dedicated Amazon EKS Service Accounts"],
    section("5.3", "AWS EKS Key Management Service"),
    ["5.3.1", "Ensure Kubernetes Secrets are encrypted using Customer Master Keys (CMKs) managed in AWS KMS"],
    section("5.4", "Cluster Networking"),
    ["5.4.1", "Restrict Access to the Control Plane Endpoint"],
    ["5.4.2", "Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled"],
    ["5.4.3", "Ensure clusters are created with Private Nodes"],
    ["5.4.4", "Ensure Network Policy is Enabled and set as appropriate"],
    ["5.4.5", "Encrypt traffic to HTTPS load balancers with TLS certificates"],
    section("5.5", "Authentication and Authorization"),
    ["5.5.1", "Manage Kubernetes RBAC users with AWS IAM Authenticator for Kubernetes or Upgrade to AWS CLI v1.16.156 or greater"],
];

const cisAksRecommendations: Row[] = [
    section("2.1", "Logging"),
    ["2.1.1", "Enable audit Logs"],
    section("4.1", "RBAC and Service Accounts"),
    ["4.1.1", "Ensure that the cluster-admin role is only used where required"],
    ["4.1.2", "Minimize access to secrets"],
    ["4.1.3", "Minimize wildcard use in Roles and ClusterRoles"],
    ["4.1.4", "Minimize access to create pods"],
    ["4.1.5", "Ensure that default service accounts are not actively used"],
    ["4.1.6", "Ensure that Service Account Tokens are only mounted where necessary"],
    section("4.2", "Pod Security Policies"),
    ["4.2.1", "Minimize the admission of privileged containers"],
    ["4.2.2", "Minimize the admission of containers wishing to share the host process ID namespace"],
    ["4.2.3", "Minimize the admission of containers wishing to share the host IPC namespace"],
    ["4.2.4", "Minimize the admission of containers wishing to share the host network namespace"],
    ["4.2.5", "Minimize the admission of containers with allowPrivilegeEscalation"],
    section("4.3", "Azure Policy / OPA"),
    section("4.4", "CNI Plugin"),
    ["4.4.1", "Ensure latest CNI version is used"],
    ["4.4.2", "Ensure that all Namespaces have Network Policies defined"],
    section("4.5", "Secrets Management"),
    ["4.5.1", "Prefer using secrets as files over secrets as environment variables"],
    ["4.5.2", "Consider external secret storage"],
    section("4.6", "General Policies"),
    ["4.6.1", "Create administrative boundaries between resources using namespaces"],
    ["4.6.2", "Apply Security Context to Your Pods and Containers"],
    ["4.6.3", "The default namespace should not be used"],
    section("5.1", "Image Registry and Image Scanning"),
    ["5.1.1", "Ensure Image Vulnerability Scanning using Microsoft Defender for Cloud (MDC) image scanning or a third party provider"],
    ["5.1.2", "Minimize user access to Azure Container Registry (ACR)"],
    ["5.1.3", "Minimize cluster access to read-only for Azure Container Registry (ACR)"],
    ["5.1.4", "Minimize Container Registries to only those approved"],
    section("5.2", "Access and identity options for Azure Kubernetes Service (AKS)"),
    ["5.2.1", "Prefer using dedicated AKS Service Accounts"],
    section("5.3", "Key Management Service (KMS)"),
    ["5.3.1", "Ensure Kubernetes Secrets are encrypted"],
    section("5.4", "Cluster Networking"),
    ["5.4.1", "Restrict Access to the Control Plane Endpoint"],
    ["5.4.2", "Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled"],
    ["5.4.3", "Ensure clusters are created with Private Nodes"],
    ["5.4.4", "Ensure Network Policy is Enabled and set as appropriate"],
    ["5.4.5", "Encrypt traffic to HTTPS load balancers with TLS certificates"],
    section("5.5", "Authentication and Authorization"),
    ["5.5.1", "Manage Kubernetes RBAC users with Azure AD"],
    ["5.5.2", "Use Azure RBAC for Kubernetes Authorization"],
];

const cisGkeRecommendations: Row[] = [
    section("2.1", "Authentication and Authorization"),
    ["2.1.1", "Client certificate authentication should not be used for users"],
    section("4.1", "RBAC and Service Accounts"),
    ["4.1.1", "Ensure that the cluster-admin role is only used where required"],
    ["4.1.2", "Minimize access to secrets"],
    ["4.1.3", "Minimize wildcard use in Roles and ClusterRoles"],
    ["4.1.4", "Ensure that default service accounts are not actively used"],
    ["4.1.5", "Ensure that Service Account Tokens are only mounted where necessary"],
    ["4.1.6", "Avoid use of system:masters group"],
    ["4.1.7", "Limit use of the Bind, Impersonate and Escalate permissions in the Kubernetes cluster"],
    ["4.1.8", "Avoid bindings to system:anonymous"],
    ["4.1.9", "Avoid non-default bindings to system:unauthenticated"],
    ["4.1.10", "Avoid non-default bindings to system:authenticated"],
    section("4.2", "Pod Security Standards"),
    ["4.2.1", "Ensure that the cluster enforces Pod Security Standard Baseline profile or stricter for all namespaces."],
    section("4.3", "Network Policies and CNI"),
    ["4.3.1", "Ensure that the CNI in use supports Network Policies"],
    ["4.3.2", "Ensure that all Namespaces have Network Policies defined"],
    section("4.4", "Secrets Management"),
    ["4.4.1", "Prefer using secrets as files over secrets as environment variables"],
    ["4.4.2", "Consider external secret storage"],
    section("4.5", "Extensible Admission Control"),
    ["4.5.1", "Configure Image Provenance using ImagePolicyWebhook admission controller"],
    section("4.6", "General Policies"),
    ["4.6.1", "Create administrative boundaries between resources using namespaces"],
    ["4.6.2", "Ensure that the seccomp profile is set to RuntimeDefault in your pod definitions"],
    ["4.6.3", "Apply Security Context to Your Pods and Containers"],
    ["4.6.4", "The default namespace should not be used"],
    section("5.1", "Image Registry and Image Scanning"),
    ["5.1.1", "Ensure Image Vulnerability Scanning is enabled"],
    ["5.1.2", "Minimize user access to Container Image repositories"],
    ["5.1.3", "Minimize cluster access to read-only for Container Image repositories"],
    ["5.1.4", "Ensure only trusted container images are used"],
    section("5.2", "Identity and Access Management (IAM)"),
    ["5.2.1", "Ensure GKE clusters are not running using the Compute Engine default service account"],
    ["5.2.2", "Prefer using dedicated GCP Service Accounts and Workload Identity"],
    section("5.3", "Cloud Key Management Service (Cloud KMS)"),
    ["5.3.1", "Ensure Kubernetes Secrets are encrypted using keys managed in Cloud KMS"],
    section("5.4", "Node Metadata"),
    ["5.4.1", "Ensure the GKE Metadata Server is Enabled"],
    section("5.5", "Node Configuration and Maintenance"),
    ["5.5.1", "Ensure Container-Optimized OS (cos_containerd) is used for GKE node images"],
    ["5.5.2", "Ensure Node Auto-Repair is enabled for GKE nodes"],
    ["5.5.3", "Ensure Node Auto-Upgrade is enabled for GKE nodes"],
    ["5.5.4", "When creating New Clusters - Automate GKE version management using Release Channels"],
    ["5.5.5", "Ensure Shielded GKE Nodes are Enabled"],
    ["5.5.6", "Ensure Integrity Monitoring for Shielded GKE Nodes is Enabled"],
    ["5.5.7", "Ensure Secure Boot for Shielded GKE Nodes is Enabled"],
    section("5.6", "Cluster Networking"),
    ["5.6.1", "Enable VPC Flow Logs and Intranode Visibility"],
    ["5.6.2", "Ensure use of VPC-native clusters"],
    ["5.6.3", "Ensure Control Plane Authorized Networks is Enabled"],
    ["5.6.4", "Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled"],
    ["5.6.5", "Ensure clusters are created with Private Nodes"],
    ["5.6.6", "Consider firewalling GKE worker nodes"],
    ["5.6.7", "Ensure use of Google-managed SSL Certificates"],
    section("5.7", "Logging"),
    ["5.7.1", "Ensure Logging and Cloud Monitoring is Enabled"],
    ["5.7.2", "Enable Linux auditd logging"],
    section("5.8", "Authentication and Authorization"),
    ["5.8.1", "Ensure authentication using Client Certificates is Disabled"],
    ["5.8.2", "Manage Kubernetes RBAC users with Google Groups for GKE"],
    ["5.8.3", "Ensure Legacy Authorization (ABAC) is Disabled"],
    section("5.9", "Storage"),
    ["5.9.1", "Enable Customer-Managed Encryption Keys (CMEK) for GKE Persistent Disks (PD)"],
    ["5.9.2", "Enable Customer-Managed Encryption Keys (CMEK) for Boot Disks"],
    section("5.1", "Other Cluster Configurations"),
    ["5.10.1", "Ensure Kubernetes Web UI is Disabled"],
    ["5.10.2", "Ensure that Alpha clusters are not used for production workloads"],
    ["5.10.3", "Consider GKE Sandbox for running untrusted workloads"],
    ["5.10.4", "Ensure use of Binary Authorization"],
    ["5.10.5", "Enable Security Posture"],
];

// Pod Security Standards: the id is the level, the title the control, as the table names it.
const podSecurityStandardsControls: Row[] = [
    { section: "Baseline" },
    ...["HostProcess", "Host Namespaces", "Privileged Containers", "Capabilities", "HostPath Volumes", "Host Ports",
        "Host Probes / Lifecycle Hooks", "AppArmor", "SELinux", "/proc Mount Type", "Seccomp", "Sysctls"].map((c) => ["baseline", c] as const),
    { section: "Restricted" },
    // "/proc Mount Type" at restricted: the pod-security-admission check procMount_restricted (hostUsers: false, v1.35).
    ...["Volume Types", "Privilege Escalation", "Running as Non-root", "Running as Non-root user", "Seccomp", "Capabilities", "/proc Mount Type"]
        .map((c) => ["restricted", c] as const),
];

// NSA/CISA guidance numbers nothing: the id is the chapter, the title the section under it.
const nsaChapters: [chapter: string, sections: string[]][] = [
    ["Kubernetes Pod security", [
        "\"Non-root\" containers and \"rootless\" container engines", "Immutable container file systems",
        "Building secure container images", "Pod security enforcement", "Protecting Pod service account tokens",
        "Hardening container environments",
    ]],
    ["Network separation and hardening", [
        "Namespaces", "Network policies", "Resource policies", "Control plane hardening", "Worker node segmentation",
        "Encryption", "Secrets", "Protecting sensitive cloud infrastructure",
    ]],
    ["Authentication and authorization", ["Authentication", "Role-based access control"]],
    ["Audit Logging and Threat Detection", ["Logging", "Threat detection"]],
    ["Upgrading and application security practices", ["Immediately apply security patches and updates"]],
];
const nsaSections: Row[] = nsaChapters.flatMap(([chapter, sections]) => [{ section: chapter }, ...sections.map((s) => [chapter, s] as const)]);

const kubeBench = "aquasecurity/kube-bench";
const managedScope =
    "Sections 2 (control plane configuration), 4 (Kubernetes policies) and 5 (managed services). Section 3 (worker " +
    "node files and kubelet flags) is host configuration the provider's node image sets, outside what a pre-deploy pack sees.";

/** A CIS benchmark whose ids and titles were checked against kube-bench's cfg/<dir>. */
function cis(key: string, name: string, version: string, dir: string, scope: string, rows: readonly Row[]): Benchmark {
    return { key, name, version, source: `${kubeBench} cfg/${dir}`, scope, recommendations: recommendations(rows) };
}

export const cisEksBenchmark = cis("cis-eks", "CIS Amazon EKS Benchmark", "1.7.0", "eks-1.7.0", managedScope, cisEksRecommendations);
export const cisAksBenchmark = cis("cis-aks", "CIS Azure Kubernetes Service (AKS) Benchmark", "1.7.0", "aks-1.7", managedScope, cisAksRecommendations);
export const cisGkeBenchmark = cis("cis-gke", "CIS Google Kubernetes Engine (GKE) Benchmark", "1.6.0", "gke-1.6.0", managedScope, cisGkeRecommendations);
export const cisKubernetesBenchmark = cis(
    "cis-kubernetes",
    "CIS Kubernetes Benchmark",
    "1.10.0",
    "cis-1.10",
    "Section 5 (policies: RBAC, pod security, network policies, secrets, admission, general). Sections 1 to 4 " +
        "configure control plane and node processes, which managed services run and a pre-deploy pack does not see.",
    cisKubernetesRecommendations,
);
export const podSecurityStandardsBenchmark: Benchmark = {
    key: "pss",
    name: "Kubernetes Pod Security Standards",
    version: "v1.35",
    source: "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
    scope: "Every control of the Baseline and Restricted profiles.",
    recommendations: recommendations(podSecurityStandardsControls),
};
export const nsaHardeningBenchmark: Benchmark = {
    key: "nsa-cisa",
    name: "NSA/CISA Kubernetes Hardening Guidance",
    version: "1.2",
    source: "https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF",
    scope:
        "The sections of each chapter that cluster configuration or Kubernetes objects express; etcd and kubeconfig " +
        "files (run by the managed service) and the appendices are left out.",
    recommendations: recommendations(nsaSections),
};

/** Every benchmark, in the order reports list them. */
export const benchmarks: readonly Benchmark[] = [
    cisEksBenchmark, cisAksBenchmark, cisGkeBenchmark, cisKubernetesBenchmark, podSecurityStandardsBenchmark, nsaHardeningBenchmark,
];
