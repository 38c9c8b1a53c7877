import type * as k8s from "@pulumi/kubernetes/types/input";
import type { Unwrap } from "@pulumi/pulumi";
import { asArray, asDict, asString, isOpenToWorld, isUnknown, kubernetes, parseCidr, peek, PolicyConfigError, resourcePolicy, serviceFix } from "../../core";

interface AcceptedAnnotation {
    key: string;
    /** undefined: any value except "false". */
    value?: string;
}

interface Config {
    accepted: AcceptedAnnotation[];
}

/** The annotations each cloud reads to create an internal load balancer. */
export const internalLoadBalancerAnnotations: readonly AcceptedAnnotation[] = [
    { key: "service.beta.kubernetes.io/aws-load-balancer-internal" },
    { key: "service.beta.kubernetes.io/aws-load-balancer-scheme", value: "internal" },
    { key: "service.beta.kubernetes.io/azure-load-balancer-internal", value: "true" },
    { key: "networking.gke.io/load-balancer-type", value: "Internal" },
    { key: "cloud.google.com/load-balancer-type", value: "Internal" },
];

function parseAnnotation(text: string): AcceptedAnnotation {
    const eq = text.indexOf("=");
    const key = (eq >= 0 ? text.slice(0, eq) : text).trim();
    if (key === "") throw new PolicyConfigError("k8s-loadbalancer-internal", `acceptedAnnotations: "${text}" has no annotation key`);
    return eq >= 0 ? { key, value: text.slice(eq + 1).trim() } : { key };
}

function matches(annotations: Record<string, unknown>, accepted: AcceptedAnnotation): boolean {
    const value = asString(annotations[accepted.key]);
    if (value === undefined) return false;
    if (accepted.value === undefined) return value.trim().toLowerCase() !== "false" && value.trim() !== "";
    return value.trim().toLowerCase() === accepted.value.toLowerCase();
}

export const k8sLoadbalancerInternal = resourcePolicy<Unwrap<k8s.core.v1.Service>, Config>({
    name: "k8s-loadbalancer-internal",
    displayName: "LoadBalancer Services internal or source-restricted",
    description:
        "A Service of type LoadBalancer is internal (AWS, Azure or GKE internal annotation) or restricts " +
        "loadBalancerSourceRanges to ranges other than 0.0.0.0/0.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "network"],
    why: "A public load balancer puts the workload on the internet, often without the authentication or TLS it was built to have behind the cluster edge.",
    fixExample: serviceFix("LoadBalancer", { "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal" }),
    remediationSteps:
        "Make the load balancer internal with the cloud's annotation in `metadata.annotations`: AWS " +
        '`service.beta.kubernetes.io/aws-load-balancer-scheme: "internal"`, Azure ' +
        '`service.beta.kubernetes.io/azure-load-balancer-internal: "true"`, GKE `networking.gke.io/load-balancer-type: ' +
        '"Internal"`; or set `spec.loadBalancerSourceRanges` to the client ranges. Use an Ingress with TLS for public traffic.',
    url: "https://kubernetes.io/docs/concepts/services-networking/service/#internal-load-balancer",
    configSchema: {
        properties: {
            acceptedAnnotations: {
                type: "array",
                items: { type: "string", minLength: 1 },
                default: [],
                description: 'Other annotations that make a load balancer internal, as "key=value" (or "key" for any value but "false").',
            },
        },
    },
    parseConfig: (raw) => ({
        accepted: [...internalLoadBalancerAnnotations, ...(raw.acceptedAnnotations as string[]).map(parseAnnotation)],
    }),
    appliesTo: kubernetes.service,
    validate: (props, ctx) => {
        const spec = asDict(asDict(props)?.spec);
        if (asString(spec?.type) !== "LoadBalancer") return;
        const annotations = asDict(asDict(asDict(props)?.metadata)?.annotations) ?? {};
        if (ctx.config.accepted.some((a) => matches(annotations, a))) return;
        // A range open to the world decides; otherwise a range unknown in a preview leaves the verdict open.
        const ranges = asArray(spec?.loadBalancerSourceRanges);
        let open: string | undefined;
        let unknownRange: string | undefined;
        let allNarrow = ranges.length > 0;
        for (let i = 0; i < ranges.length; i++) {
            const range = peek(ranges, i);
            if (isUnknown(range)) {
                unknownRange ??= `spec.loadBalancerSourceRanges[${i}]`;
                allNarrow = false;
                continue;
            }
            if (typeof range !== "string") continue;
            const cidr = parseCidr(range);
            if (cidr === undefined || isOpenToWorld(cidr)) allNarrow = false;
            if (cidr !== undefined && isOpenToWorld(cidr)) open ??= range;
        }
        if (open === undefined && allNarrow) return;
        if (open === undefined && unknownRange) {
            ctx.defer(unknownRange);
            return;
        }
        const problem =
            open !== undefined
                ? `is LoadBalancer with loadBalancerSourceRanges containing ${open}, and no internal annotation, so the load balancer is open to the internet`
                : "is LoadBalancer with no internal annotation and no loadBalancerSourceRanges, and the cloud then creates an internet-facing load balancer open to 0.0.0.0/0";
        ctx.violation("spec.type", problem, "add the cloud's internal load balancer annotation, or set spec.loadBalancerSourceRanges to the client ranges");
    },
});
