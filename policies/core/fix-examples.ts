// Building blocks of Kubernetes fix examples: the objects many examples share, so each policy writes only
// what its fix changes.
import { dedent, type FixExample, yamlFix } from "./policy";

const indent = (text: string, by: string) => dedent(text).trimEnd().split("\n").map((l) => (l ? by + l : l)).join("\n");
const annotationLines = (annotations: Record<string, string>) =>
    Object.keys(annotations).length === 0 ? [] : ["  annotations:", ...Object.entries(annotations).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`)];

/** The Deployment "shop/web" Kubernetes fix examples share, around a pod spec, after other objects the fix needs. */
export function deploymentFix(podSpec: string, ...objectsBefore: string[]): FixExample {
    const deployment = [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata: {name: web, namespace: shop}",
        "spec:",
        "  selector:",
        "    matchLabels: {app: web}",
        "  template:",
        "    metadata:",
        "      labels: {app: web}",
        "    spec:",
        indent(podSpec, "      "),
    ].join("\n");
    return yamlFix([...objectsBefore.map((o) => indent(o, "")), deployment].join("\n---\n"));
}

/** A ClusterRole "app-reader" (a Role when given a namespace) with the given rules. */
export function roleFix(rules: string, namespace?: string): FixExample {
    const kind = namespace ? "Role" : "ClusterRole";
    const metadata = namespace ? `{name: app-reader, namespace: ${namespace}}` : "{name: app-reader}";
    return yamlFix(["apiVersion: rbac.authorization.k8s.io/v1", `kind: ${kind}`, `metadata: ${metadata}`, "rules:", indent(rules, "  ")].join("\n"));
}

/** A RoleBinding "shop/app-reader" of the ClusterRole `role` to one subject (YAML of the subject's fields). */
export function roleBindingFix(role: string, subject: string): FixExample {
    const lines = indent(subject, "    ").replace(/^ {4}/, "  - ");
    return yamlFix(
        ["apiVersion: rbac.authorization.k8s.io/v1", "kind: RoleBinding", "metadata: {name: app-reader, namespace: shop}",
            "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: " + role + "}", "subjects:", lines].join("\n"),
    );
}

/** The Service "shop/web" (ClusterIP unless told), with the given annotations. */
export function serviceFix(type = "ClusterIP", annotations: Record<string, string> = {}): FixExample {
    return yamlFix(
        ["apiVersion: v1", "kind: Service", "metadata:", "  name: web", "  namespace: shop", ...annotationLines(annotations),
            "spec:", `  type: ${type}`, "  selector: {app: web}", "  ports:", "    - {port: 443, targetPort: 8443}"].join("\n"),
    );
}

/** The Ingress "shop/web", terminating TLS for shop.example.com, with the given annotations. */
export function ingressFix(annotations: Record<string, string> = {}): FixExample {
    return yamlFix(
        ["apiVersion: networking.k8s.io/v1", "kind: Ingress", "metadata:", "  name: web", "  namespace: shop", ...annotationLines(annotations),
            "spec:", "  tls:", "    - hosts: [shop.example.com]", "      secretName: shop-tls", "  rules:", "    - host: shop.example.com",
            "      http:", "        paths:", "          - path: /", "            pathType: Prefix",
            "            backend:", "              service: {name: web, port: {number: 80}}"].join("\n"),
    );
}
