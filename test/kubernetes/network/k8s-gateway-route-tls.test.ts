import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sGatewayRouteTls as policy } from "../../../policies/kubernetes/network/k8s-gateway-route-tls";
import { liveObject } from "../../fixtures/live-object";
import { checkStack, type StackResourceInput } from "../../harness";
import { customResource } from "./fixtures";

const v1 = "gateway.networking.k8s.io/v1";
const httpListener = { name: "http", protocol: "HTTP", port: 80 };
const httpsListener = { name: "https", protocol: "HTTPS", port: 443, hostname: "shop.example.com", tls: { mode: "Terminate", certificateRefs: [{ name: "shop-tls" }] } };
const gateway = (listeners: unknown, extra: Record<string, unknown> = {}, name = "web", namespace = "shop") =>
    customResource(v1, "Gateway", name, namespace, { spec: { gatewayClassName: "external", listeners, ...extra } });
const forward = { backendRefs: [{ name: "web", port: 80 }] };
const redirect = { filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 301 } }] };
const route = (parentRefs: unknown, rules: unknown[] = [forward], extra: Record<string, unknown> = {}, name = "web", namespace = "shop", kind = "HTTPRoute") =>
    customResource(v1, kind, name, namespace, { spec: { parentRefs, hostnames: ["shop.example.com"], rules, ...extra } });
const namespace = (name: string, labels: Record<string, string> = {}): StackResourceInput => ({
    type: "kubernetes:core/v1:Namespace",
    name: `ns-${name}`,
    props: { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } },
});
const messages = (resources: StackResourceInput[], options = {}) => checkStack(policy, resources, options).violations.map((v) => v.message);
const bothListeners = gateway([httpListener, httpsListener]);

