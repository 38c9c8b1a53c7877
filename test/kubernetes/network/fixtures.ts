// Typed fixtures for the network-segmentation stack policies: a namespace with a Deployment and the
// NetworkPolicies that isolate it.
import type { CustomResourceArgs } from "@pulumi/kubernetes/apiextensions/customResource";
import type { DeploymentArgs } from "@pulumi/kubernetes/apps/v1/deployment";
import type { NetworkPolicyArgs } from "@pulumi/kubernetes/networking/v1/networkPolicy";
import type * as k8s from "@pulumi/kubernetes/types/input";
import type { StackResourceInput } from "../../harness";

export const deploymentType = "kubernetes:apps/v1:Deployment";
export const networkPolicyType = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

export function deployment(name: string, namespace: string | undefined, labels: Record<string, string>, extra: Partial<k8s.core.v1.PodSpec> = {}): StackResourceInput {
    const props: DeploymentArgs = {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name, ...(namespace ? { namespace } : {}) },
        spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "app", image: "registry.example.com/app:1.0.0" }], ...extra } } },
    };
    return { type: deploymentType, name: `${namespace ?? "default"}-${name}`, props };
}

export function networkPolicy(name: string, namespace: string | undefined, spec: k8s.networking.v1.NetworkPolicySpec): StackResourceInput {
    const props: NetworkPolicyArgs = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name, ...(namespace ? { namespace } : {}) }, spec };
    return { type: networkPolicyType, name: `${namespace ?? "default"}-np-${name}`, props };
}

/** Default-deny ingress and egress, with egress open except the metadata endpoint. */
export function hardenedPolicies(namespace: string): StackResourceInput[] {
    return [
        networkPolicy("default-deny", namespace, { podSelector: {}, policyTypes: ["Ingress", "Egress"] }),
        networkPolicy("egress", namespace, {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [
                { to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.169.254/32"] } }] },
                { to: [], ports: [{ port: 53, protocol: "UDP" }] },
            ],
        }),
    ];
}

/** A custom resource as `new k8s.apiextensions.CustomResource(...)` registers it: `kubernetes:<group>/<version>:<Kind>`. */
export function customResource(apiVersion: string, kind: string, name: string, namespace: string | undefined, fields: Record<string, unknown>): StackResourceInput {
    const props: CustomResourceArgs = { apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}) }, ...fields };
    return { type: `kubernetes:${apiVersion}:${kind}`, name: `${namespace ?? "cluster"}-${kind}-${name}`, props };
}

export const ciliumPolicy = (name: string, namespace: string, spec: unknown) => customResource("cilium.io/v2", "CiliumNetworkPolicy", name, namespace, { spec });
export const ciliumClusterwidePolicy = (name: string, spec: unknown) => customResource("cilium.io/v2", "CiliumClusterwideNetworkPolicy", name, undefined, { spec });
export const calicoPolicy = (name: string, namespace: string, spec: unknown) => customResource("projectcalico.org/v3", "NetworkPolicy", name, namespace, { spec });
export const calicoGlobalPolicy = (name: string, spec: unknown) => customResource("projectcalico.org/v3", "GlobalNetworkPolicy", name, undefined, { spec });
export const adminNetworkPolicy = (name: string, spec: unknown) => customResource("policy.networking.k8s.io/v1alpha1", "AdminNetworkPolicy", name, undefined, { spec });
export const baselineAdminNetworkPolicy = (spec: unknown) => customResource("policy.networking.k8s.io/v1alpha1", "BaselineAdminNetworkPolicy", "default", undefined, { spec });
export const clusterNetworkPolicy = (name: string, spec: unknown) => customResource("policy.networking.k8s.io/v1alpha2", "ClusterNetworkPolicy", name, undefined, { spec });

/** The two metadata addresses k8s-block-metadata-egress checks by default, as CIDRs. */
export const metadataCidrs = ["169.254.169.254/32", "fd00:ec2::254/128"];
