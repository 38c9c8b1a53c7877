import type * as k8s from "@pulumi/kubernetes/types/input";
import type { Unwrap } from "@pulumi/pulumi";
import { asDict, kubernetes, resourcePolicy } from "../../core";

const nginxPrefix = "nginx.ingress.kubernetes.io/";

export const k8sIngressNoSnippetAnnotations = resourcePolicy<Unwrap<k8s.networking.v1.Ingress>>({
    name: "k8s-ingress-no-snippet-annotations",
    description:
        "Ingresses carry no ingress-nginx snippet annotations (configuration-snippet, server-snippet, ...), which inject " +
        "raw nginx configuration and can expose the controller's credentials (CVE-2021-25742).",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "network"],
    remediationSteps:
        "Remove `nginx.ingress.kubernetes.io/configuration-snippet`, `server-snippet` and other `*-snippet` annotations " +
        "from `metadata.annotations`; use the controller's dedicated annotations instead, and keep " +
        "`allow-snippet-annotations: false` in the controller's ConfigMap.",
    url: "https://github.com/kubernetes/ingress-nginx/issues/7837",
    appliesTo: kubernetes.ingress,
    validate: (props, ctx) => {
        const annotations = asDict(asDict(asDict(props)?.metadata)?.annotations) ?? {};
        for (const key of Object.keys(annotations)) {
            if (key.startsWith(nginxPrefix) && key.endsWith("-snippet")) {
                ctx.violation(`metadata.annotations["${key}"]`, "is set: snippet annotations inject raw nginx configuration into the shared controller", "remove the annotation");
            }
        }
    },
});
