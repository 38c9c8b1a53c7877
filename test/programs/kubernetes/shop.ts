// The web application of the hardened programs, deployed the way every Kubernetes policy's remediation
// text says, literally: its own Namespace with Pod Security Admission labels, quota and limits;
// default-deny NetworkPolicies and an egress policy that excludes the metadata address; a ServiceAccount
// without token automount (and the namespace's default one patched the same way), a least-privilege Role
// bound to it; a restricted, digest-pinned Deployment that reads its credential from a Secret mounted as a file; a
// ClusterIP Service behind an Ingress with TLS; the ingress-nginx controller's ConfigMap without snippets, and an encrypted
// StorageClass. Every namespaced object names the Namespace by
// `ns.metadata.name`.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

/** Deploys the application; `opts` carries the provider when the cluster is not the default one. */
export function deployShop(opts: pulumi.CustomResourceOptions = {}): void {
    const config = new pulumi.Config();
    const appLabels = { app: "web" };

    const ns = new k8s.core.v1.Namespace("shop", {
        metadata: { labels: { "pod-security.kubernetes.io/enforce": "restricted" } },
    }, opts);
    const namespace = ns.metadata.name;

    new k8s.core.v1.ResourceQuota("shop-quota", {
        metadata: { namespace },
        spec: { hard: { "requests.cpu": "4", "limits.memory": "8Gi", pods: "20" } },
    }, opts);

    new k8s.core.v1.LimitRange("shop-limits", {
        metadata: { namespace },
        spec: { limits: [{ type: "Container", default: { cpu: "500m", memory: "256Mi" }, defaultRequest: { cpu: "100m", memory: "128Mi" } }] },
    }, opts);

    new k8s.networking.v1.NetworkPolicy("default-deny-ingress", {
        metadata: { namespace },
        spec: { podSelector: {}, policyTypes: ["Ingress"] },
    }, opts);

    new k8s.networking.v1.NetworkPolicy("egress", {
        metadata: { namespace },
        spec: {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.169.254/32"] } }] }],
        },
    }, opts);

    // The traffic the web pods need: from the ingress controller's namespace, on their port.
    new k8s.networking.v1.NetworkPolicy("web-ingress", {
        metadata: { namespace },
        spec: {
            podSelector: { matchLabels: appLabels },
            policyTypes: ["Ingress"],
            ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } }], ports: [{ port: 8080 }] }],
        },
    }, opts);

    const sa = new k8s.core.v1.ServiceAccount("web", {
        metadata: { namespace },
        automountServiceAccountToken: false,
    }, opts);

    new k8s.core.v1.ServiceAccountPatch("default-sa", {
        metadata: { name: "default", namespace },
        automountServiceAccountToken: false,
    }, opts);

    const reader = new k8s.rbac.v1.Role("web-reader", {
        metadata: { namespace },
        rules: [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "watch"] }],
    }, opts);

    new k8s.rbac.v1.RoleBinding("web-reader", {
        metadata: { namespace },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: reader.metadata.name },
        subjects: [{ kind: "ServiceAccount", name: sa.metadata.name, namespace }],
    }, opts);

    const db = new k8s.core.v1.Secret("db", {
        metadata: { namespace },
        stringData: { password: config.getSecret("dbPassword") ?? pulumi.secret("set-dbPassword-in-config") },
    }, opts);

    new k8s.apps.v1.Deployment("web", {
        metadata: { namespace },
        spec: {
            replicas: 2,
            selector: { matchLabels: appLabels },
            template: {
                metadata: { labels: appLabels },
                spec: {
                    serviceAccountName: sa.metadata.name,
                    automountServiceAccountToken: false,
                    securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" } },
                    containers: [{
                        name: "web",
                        image: "registry.example.com/shop/web:1.4.2@sha256:3b5f5d8c2a7e4f1b9c0d6e8a1f2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d",
                        ports: [{ containerPort: 8080 }],
                        env: [{ name: "DB_PASSWORD_FILE", value: "/var/run/secrets/db/password" }],
                        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
                        livenessProbe: { httpGet: { path: "/healthz", port: 8080 } },
                        readinessProbe: { httpGet: { path: "/ready", port: 8080 } },
                        securityContext: {
                            allowPrivilegeEscalation: false,
                            readOnlyRootFilesystem: true,
                            capabilities: { drop: ["ALL"] },
                        },
                        volumeMounts: [{ name: "tmp", mountPath: "/tmp" }, { name: "db", mountPath: "/var/run/secrets/db", readOnly: true }],
                    }],
                    volumes: [{ name: "tmp", emptyDir: {} }, { name: "db", secret: { secretName: db.metadata.name } }],
                },
            },
        },
    }, opts);

    // The cluster's ingress-nginx controller settings and the storage class the application's volumes use.
    new k8s.core.v1.ConfigMap("ingress-nginx-controller", {
        metadata: { name: "ingress-nginx-controller", namespace: "ingress-nginx" },
        data: { "allow-snippet-annotations": "false" },
    }, opts);

    new k8s.storage.v1.StorageClass("gp3-encrypted", {
        provisioner: "ebs.csi.aws.com",
        parameters: { type: "gp3", encrypted: "true" },
    }, opts);

    const service = new k8s.core.v1.Service("web", {
        metadata: { namespace },
        spec: { type: "ClusterIP", selector: appLabels, ports: [{ port: 80, targetPort: 8080 }] },
    }, opts);

    new k8s.networking.v1.Ingress("web", {
        metadata: { namespace },
        spec: {
            ingressClassName: "nginx",
            tls: [{ hosts: ["shop.example.com"], secretName: "shop-tls" }],
            rules: [{
                host: "shop.example.com",
                http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: service.metadata.name, port: { number: 80 } } } }] },
            }],
        },
    }, opts);

    // The same site through the Gateway API: HTTPS for the application, port 80 only redirects.
    const gateway = new k8s.apiextensions.CustomResource("web-gateway", {
        apiVersion: "gateway.networking.k8s.io/v1",
        kind: "Gateway",
        metadata: { namespace },
        spec: {
            gatewayClassName: "external",
            listeners: [
                { name: "http", protocol: "HTTP", port: 80 },
                { name: "https", protocol: "HTTPS", port: 443, hostname: "shop.example.com", tls: { mode: "Terminate", certificateRefs: [{ name: "shop-tls" }] } },
            ],
        },
    }, opts);

    new k8s.apiextensions.CustomResource("web-route", {
        apiVersion: "gateway.networking.k8s.io/v1",
        kind: "HTTPRoute",
        metadata: { namespace },
        spec: {
            parentRefs: [{ name: gateway.metadata.name, sectionName: "https" }],
            hostnames: ["shop.example.com"],
            rules: [{ backendRefs: [{ name: service.metadata.name, port: 80 }] }],
        },
    }, opts);

    new k8s.apiextensions.CustomResource("https-redirect", {
        apiVersion: "gateway.networking.k8s.io/v1",
        kind: "HTTPRoute",
        metadata: { namespace },
        spec: {
            parentRefs: [{ name: gateway.metadata.name, sectionName: "http" }],
            rules: [{ filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 301 } }] }],
        },
    }, opts);

    // And through Istio's own ingress API: port 80 only redirects.
    new k8s.apiextensions.CustomResource("web-istio-gateway", {
        apiVersion: "networking.istio.io/v1",
        kind: "Gateway",
        metadata: { namespace },
        spec: {
            selector: { istio: "ingressgateway" },
            servers: [
                { port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["shop.example.com"], tls: { httpsRedirect: true } },
                { port: { number: 443, name: "https", protocol: "HTTPS" }, hosts: ["shop.example.com"], tls: { mode: "SIMPLE", credentialName: "shop-tls" } },
            ],
        },
    }, opts);
}
