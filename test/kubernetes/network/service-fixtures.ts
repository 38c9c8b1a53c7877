import type { IngressArgs } from "@pulumi/kubernetes/networking/v1/ingress";
import type { ServiceArgs } from "@pulumi/kubernetes/core/v1/service";
import type * as k8s from "@pulumi/kubernetes/types/input";

export const serviceType = "kubernetes:core/v1:Service";
export const ingressType = "kubernetes:networking.k8s.io/v1:Ingress";

export function service(spec: k8s.core.v1.ServiceSpec, annotations?: Record<string, string>): ServiceArgs {
    return { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "shop", ...(annotations ? { annotations } : {}) }, spec: { selector: { app: "web" }, ports: [{ port: 80 }], ...spec } };
}

export function ingress(spec: Partial<k8s.networking.v1.IngressSpec>, annotations?: Record<string, string>): IngressArgs {
    return {
        apiVersion: "networking.k8s.io/v1",
        kind: "Ingress",
        metadata: { name: "web", namespace: "shop", ...(annotations ? { annotations } : {}) },
        spec: {
            rules: [{ host: "shop.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }] } }],
            ...spec,
        },
    };
}