describe("k8s-gateway-route-tls", () => {
    it("passes a route attached to the HTTPS listener by sectionName, and a redirect-only route on port 80 (the fix example)", () => {
        assert.deepStrictEqual(messages([bothListeners, route([{ name: "web", sectionName: "https" }]), route([{ name: "web", sectionName: "http" }], [redirect], {}, "https-redirect")]), []);
        // By port, too.
        assert.deepStrictEqual(messages([bothListeners, route([{ name: "web", port: 443 }])]), []);
    });

    it("flags a route attached to every listener (no sectionName), naming the plain listener, the rule and the HTTPS listener to use", () => {
        assert.deepStrictEqual(messages([bothListeners, route([{ name: "web" }])]), [
            'HTTPRoute "shop/web": spec.parentRefs[0] attaches the route to listener "http" (HTTP, port 80) of Gateway "shop/web", where spec.rules[0] ' +
                'forwards to its backends over plain HTTP. Fix: set spec.parentRefs[0].sectionName: "https", the HTTPS listener of Gateway "shop/web", ' +
                "so the route attaches only there; on the plain listener keep only an HTTPRoute whose rules redirect, " +
                "filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 301}}]",
        ]);
    });

    it("flags a sectionName or port that picks the plain listener, and a Gateway with no HTTPS listener, whose fix adds one", () => {
        assert.strictEqual(messages([bothListeners, route([{ name: "web", sectionName: "http" }])]).length, 1);
        assert.strictEqual(messages([bothListeners, route([{ name: "web", port: 80 }])]).length, 1);
        const [onlyHttp] = messages([gateway([httpListener]), route([{ name: "web" }])]);
        assert.match(onlyHttp, /Fix: add an HTTPS listener to Gateway "shop\/web" \(protocol: HTTPS, port: 443, tls: \{mode: Terminate, certificateRefs: \[\{name: <Secret>\}\]\}\) and set spec\.parentRefs\[0\]\.sectionName to its name/);
    });

    it("names only the rules that forward: a rule that redirects to HTTPS, or has no backend, serves nothing in clear", () => {
        const rules = [redirect, forward, { filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "http" } }] }, {}, forward];
        const [message] = messages([bothListeners, route([{ name: "web" }], rules)]);
        assert.match(message, /where spec\.rules\[1\] and spec\.rules\[4\] forward to its backends over plain HTTP/);
        assert.deepStrictEqual(messages([bothListeners, route([{ name: "web" }], [redirect])]), []);
        // Without rules the API's default rule has no backend.
        assert.deepStrictEqual(messages([bothListeners, customResource(v1, "HTTPRoute", "web", "shop", { spec: { parentRefs: [{ name: "web" }] } })]), []);
    });

    it("judges each parentRef: a GRPCRoute too, which has no redirect; a route on two Gateways is flagged for the plain one only", () => {
        assert.strictEqual(messages([bothListeners, route([{ name: "web" }], [forward], {}, "api", "shop", "GRPCRoute")]).length, 1);
        const internal = gateway([{ ...httpsListener, name: "internal" }], {}, "internal");
        const [message, ...rest] = messages([bothListeners, internal, route([{ name: "internal" }, { name: "web" }])]);
        assert.deepStrictEqual(rest, []);
        assert.match(message, /^HTTPRoute "shop\/web": spec\.parentRefs\[1\] attaches the route to listener "http"/);
    });

    it("follows allowedRoutes: namespaces Same (the default), All, Selector, None, and kinds", () => {
        const elsewhere = (listener: object, ...more: StackResourceInput[]) => messages([gateway([listener], {}, "shared", "infra"), route([{ name: "shared", namespace: "infra" }]), ...more]);
        assert.deepStrictEqual(elsewhere(httpListener), [], "Same: a route of another namespace does not attach");
        assert.strictEqual(elsewhere({ ...httpListener, allowedRoutes: { namespaces: { from: "All" } } }).length, 1);
        assert.deepStrictEqual(elsewhere({ ...httpListener, allowedRoutes: { namespaces: { from: "None" } } }), []);
        const selector = { ...httpListener, allowedRoutes: { namespaces: { from: "Selector", selector: { matchLabels: { shared: "yes" } } } } };
        assert.strictEqual(elsewhere(selector, namespace("shop", { shared: "yes" })).length, 1);
        assert.deepStrictEqual(elsewhere(selector, namespace("shop", { shared: "no" })), []);
        // A namespace outside the stack is known by its name label only.
        assert.deepStrictEqual(elsewhere(selector), []);
        const byName = { ...httpListener, allowedRoutes: { namespaces: { from: "Selector", selector: { matchLabels: { "kubernetes.io/metadata.name": "shop" } } } } };
        assert.strictEqual(elsewhere(byName).length, 1);
        assert.deepStrictEqual(messages([gateway([{ ...httpListener, allowedRoutes: { kinds: [{ kind: "GRPCRoute" }] } }]), route([{ name: "web" }])]), []);
        assert.strictEqual(messages([gateway([{ ...httpListener, allowedRoutes: { kinds: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute" }] } }]), route([{ name: "web" }])]).length, 1);
    });

    it("attaches only where hostnames intersect, wildcards included", () => {
        const on = (listenerHost: string, routeHosts: string[]) =>
            messages([gateway([{ ...httpListener, hostname: listenerHost }]), route([{ name: "web" }], [forward], { hostnames: routeHosts })]).length;
        assert.strictEqual(on("old.example.com", ["shop.example.com"]), 0);
        assert.strictEqual(on("*.example.com", ["shop.example.com"]), 1);
        assert.strictEqual(on("*.example.com", ["example.com"]), 0);
        assert.strictEqual(on("shop.example.com", ["*.example.com"]), 1);
        assert.strictEqual(on("*.shop.example.com", ["*.example.com"]), 1);
        assert.strictEqual(on("SHOP.example.com", []), 1);
    });

    it("finds the parent by group, kind, namespace and name; one outside the stack, or of another kind, is not judged", () => {
        assert.deepStrictEqual(messages([route([{ name: "web" }])]), []);
        assert.deepStrictEqual(messages([gateway([httpListener], {}, "other"), route([{ name: "web" }])]), []);
        assert.deepStrictEqual(messages([bothListeners, route([{ name: "web", kind: "Service", group: "" }])]), [], "a mesh route on a Service");
        assert.deepStrictEqual(messages([bothListeners, route([{ name: "web", namespace: "infra" }])]), []);
        const infra = gateway([{ ...httpListener, allowedRoutes: { namespaces: { from: "All" } } }], {}, "web", "infra");
        assert.match(messages([infra, route([{ name: "web", namespace: "infra" }])])[0], /of Gateway "infra\/web"/);
        const beta = { ...gateway([httpListener]), type: "kubernetes:gateway.networking.k8s.io/v1beta1:Gateway" };
        assert.strictEqual(messages([beta, { ...route([{ name: "web" }]), type: "kubernetes:gateway.networking.k8s.io/v1beta1:HTTPRoute" }]).length, 1);
    });

    it("judges ListenerSets by their Gateway's allowedListeners (default none), and takes a Gateway outside the stack to admit them", () => {
        const listenerSet = customResource(v1, "ListenerSet", "extra", "shop", { spec: { parentRef: { name: "web" }, listeners: [httpListener] } });
        const onSet = route([{ name: "extra", kind: "ListenerSet" }]);
        assert.deepStrictEqual(messages([gateway([httpsListener]), listenerSet, onSet]), []);
        assert.match(messages([gateway([httpsListener], { allowedListeners: { namespaces: { from: "Same" } } }), listenerSet, onSet])[0], /of ListenerSet "shop\/extra"/);
        assert.strictEqual(messages([listenerSet, onSet]).length, 1);
        const experimental = customResource("gateway.networking.x-k8s.io/v1alpha1", "XListenerSet", "extra", "shop", { spec: { parentRef: { name: "web" }, listeners: [httpListener] } });
        assert.strictEqual(messages([experimental, route([{ name: "extra", kind: "XListenerSet", group: "gateway.networking.x-k8s.io" }])]).length, 1);
    });

    it("drops the findings of an exempt route, and of every route on an exempt Gateway", () => {
        const exempt = (r: StackResourceInput): StackResourceInput => {
            const props = r.props as { metadata: Record<string, unknown> };
            return { ...r, props: { ...props, metadata: { ...props.metadata, annotations: { "exempt.clusterguard.io/k8s-gateway-route-tls": "internal network only" } } } };
        };
        assert.deepStrictEqual(messages([exempt(gateway([httpListener])), route([{ name: "web" }])]), []);
        assert.deepStrictEqual(messages([gateway([httpListener]), exempt(route([{ name: "web" }]))]), []);
    });

    it("defers what is unknown in this preview, naming it, and judges what is known", () => {
        const routeUnknown = checkStack(policy, [bothListeners, route(unknownValue("array"))]);
        assert.deepStrictEqual(routeUnknown.violations, []);
        assert.match(routeUnknown.unknown ?? "", /HTTPRoute "shop\/web": spec\.parentRefs is computed/);
        const rulesUnknown = checkStack(policy, [bothListeners, route([{ name: "web" }], unknownValue("array") as unknown as unknown[])]);
        assert.match(rulesUnknown.unknown ?? "", /spec\.rules is computed/);
        const listenersUnknown = checkStack(policy, [gateway(unknownValue("array")), route([{ name: "web" }])]);
        assert.match(listenersUnknown.unknown ?? "", /Gateway "shop\/web": spec\.listeners is computed/);
        const gatewayName = { ...gateway([httpListener]), props: { apiVersion: v1, kind: "Gateway", metadata: { name: unknownValue("string"), namespace: "shop" }, spec: { listeners: [httpListener] } } };
        assert.match(checkStack(policy, [gatewayName, route([{ name: "web" }])]).unknown ?? "", /Gateway "shop\/shop-Gateway-web": metadata\.name is computed/);
        // One listener undecided, another plainly attached: the verdict is given.
        const mixed = checkStack(policy, [gateway([httpListener, { ...httpListener, name: "alt", port: 8080, allowedRoutes: unknownValue("object") }]), route([{ name: "web" }])]);
        assert.strictEqual(mixed.violations.length, 1);
        assert.strictEqual(mixed.unknown, undefined);
        // Each parentRef on its own: the known one is judged.
        const twoRefs = checkStack(policy, [bothListeners, route([{ name: unknownValue("string") }, { name: "web" }])]);
        assert.strictEqual(twoRefs.violations.length, 1);
        assert.match(twoRefs.unknown ?? "", /spec\.parentRefs\[0\]\.name is computed/);
        // The Kubernetes provider is configured from a cluster of the same stack: every output is unknown.
        const empty = checkStack(policy, [bothListeners, { ...route([{ name: "web" }]), props: {} }]);
        assert.match(empty.unknown ?? "", /HTTPRoute "shop-HTTPRoute-web": every output is unknown/);
    });

    it("survives wrong types without a finding it cannot back", () => {
        for (const listeners of ["HTTP", { http: httpListener }, [null, 7, "x"], [{ ...httpListener, protocol: "http" }]]) {
            assert.deepStrictEqual(messages([gateway(listeners), route([{ name: "web" }])]), [], JSON.stringify(listeners));
        }
        for (const parentRefs of ["web", { name: "web" }, [null], [{ name: 7 }]]) {
            assert.deepStrictEqual(messages([bothListeners, route(parentRefs)]), [], JSON.stringify(parentRefs));
        }
        assert.deepStrictEqual(messages([bothListeners, route([{ name: "web" }], [{ backendRefs: "web" }, null])]), []);
        // A port written as a string is still port 80.
        assert.strictEqual(messages([bothListeners, route([{ name: "web", port: "80" }])]).length, 1);
    });

    it("judges live objects (state) like manifests, and Patch objects like the objects they patch", () => {
        const status = { status: { conditions: [{ type: "Accepted", status: "True" }] } };
        const live = [bothListeners, route([{ name: "web" }])].map((r) => ({ ...r, props: liveObject(r.props, status) }));
        assert.deepStrictEqual(messages(live, { dryRun: false }), messages([bothListeners, route([{ name: "web" }])]));
        assert.strictEqual(messages([bothListeners, { ...route([{ name: "web" }]), type: "kubernetes:gateway.networking.k8s.io/v1:HTTPRoutePatch" }]).length, 1);
    });

    it("is not applicable to a stack without routes", () => {
        assert.match(checkStack(policy, [bothListeners]).notApplicable ?? "", /No resources of type/);
    });
});
