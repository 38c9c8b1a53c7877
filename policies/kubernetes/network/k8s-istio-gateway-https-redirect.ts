import { asArray, asBool, asDict, asNumber, asString, kubernetes, parseCidr, resourcePolicy, show, trafficEncryption, yamlFix } from "../../core";

/** Istio server protocols that carry HTTP in clear text (Istio reads them case-insensitively). */
const cleartextHttp = new Set(["HTTP", "HTTP2", "GRPC", "GRPC-WEB"]);

/** A `bind` that keeps a server inside the gateway pod: a loopback address or a Unix domain socket. */
function insideGatewayPod(bind: string | undefined): boolean {
    if (!bind) return false;
    if (bind.startsWith("unix://")) return true;
    return parseCidr(bind)?.address.range() === "loopback";
}

export const k8sIstioGatewayHttpsRedirect = resourcePolicy({
    name: "k8s-istio-gateway-https-redirect",
    displayName: "Istio Gateway redirects plain HTTP to HTTPS",
    description:
        "Every plain-HTTP server of an Istio Gateway (`networking.istio.io`; protocol HTTP, HTTP2, GRPC or GRPC-WEB) sets " +
        "`tls.httpsRedirect: true`, so its hosts are served over HTTPS only.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "network"],
    ...trafficEncryption,
    why:
        "A plain-HTTP server of an Istio Gateway serves the hosts of every VirtualService bound to it in clear text, so requests, " +
        "credentials and session cookies can be read or changed in transit.",
    fixExample: yamlFix(`
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: web, namespace: shop}
        spec:
          selector: {istio: ingressgateway}
          servers:
            - port: {number: 80, name: http, protocol: HTTP}
              hosts: [shop.example.com]
              tls: {httpsRedirect: true}
            - port: {number: 443, name: https, protocol: HTTPS}
              hosts: [shop.example.com]
              tls: {mode: SIMPLE, credentialName: shop-tls}
    `),
    remediationSteps:
        "Set `tls: { httpsRedirect: true }` on each plain-HTTP server of `spec.servers`, and serve its hosts on an HTTPS server " +
        '(`port: { number: 443, name: "https", protocol: "HTTPS" }`, `tls: { mode: "SIMPLE", credentialName: "<Secret>" }`). A ' +
        "Gateway whose plain HTTP is encrypted before it reaches it (a load balancer in front that terminates TLS) can be exempted.",
    url: "https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings",
    appliesTo: kubernetes.istioGateway,
    validate: (props, ctx) => {
        // Read through the SDK's proxy: a server's unknown field defers that server, naming the field.
        const servers = asArray(asDict(asDict(props)?.spec)?.servers);
        servers.forEach((entry, i) =>
            ctx.judge(() => {
                const server = asDict(entry);
                const port = asDict(server?.port);
                const protocol = asString(port?.protocol)?.toUpperCase();
                if (!protocol || !cleartextHttp.has(protocol) || insideGatewayPod(asString(server?.bind))) return;
                const redirect = asDict(server?.tls)?.httpsRedirect;
                if (asBool(redirect) === true) return;
                const hosts = asArray(server?.hosts).map(asString).filter((h): h is string => h !== undefined);
                const served = hosts.length > 0 ? `hosts ${hosts.map((h) => JSON.stringify(h)).join(", ")}` : "its hosts";
                const path = `spec.servers[${i}]`;
                ctx.violation(
                    path,
                    `serves ${served} over plain ${protocol} on port ${show(asNumber(port?.number) ?? port?.number)}, and tls.httpsRedirect is ${show(redirect)}`,
                    `set ${path}.tls.httpsRedirect: true, and serve the hosts on an HTTPS server (protocol: HTTPS, port 443, tls: {mode: SIMPLE, credentialName: <Secret>})`,
                );
            }),
        );
    },
});
