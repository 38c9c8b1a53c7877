import type * as k8s from "@pulumi/kubernetes/types/input";
import type { Unwrap } from "@pulumi/pulumi";
import { asDict, isUnknown, kubernetes, peek, resourcePolicy, show, wrongType } from "../../core";

const setting = "allow-snippet-annotations";

/** How the controller reads a boolean setting (Go's strconv.ParseBool): true, false, or neither. */
function parseGoBool(value: string): boolean | undefined {
    if (["1", "t", "T", "TRUE", "true", "True"].includes(value)) return true;
    if (["0", "f", "F", "FALSE", "false", "False"].includes(value)) return false;
    return undefined;
}

export const k8sIngressNginxSnippetsDisabled = resourcePolicy<Unwrap<k8s.core.v1.ConfigMap>>({
    name: "k8s-ingress-nginx-snippets-disabled",
    description:
        'The ingress-nginx controller\'s ConfigMap does not set `allow-snippet-annotations: "true"`, which lets everyone who can ' +
        "create an Ingress inject raw nginx configuration and read the controller's credentials (CVE-2021-25742).",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "network"],
    remediationSteps:
        'Set `data: { "allow-snippet-annotations": "false" }` in the ingress-nginx controller ConfigMap, or remove the key (false is ' +
        "the default from controller v1.9.0); with the Helm chart, set `controller.allowSnippetAnnotations: false`. Use the " +
        "controller's dedicated annotations instead of snippets.",
    url: "https://github.com/kubernetes/ingress-nginx/issues/7837",
    appliesTo: kubernetes.configMap,
    validate: (props, ctx) => {
        const data = peek(props, "data" satisfies keyof k8s.core.v1.ConfigMap);
        if (isUnknown(data)) return ctx.defer("data", "is computed from another resource, so whether it allows snippet annotations is not known until deploy");
        const value = peek(asDict(data), setting);
        const path = `data["${setting}"]`;
        if (value === undefined || value === null) return;
        if (isUnknown(value)) return ctx.defer(path);
        const fix = 'set it to "false", or remove it';
        if (typeof value !== "string") {
            if (value === true || value === 1) {
                ctx.violation(path, `${wrongType('a string ("false")', value)}; ConfigMap data values are strings, and this one asks the controller to allow snippet annotations`, fix);
            }
            return;
        }
        if (parseGoBool(value) === true) {
            ctx.violation(path, `is ${show(value)}: every user who can create an Ingress can inject raw nginx configuration into the shared controller and read its service account token and TLS keys`, fix);
        }
    },
});
