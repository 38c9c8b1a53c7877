import type { PolicyResource } from "@pulumi/policy";
import { anyOf, asArray, asDict, asNumber, asString, kindOf, kubernetes, showName, type StackCheckContext, stackPolicy, trafficEncryption, yamlFix } from "../../core";
import { judgeWithSiblings, Namespaces, type NamespaceLink, SiblingUnknown } from "../links";
import { admitsRoute, describeOwner, hostnamesIntersect, type Listener, ListenerOwners, parentRefOf } from "./gateway-api";

const routes = anyOf(kubernetes.httpRoute, kubernetes.grpcRoute);
/** The route kinds a listener of protocol HTTP or HTTPS admits when its allowedRoutes.kinds is unset. */
const httpRouteKinds = ["HTTPRoute", "GRPCRoute"];
const redirectFilter = `filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 301}}]`;

/** The rules of a route that forward to backends (not redirect to HTTPS), as paths: `spec.rules[0]`. */
function forwardingRules(route: PolicyResource): string[] {
    // Read through the SDK's proxy: an unknown rule field defers this route, naming it.
    const rules = asArray(asDict(asDict(route.props)?.spec)?.rules);
    const paths: string[] = [];
    rules.forEach((raw, i) => {
        const rule = asDict(raw);
        const redirectsToHttps = asArray(rule?.filters).some((f) => {
            const filter = asDict(f);
            return asString(filter?.type) === "RequestRedirect" && asString(asDict(filter?.requestRedirect)?.scheme) === "https";
        });
        if (!redirectsToHttps && asArray(rule?.backendRefs).length > 0) paths.push(`spec.rules[${i}]`);
    });
    return paths;
}

function listenerName(l: Listener): string {
    return `listener "${showName(l.name ?? "?")}" (${l.protocol}, port ${l.port ?? "?"})`;
}

/** Judges one parentRef of a route: the plain-HTTP listeners it attaches the route to. */
function judgeParentRef(ctx: StackCheckContext<unknown>, owners: ListenerOwners, namespaces: Namespaces, route: PolicyResource, index: number, link: NamespaceLink): void {
    const spec = asDict(asDict(route.props)?.spec);
    const raw = asDict(asArray(spec?.parentRefs)[index]);
    const ref = parentRefOf(raw);
    const owner = owners.find(ref, link);
    if (!owner || ctx.exemption(owner) || !owners.serves(owner)) return;
    const sectionName = asString(raw?.sectionName);
    const port = asNumber(raw?.port);
    const kind = kindOf(route.type);
    const hostnames = asArray(spec?.hostnames).map(asString).filter((h): h is string => h !== undefined);
    const plain: Listener[] = [];
    const secure: Listener[] = [];
    let undecided: SiblingUnknown | undefined;
    for (const listener of owners.listenersOf(owner)) {
        if (listener instanceof SiblingUnknown) {
            undecided ??= listener;
            continue;
        }
        if (listener.protocol !== "HTTP" && listener.protocol !== "HTTPS") continue;
        if (sectionName !== undefined && listener.name !== sectionName) continue;
        if (port !== undefined && listener.port !== port) continue;
        try {
            if (!admitsRoute(owners, listener, kind, link, httpRouteKinds) || !hostnamesIntersect(listener.hostname, hostnames)) continue;
        } catch (e) {
            // Judge the listeners that are known; an undecided one matters only if no other is plain.
            if (!(e instanceof SiblingUnknown)) throw e;
            undecided ??= e;
            continue;
        }
        (listener.protocol === "HTTP" ? plain : secure).push(listener);
    }
    if (plain.length === 0) {
        if (undecided) throw undecided;
        return;
    }
    const forwarding = forwardingRules(route);
    if (forwarding.length === 0) return;
    const ownerName = describeOwner(owner, namespaces);
    const rules = forwarding.length === 1 ? `${forwarding[0]} forwards` : `${forwarding.slice(0, -1).join(", ")} and ${forwarding[forwarding.length - 1]} forward`;
    const tls = secure[0] ?? owners.listenersOf(owner).find((l): l is Listener => !(l instanceof SiblingUnknown) && l.protocol === "HTTPS" && l.name !== undefined);
    const field = `spec.parentRefs[${index}].sectionName`;
    const attach = tls
        ? `set ${field}: "${showName(tls.name ?? "")}", the HTTPS listener of ${ownerName}, so the route attaches only there`
        : `add an HTTPS listener to ${ownerName} (protocol: HTTPS, port: 443, tls: {mode: Terminate, certificateRefs: [{name: <Secret>}]}) and set ${field} to its name`;
    ctx.violation(
        route,
        `spec.parentRefs[${index}]`,
        `attaches the route to ${plain.map(listenerName).join(" and ")} of ${ownerName}, where ${rules} to its backends over plain HTTP`,
        `${attach}; on the plain listener keep only an HTTPRoute whose rules redirect, ${redirectFilter}`,
    );
}

