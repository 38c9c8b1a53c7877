import type * as k8s from "@pulumi/kubernetes/types/input";
import type { Unwrap } from "@pulumi/pulumi";
import { asArray, asDict, asString, ingressFix, isDict, isUnknown, kubernetes, peek, resourcePolicy, trafficEncryption } from "../../core";

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
    ...trafficEncryption,
    why: "Without TLS, credentials and session cookies cross the network in clear text and can be read or changed in transit.",
    fixExample: ingressFix(),
    remediationSteps:
        'Set `spec.tls` on the Ingress, e.g. `tls: [{ hosts: ["shop.example.com"], secretName: "shop-tls" }]`, listing every ' +
        "host of `spec.rules` (cert-manager can issue the Secret).",
    url: "https://kubernetes.io/docs/concepts/services-networking/ingress/#tls",
    appliesTo: kubernetes.ingress,
    validate: (props, ctx) => {
        const spec = asDict(asDict(props)?.spec);
        const rawTls = spec?.tls;
        // TLS hosts as far as known; in a preview an entry or a hosts list may be unknown.
        const tlsHosts: string[] = [];
        let entries = 0;
        let unknownHosts: string | undefined;
        const tls = asArray(rawTls);
        for (let i = 0; i < tls.length; i++) {
            const entry = peek(tls, i);
            if (isUnknown(entry)) {
                entries++;
                unknownHosts ??= `spec.tls[${i}]`;
                continue;
            }
            if (!isDict(entry)) continue;
            entries++;
            const hosts = peek(entry, "hosts");
            if (isUnknown(hosts)) {
                unknownHosts ??= `spec.tls[${i}].hosts`;
                continue;
            }
            for (let h = 0; h < asArray(hosts).length; h++) {
                const host = peek(hosts, h);
                if (typeof host === "string") tlsHosts.push(host);
                else if (isUnknown(host)) unknownHosts ??= `spec.tls[${i}].hosts[${h}]`;
            }
        }
        if (entries === 0) {
            ctx.violation("spec.tls", `is ${rawTls === undefined ? "absent" : "empty"}, so the Ingress serves plain HTTP`, "add spec.tls entries with the hosts and a certificate Secret");
            return;
        }
        // A TLS entry without hosts covers the controller's default host only; rule hosts need a listing.
        const rules = asArray(spec?.rules);
        for (let index = 0; index < rules.length; index++) {
            ctx.judge(() => {
                const host = asString(asDict(rules[index])?.host);
                if (!host || tlsHosts.some((t) => hostCovered(host, t))) return;
                // A TLS host not known yet may be this one.
                if (unknownHosts) {
                    ctx.defer(unknownHosts);
                    return;
                }
                ctx.violation(`spec.rules[${index}].host`, `is "${host}", which no spec.tls entry lists, so it is served over plain HTTP`, `add "${host}" to spec.tls[].hosts`);
            });
        }
    },
});
