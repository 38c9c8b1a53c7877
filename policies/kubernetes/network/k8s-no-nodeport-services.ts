import type * as k8s from "@pulumi/kubernetes/types/input";
import type { Unwrap } from "@pulumi/pulumi";
import { asDict, asString, kubernetes, nsaHardening, resourcePolicy, serviceFix } from "../../core";

export const k8sNoNodeportServices = resourcePolicy<Unwrap<k8s.core.v1.Service>>({
    name: "k8s-no-nodeport-services",
    displayName: "No NodePort Services",
    description: "Services are not of type NodePort, which opens a port on every node.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "network"],
    framework: nsaHardening("Network separation and hardening", "Worker node segmentation"),
    why: "A NodePort opens the port on every node's address, bypassing load balancer controls.",
    fixExample: serviceFix(),
    remediationSteps:
        'Set `spec.type: "ClusterIP"` and expose the workload through an Ingress (with TLS) or an internal LoadBalancer ' +
        "Service instead of a NodePort.",
    url: "https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport",
    appliesTo: kubernetes.service,
    validate: (props, ctx) => {
        if (asString(asDict(asDict(props)?.spec)?.type) === "NodePort") {
            ctx.violation("spec.type", 'is "NodePort", which opens the port on every node\'s address', 'set spec.type to "ClusterIP" and expose it through an Ingress');
        }
    },
});
