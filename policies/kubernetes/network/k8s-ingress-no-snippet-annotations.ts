import type * as k8s from "@pulumi/kubernetes/types/input";
import type { Unwrap } from "@pulumi/pulumi";
import { asDict, kubernetes, resourcePolicy } from "../../core";

/** ingress-nginx's `nginx.ingress.kubernetes.io/*-snippet` and NGINX Inc.'s `nginx.org/*-snippet(s)` annotations. */
const snippetAnnotation = /^(?:nginx\.ingress\.kubernetes\.io\/.+-snippet|nginx\.org\/.+-snippets?)$/;

export const k8sIngressNoSnippetAnnotations = resourcePolicy<Unwrap<k8s.networking.v1.Ingress>>({
    name: "k8s-ingress-no-snippet-annotations",
    description:
        "Ingresses carry no snippet annotations of ingress-nginx (nginx.ingress.kubernetes.io/configuration-snippet, " +
        "server-snippet, ...) or of the NGINX Inc. controller (nginx.org/server-snippets, location-snippets, ...), which inject " +
        "raw nginx configuration and can expose the controller's credentials and TLS keys (CVE-2021-25742).",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "network"],
    remediationSteps:
        "Remove `nginx.ingress.kubernetes.io/configuration-snippet`, `server-snippet` and other `*-snippet` annotations, " +
        "and `nginx.org/server-snippets`, `location-snippets` and other `nginx.org/*-snippets`, from `metadata.annotations`; " +
        "use the controller's dedicated annotations instead. Keep `allow-snippet-annotations: \"false\"` in the ingress-nginx " +
        "ConfigMap, and run the NGINX Inc. controller without `-enable-snippets`.",
    url: "https://github.com/kubernetes/ingress-nginx/issues/7837",
    appliesTo: kubernetes.ingress,
    validate: (props, ctx) => {
        const annotations = asDict(asDict(asDict(props)?.metadata)?.annotations) ?? {};
        for (const key of Object.keys(annotations)) {
            if (snippetAnnotation.test(key)) {
                ctx.violation(`metadata.annotations["${key}"]`, "is set: snippet annotations inject raw nginx configuration into the shared controller", "remove the annotation");
            }
        }
    },
});
