// Kubernetes objects (documents, JSON arrays, List kinds) become the resources a scan registers.
// Objects read from files get a Pulumi name that carries their file and position, so objects with the same
// kind and name in different files or documents never merge; policies still label them from metadata.
import type { ResourceInput, SourceLocation } from "../../engine/runner";
import { kubernetesTokenFor } from "../../policies/core/types";
import { kustomizeAdvice } from "./locate";
import { pointerOf, type PositionIndex } from "./positions";
import type { Warn } from "./warnings";
import { isObject, type Json } from "../values";


export interface KubernetesOptions {
    /** Namespace for namespaced objects that name none, as `kubectl apply -n` does. */
    namespace?: string;
}

/** An object to convert, with where it sits in its file. */
export interface ObjectEntry {
    value: unknown;
    pointer: string;
    /** How warnings name it, e.g. `document 3`. */
    where: string;
    line?: number;
}

// Built-in kinds that live outside namespaces; --namespace leaves them alone.
const clusterScopedKinds = new Set([
    "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
    "StorageClass", "VolumeAttachment", "CSIDriver", "CSINode", "PriorityClass", "RuntimeClass", "IngressClass",
    "PodSecurityPolicy", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
    "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "APIService", "CertificateSigningRequest",
    "FlowSchema", "PriorityLevelConfiguration", "ComponentStatus", "ClusterIssuer", "ClusterPolicy",
]);

function withNamespace(obj: Json, namespace: string | undefined): Json {
    if (!namespace || clusterScopedKinds.has(obj.kind as string)) return obj;
    const metadata = isObject(obj.metadata) ? obj.metadata : {};
    if (typeof metadata.namespace === "string" && metadata.namespace !== "") return obj;
    return { ...obj, metadata: { ...metadata, namespace } };
}

/** `shop/web@k8s/app.yaml:12:3`: unique per file and position; `::` would break the URN. */
function scannedName(objectName: string, location: SourceLocation | undefined): string {
    if (!location) return objectName;
    const where = location.line !== undefined ? `${location.line}:${location.column ?? 1}` : `#${location.pointer}`;
    return `${objectName}@${location.file}:${where}`.replace(/::/g, ":_:");
}

/**
 * Converts objects, expanding List kinds (iteratively: nesting cannot overflow the stack). What is not a
 * Kubernetes object, an empty List and a kustomization are skipped with a warning.
 */
export function kubernetesObjects(
    entries: ObjectEntry[],
    source: { file?: string; positions?: PositionIndex },
    options: KubernetesOptions,
    warn: Warn,
): ResourceInput[] {
    const found: { entry: ObjectEntry; obj: Json }[] = [];
    const pending = [...entries].reverse();
    const file = source.file ?? "";
    while (pending.length > 0) {
        const entry = pending.pop()!;
        const obj = entry.value;
        const skip = (reason: string) => warn({ file, line: entry.line, reason: `${entry.where} skipped: ${reason}` });
        if (obj === null || obj === undefined) {
            skip("it is empty (null)");
            continue;
        }
        if (!isObject(obj) || typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
            skip("not a Kubernetes object (apiVersion and kind are required)");
            continue;
        }
        if (obj.kind === "Kustomization" || obj.apiVersion.startsWith("kustomize.config.k8s.io/")) {
            skip(kustomizeAdvice(source.file ? `$(dirname ${source.file})` : "DIR"));
            continue;
        }
        if (obj.kind === "List" || (obj.kind.endsWith("List") && "items" in obj)) {
            if (!Array.isArray(obj.items) || obj.items.length === 0) {
                skip(`a ${obj.kind} with no items (items: ${Array.isArray(obj.items) ? "[]" : obj.items === null ? "null" : typeof obj.items})`);
                continue;
            }
            const items = obj.items.map((value, i) => ({
                value,
                pointer: `${entry.pointer}/items/${i}`,
                where: `${entry.where} items[${i}]`,
                line: entry.line,
            }));
            pending.push(...items.reverse());
            continue;
        }
        found.push({ entry, obj });
    }
    // One batch: for JSON every lookup is a pass over the file.
    const positions = source.positions?.positionsOf(found.map((f) => f.entry.pointer)) ?? [];
    return found.map(({ entry, obj }, i) => {
        const props = withNamespace(obj, options.namespace);
        const metadata = isObject(props.metadata) ? props.metadata : {};
        const name = typeof metadata.name === "string" && metadata.name !== "" ? metadata.name : `${(obj.kind as string).toLowerCase()}-${i}`;
        const namespace = typeof metadata.namespace === "string" && metadata.namespace !== "" ? metadata.namespace : undefined;
        const position = positions[i];
        const location: SourceLocation | undefined = source.file
            ? { file: source.file, pointer: entry.pointer, ...(position ? { line: position.line, column: position.column } : {}) }
            : undefined;
        return {
            type: kubernetesTokenFor(obj.apiVersion as string, obj.kind as string),
            name: scannedName(namespace ? `${namespace}/${name}` : name, location),
            props,
            ...(location ? { location } : {}),
        };
    });
}

/** Entries for a JSON value: one object, an array of objects (a List is expanded later). */
export function jsonEntries(value: unknown): ObjectEntry[] {
    if (Array.isArray(value)) return value.map((v, i) => ({ value: v, pointer: pointerOf([i]), where: `entry ${i}` }));
    return [{ value, pointer: "", where: "the object" }];
}
