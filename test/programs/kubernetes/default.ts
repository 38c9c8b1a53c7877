// The insecure default a new user writes: Pulumi's kubernetes-typescript template (an nginx Deployment
// with no namespace), the Service the getting-started guide adds to reach it, and the webapp template's
// shape (a Namespace the program creates, used by computed name, with a ConfigMap mounted into nginx),
// plus an upstream manifest applied as YAML, as many programs do for an agent.
import * as k8s from "@pulumi/kubernetes";

const appLabels = { app: "nginx" };
new k8s.apps.v1.Deployment("nginx", {
    spec: {
        selector: { matchLabels: appLabels },
        replicas: 1,
        template: {
            metadata: { labels: appLabels },
            spec: { containers: [{ name: "nginx", image: "nginx" }] },
        },
    },
});

new k8s.core.v1.Service("nginx", {
    spec: {
        type: "LoadBalancer",
        selector: appLabels,
        ports: [{ port: 80, targetPort: 80 }],
    },
});

const webServerNs = new k8s.core.v1.Namespace("webserver");

const webServerConfig = new k8s.core.v1.ConfigMap("webserverconfig", {
    metadata: { namespace: webServerNs.metadata.name },
    data: { "nginx.conf": "events { }\nhttp { server { listen 80; root /usr/share/nginx/html; } }\n" },
});

new k8s.apps.v1.Deployment("webserverdeployment", {
    metadata: { namespace: webServerNs.metadata.name },
    spec: {
        selector: { matchLabels: appLabels },
        replicas: 1,
        template: {
            metadata: { labels: appLabels },
            spec: {
                containers: [{
                    image: "nginx",
                    name: "nginx",
                    volumeMounts: [{ mountPath: "/etc/nginx/nginx.conf", name: "nginx-conf-volume", readOnly: true, subPath: "nginx.conf" }],
                }],
                volumes: [{
                    configMap: { items: [{ key: "nginx.conf", path: "nginx.conf" }], name: webServerConfig.metadata.name },
                    name: "nginx-conf-volume",
                }],
            },
        },
    },
});

const webServerService = new k8s.core.v1.Service("webserverservice", {
    metadata: { namespace: webServerNs.metadata.name },
    spec: { ports: [{ port: 80, targetPort: 80, protocol: "TCP" }], selector: appLabels },
});

// The Gateway API's getting-started shape: one HTTP listener, and a route to the webserver on it.
const webGateway = new k8s.apiextensions.CustomResource("web-gateway", {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "Gateway",
    metadata: { namespace: webServerNs.metadata.name },
    spec: { gatewayClassName: "example", listeners: [{ name: "http", protocol: "HTTP", port: 80 }] },
});

new k8s.apiextensions.CustomResource("webserver-route", {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    metadata: { namespace: webServerNs.metadata.name },
    spec: {
        parentRefs: [{ name: webGateway.metadata.name }],
        rules: [{ backendRefs: [{ name: webServerService.metadata.name, port: 80 }] }],
    },
});

// Istio's sample ingress (Bookinfo's): one plain-HTTP server for every host.
new k8s.apiextensions.CustomResource("bookinfo-gateway", {
    apiVersion: "networking.istio.io/v1",
    kind: "Gateway",
    metadata: { namespace: webServerNs.metadata.name },
    spec: { selector: { istio: "ingressgateway" }, servers: [{ port: { number: 8080, name: "http", protocol: "HTTP" }, hosts: ["*"] }] },
});

// An agent installed from its upstream manifest: its objects are children of the ConfigGroup.
new k8s.yaml.ConfigGroup("node-exporter", {
    yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-exporter
  namespace: monitoring
spec:
  selector:
    matchLabels: { app: node-exporter }
  template:
    metadata:
      labels: { app: node-exporter }
    spec:
      hostNetwork: true
      hostPID: true
      containers:
        - name: node-exporter
          image: quay.io/prometheus/node-exporter:v1.8.2
          args: ["--path.rootfs=/host"]
          ports:
            - containerPort: 9100
          volumeMounts:
            - name: root
              mountPath: /host
              readOnly: true
      volumes:
        - name: root
          hostPath:
            path: /
`,
});
