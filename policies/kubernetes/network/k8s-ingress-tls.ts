import type * as k8s from "@pulumi/kubernetes/types/input";
import type { Unwrap } from "@pulumi/pulumi";
import { asArray, asDict, asString, asStrings, cisAks, cisEks, ingressFix, isDict, kubernetes, nsaHardening, resourcePolicy } from "../../core";

/** True when a TLS host entry (possibly `*.example.com`) covers the rule host. */
function hostCovered(host: string, tlsHost: string): boolean {
    const h = host.toLowerCase();
    const t = tlsHost.toLowerCase();
    if (t === h) return true;
    if (t.startsWith("*.")) {
        const suffix = t.slice(1);
        return h.endsWith(suffix) && !h.slice(0, -suffix.length).includes(".") && h.length > suffix.length;
    }
    return false;
}

export const k8sIngressTls = resourcePolicy<Unwrap<k8s.networking.v1.Ingress>>({
    name: "k8s-ingress-tls",
    displayName: "Ingress terminates TLS",
    description: "Every Ingress terminates TLS, for every host its rules serve.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "network"],
    framework: nsaHardening("Network separation and hardening", "Encryption"),
    alsoCites: [
        cisEks("5.4.5"),
        cisAks("5.4.5"),
    ],
    why: "Without TLS, credentials and session cookies cross the network in clear text and can be read or changed in transit.",
    fixExample: ingressFix(),
    remediationSteps:
        'Set `spec.tls` on the Ingress, e.g. `tls: [{ hosts: ["shop.example.com"], secretName: "shop-tls" }]`, listing every ' +
        "host of `spec.rules` (cert-manager can issue the Secret).",
    url: "https://kubernetes.io/docs/concepts/services-networking/ingress/#tls",
    appliesTo: kubernetes.ingress,
    validate: (props, ctx) => {
        const spec = asDict(asDict(props)?.spec);
        const tls = asArray(spec?.tls).filter(isDict);
        if (tls.length === 0) {
            ctx.violation("spec.tls", `is ${spec?.tls === undefined ? "absent" : "empty"}, so the Ingress serves plain HTTP`, "add spec.tls entries with the hosts and a certificate Secret");
            return;
        }
        // A TLS entry without hosts covers the controller's default host only; rule hosts need a listing.
        const tlsHosts = tls.flatMap((t) => asStrings(t.hosts));
        asArray(spec?.rules).forEach((rule, index) => {
            const host = asString(asDict(rule)?.host);
            if (!host) return;
            if (!tlsHosts.some((t) => hostCovered(host, t))) {
                ctx.violation(`spec.rules[${index}].host`, `is "${host}", which no spec.tls entry lists, so it is served over plain HTTP`, `add "${host}" to spec.tls[].hosts`);
            }
        });
    },
});
