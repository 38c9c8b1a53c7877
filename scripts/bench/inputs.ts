// What the bench feeds the packs: a large mixed stack made of the examples, and two large objects.
import * as path from "path";
import { readStacks } from "../../cli/inputs";
import type { ResourceInput } from "../../engine/runner";
import { repoRoot } from "./packs";

/**
 * Every example resource (or only those of the hardened examples, which have no findings), copied under
 * distinct names until there are `count`. Each copy of a Kubernetes object with an explicit namespace
 * lives in a namespace of its own (as the tenants of a larger cluster do). Copies of objects without one
 * stay in `default`, and cluster-scoped ones other than Namespaces keep their names: those copies are one
 * object in a cluster, and the pack reports each of their findings once.
 */
export function mixedStack(count: number, only: "all" | "hardened" = "all"): ResourceInput[] {
    const stacks = readStacks([path.join(repoRoot, "examples")]).filter((s) => only === "all" || /hardened/.test(path.basename(s.source)));
    const examples = stacks.flatMap((s) => s.inputs);
    const resources: ResourceInput[] = [];
    for (let i = 0; resources.length < count; i++) {
        const r = examples[i % examples.length];
        const copy = Math.floor(i / examples.length);
        resources.push({ ...r, name: `${r.name}-${copy}`, urn: undefined, props: copy === 0 ? r.props : inNamespacesOfCopy(r.type, r.props, copy) });
    }
    return resources;
}

function inNamespacesOfCopy(type: string, props: object, copy: number): object {
    if (!type.startsWith("kubernetes:")) return props;
    const metadata = (props as { metadata?: Record<string, unknown> }).metadata;
    if (!metadata) return props;
    const renamed = { ...metadata };
    if (typeof renamed.namespace === "string") renamed.namespace = `${renamed.namespace}-${copy}`;
    if (type.endsWith(":Namespace") && typeof renamed.name === "string") renamed.name = `${renamed.name}-${copy}`;
    return { ...props, metadata: renamed };
}

/** A CustomResourceDefinition of about `bytes` of JSON, most of it OpenAPI schema (no policy judges CRDs). */
export function largeCrd(bytes: number): ResourceInput {
    const description = "A field of the custom resource, documented at length as generated CRDs are. ".repeat(3);
    const properties: Record<string, unknown> = {};
    const crd = {
        apiVersion: "apiextensions.k8s.io/v1",
        kind: "CustomResourceDefinition",
        metadata: { name: "widgets.example.com" },
        spec: {
            group: "example.com",
            names: { kind: "Widget", plural: "widgets", singular: "widget", listKind: "WidgetList" },
            scope: "Namespaced",
            versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", properties: { spec: { type: "object", properties } } } } }],
        },
    };
    for (let i = 0; JSON.stringify(crd).length < bytes; i++) {
        properties[`field${i}`] = {
            type: "object",
            description,
            properties: {
                name: { type: "string", description, maxLength: 253 },
                replicas: { type: "integer", description, minimum: 0 },
                enabled: { type: "boolean", description },
            },
        };
    }
    return { type: "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition", name: "widgets", props: crd };
}

/** A Pod with `count` realistic containers. */
export function widePod(count: number): ResourceInput {
    const containers = Array.from({ length: count }, (_, i) => ({
        name: `c${i}`,
        image: `registry.example.com/team/app-${i}:1.2.${i}`,
        imagePullPolicy: "Always",
        ports: [{ containerPort: 8080, protocol: "TCP" }],
        env: [
            { name: "LOG_LEVEL", value: "info" },
            { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } },
        ],
        resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { memory: "32Mi" } },
        securityContext: {
            runAsNonRoot: true,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ["ALL"] },
            seccompProfile: { type: "RuntimeDefault" },
        },
        livenessProbe: { httpGet: { path: "/healthz", port: 8080 } },
        readinessProbe: { httpGet: { path: "/ready", port: 8080 } },
    }));
    return {
        type: "kubernetes:core/v1:Pod",
        name: "apps/wide",
        props: { apiVersion: "v1", kind: "Pod", metadata: { name: "wide", namespace: "apps" }, spec: { automountServiceAccountToken: false, serviceAccountName: "wide", containers } },
    };
}
