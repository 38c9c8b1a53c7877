import type * as k8s from "@pulumi/kubernetes/types/input";
import type { Unwrap } from "@pulumi/pulumi";
import { asArray, asDict, kubernetes, resourcePolicy, serviceFix, show } from "../../core";

export const k8sNoServiceExternalIps = resourcePolicy<Unwrap<k8s.core.v1.Service>>({
    name: "k8s-no-service-external-ips",
    displayName: "No Service externalIPs",
    description: "Services set no externalIPs, which let anyone who can create a Service intercept traffic (CVE-2020-8554).",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "network"],
    why: "Anyone who can create a Service with externalIPs can intercept the cluster's traffic to those addresses (CVE-2020-8554).",
    fixExample: serviceFix(),
    remediationSteps:
        "Remove `spec.externalIPs` from the Service; use a LoadBalancer Service or an Ingress. Block the field cluster-wide " +
        "with the DenyServiceExternalIPs admission plugin where the platform allows it.",
    url: "https://github.com/kubernetes/kubernetes/issues/97076",
    appliesTo: kubernetes.service,
    validate: (props, ctx) => {
        const ips = asArray(asDict(asDict(props)?.spec)?.externalIPs);
        if (ips.length > 0) {
            ctx.violation("spec.externalIPs", `is ${show(ips)}: externalIPs let a Service capture traffic to any address (CVE-2020-8554)`, "remove spec.externalIPs");
        }
    },
});