export const k8sGatewayRouteTls = stackPolicy({
    name: "k8s-gateway-route-tls",
    displayName: "Gateway API routes are served over TLS",
    description:
        "An HTTPRoute or GRPCRoute attached to a plain-HTTP listener of a Gateway or ListenerSet of the stack does not forward to " +
        "its backends there: on such a listener its rules only redirect to HTTPS.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "network"],
    ...trafficEncryption,
    why:
        "A route on a plain-HTTP listener carries requests, credentials and session cookies in clear text, where they can be read or " +
        "changed in transit. A route whose parentRef has no sectionName attaches to every listener of its Gateway, port 80 included; " +
        "ingress-nginx redirected such traffic to HTTPS by default, the Gateway API does not.",
    fixExample: yamlFix(`
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: web, namespace: shop}
        spec:
          gatewayClassName: external
          listeners:
            - {name: http, protocol: HTTP, port: 80}
            - name: https
              protocol: HTTPS
              port: 443
              hostname: shop.example.com
              tls: {mode: Terminate, certificateRefs: [{name: shop-tls}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: shop}
        spec:
          parentRefs: [{name: web, sectionName: https}]
          hostnames: [shop.example.com]
          rules:
            - backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: https-redirect, namespace: shop}
        spec:
          parentRefs: [{name: web, sectionName: http}]
          rules:
            - filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 301}}]
    `),
    remediationSteps:
        "Attach the route only to HTTPS listeners: set `spec.parentRefs[].sectionName` to the name of the Gateway's HTTPS listener " +
        "(add one with `protocol: HTTPS`, `port: 443` and `tls.certificateRefs` if it has none). Serve the plain-HTTP listener with a " +
        "separate HTTPRoute whose rules only redirect: `filters: [{ type: \"RequestRedirect\", requestRedirect: { scheme: \"https\", " +
        "statusCode: 301 } }]`. A Gateway whose plain HTTP is encrypted before it reaches it (a load balancer in front that " +
        "terminates TLS) can be exempted as a whole, which covers every route on it.",
    url: "https://gateway-api.sigs.k8s.io/guides/http-redirect-rewrite/",
    appliesTo: routes,
    validateStack: (ctx) => {
        const namespaces = new Namespaces(ctx.resources);
        const owners = new ListenerOwners(ctx.resources, namespaces);
        for (const route of ctx.ofType(routes)) {
            judgeWithSiblings(ctx, route, () => {
                const link = namespaces.of(route);
                const refs = asArray(asDict(asDict(route.props)?.spec)?.parentRefs).length;
                // Each parentRef is judged on its own: one left undecided in this preview leaves the others judged.
                for (let i = 0; i < refs; i++) judgeWithSiblings(ctx, route, () => judgeParentRef(ctx, owners, namespaces, route, i, link));
            });
        }
    },
});
