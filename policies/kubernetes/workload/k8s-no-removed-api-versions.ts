import { deploymentFix, kindOf, kubernetes, nsaHardening, PolicyConfigError, resourcePolicy, show } from "../../core";

/**
 * API versions Kubernetes stopped serving, by release, from the Deprecated API Migration Guide
 * (https://kubernetes.io/docs/reference/using-api/deprecation-guide/, "Removed APIs by release"), reviewed
 * on 2026-11-30. The newest removal the guide lists is v1.32. The v1.16 PodSecurityPolicy entry is from the
 * v1.16 removal announcement (kubernetes.io/blog/2019/07/18/api-deprecations-in-1-16/). Replacements are the
 * guide's targets; a replacement that the target version has removed too is followed to its own.
 */
export const removalTableReviewedOn = "2026-11-30";

interface Removal {
    groupVersion: string;
    kinds: readonly string[];
    /** The v1 minor version that stopped serving it. */
    removedIn: number;
    /** The apiVersion to use instead; null when the API has no replacement. */
    replacement: string | null;
}

const removal = (groupVersion: string, kinds: string[], removedIn: number, replacement: string | null): Removal => ({ groupVersion, kinds, removedIn, replacement });

export const removedApis: readonly Removal[] = [
    removal("extensions/v1beta1", ["NetworkPolicy"], 16, "networking.k8s.io/v1"),
    removal("extensions/v1beta1", ["PodSecurityPolicy"], 16, "policy/v1beta1"),
    removal("extensions/v1beta1", ["DaemonSet", "Deployment", "ReplicaSet"], 16, "apps/v1"),
    removal("apps/v1beta1", ["Deployment", "StatefulSet", "ReplicaSet"], 16, "apps/v1"),
    removal("apps/v1beta2", ["DaemonSet", "Deployment", "StatefulSet", "ReplicaSet"], 16, "apps/v1"),
    removal("admissionregistration.k8s.io/v1beta1", ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"], 22, "admissionregistration.k8s.io/v1"),
    removal("apiextensions.k8s.io/v1beta1", ["CustomResourceDefinition"], 22, "apiextensions.k8s.io/v1"),
    removal("apiregistration.k8s.io/v1beta1", ["APIService"], 22, "apiregistration.k8s.io/v1"),
    removal("authentication.k8s.io/v1beta1", ["TokenReview"], 22, "authentication.k8s.io/v1"),
    removal("authorization.k8s.io/v1beta1", ["LocalSubjectAccessReview", "SelfSubjectAccessReview", "SubjectAccessReview"], 22, "authorization.k8s.io/v1"),
    removal("certificates.k8s.io/v1beta1", ["CertificateSigningRequest"], 22, "certificates.k8s.io/v1"),
    removal("coordination.k8s.io/v1beta1", ["Lease"], 22, "coordination.k8s.io/v1"),
    removal("extensions/v1beta1", ["Ingress"], 22, "networking.k8s.io/v1"),
    removal("networking.k8s.io/v1beta1", ["Ingress", "IngressClass"], 22, "networking.k8s.io/v1"),
    removal("rbac.authorization.k8s.io/v1beta1", ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"], 22, "rbac.authorization.k8s.io/v1"),
    removal("scheduling.k8s.io/v1beta1", ["PriorityClass"], 22, "scheduling.k8s.io/v1"),
    removal("storage.k8s.io/v1beta1", ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"], 22, "storage.k8s.io/v1"),
    removal("batch/v1beta1", ["CronJob"], 25, "batch/v1"),
    removal("discovery.k8s.io/v1beta1", ["EndpointSlice"], 25, "discovery.k8s.io/v1"),
    removal("events.k8s.io/v1beta1", ["Event"], 25, "events.k8s.io/v1"),
    removal("autoscaling/v2beta1", ["HorizontalPodAutoscaler"], 25, "autoscaling/v2"),
    removal("policy/v1beta1", ["PodDisruptionBudget"], 25, "policy/v1"),
    removal("policy/v1beta1", ["PodSecurityPolicy"], 25, null),
    removal("node.k8s.io/v1beta1", ["RuntimeClass"], 25, "node.k8s.io/v1"),
    removal("flowcontrol.apiserver.k8s.io/v1beta1", ["FlowSchema", "PriorityLevelConfiguration"], 26, "flowcontrol.apiserver.k8s.io/v1beta3"),
    removal("autoscaling/v2beta2", ["HorizontalPodAutoscaler"], 26, "autoscaling/v2"),
    removal("storage.k8s.io/v1beta1", ["CSIStorageCapacity"], 27, "storage.k8s.io/v1"),
    removal("flowcontrol.apiserver.k8s.io/v1beta2", ["FlowSchema", "PriorityLevelConfiguration"], 29, "flowcontrol.apiserver.k8s.io/v1beta3"),
    removal("flowcontrol.apiserver.k8s.io/v1beta3", ["FlowSchema", "PriorityLevelConfiguration"], 32, "flowcontrol.apiserver.k8s.io/v1"),
];

const byKey = new Map(removedApis.flatMap((r) => r.kinds.map((k) => [`${r.groupVersion}:${k}`, r] as const)));
const newestRemoval = Math.max(...removedApis.map((r) => r.removedIn));

/** The removal of an apiVersion and kind (a `...List` kind goes with its item kind), if the table has one. */
export function removalOf(apiVersion: string, kind: string): Removal | undefined {
    return byKey.get(`${apiVersion}:${kind}`) ?? (kind.endsWith("List") ? byKey.get(`${apiVersion}:${kind.slice(0, -"List".length)}`) : undefined);
}

/** What to use instead at a target minor version: the replacement, or its own replacement when the target removed it too. */
export function replacementAt(found: Removal, kind: string, targetMinor: number): string | null {
    let current: Removal = found;
    for (let hops = 0; current.replacement !== null && hops < removedApis.length; hops++) {
        const next = removalOf(current.replacement, kind);
        if (!next || next.removedIn > targetMinor) return current.replacement;
        current = next;
    }
    return current.replacement;
}

/**
 * The default target: 1.32, the oldest Kubernetes minor that EKS (extended support), AKS (long-term support)
 * or GKE still support after the review date, and the newest release with removals in the guide, so by
 * default every removal in the table counts.
 */
const defaultTarget = "1.32";
const targetPattern = /^v?1\.(0|[1-9][0-9]*)$/;

interface Config {
    targetMinor: number;
}

export const k8sNoRemovedApiVersions = resourcePolicy<unknown, Config>({
    name: "k8s-no-removed-api-versions",
    displayName: "No removed API versions",
    description:
        "No Kubernetes object uses an API version that the target Kubernetes version (setting `targetVersion`, default 1.32) " +
        "no longer serves, such as extensions/v1beta1 DaemonSet or policy/v1beta1 PodDisruptionBudget: the API server rejects " +
        `it. Judged by a removal table from the Kubernetes deprecated API migration guide, reviewed on ${removalTableReviewedOn} ` +
        `(removals up to v1.${newestRemoval}).`,
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "upgrades"],
    framework: nsaHardening("Upgrading and application security practices", "Immediately apply security patches and updates"),
    why: "The API server rejects objects in removed API versions, so the deploy fails, typically during a cluster upgrade.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
    `),
    remediationSteps:
        "Use the API version that replaced it, with the class of that version, e.g. `kubernetes.apps.v1.DaemonSet` for " +
        "`extensions/v1beta1` DaemonSet, `kubernetes.policy.v1.PodDisruptionBudget` for `policy/v1beta1`, " +
        "`kubernetes.networking.v1.Ingress`, `kubernetes.batch.v1.CronJob`, and adapt the spec to its schema (the guide lists " +
        "the notable changes). PodSecurityPolicy has no replacement: delete it and label namespaces for Pod Security Admission. " +
        "If the cluster runs an older Kubernetes version, set `targetVersion` to it.",
    url: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/",
    configSchema: {
        properties: {
            targetVersion: {
                type: "string",
                default: defaultTarget,
                pattern: targetPattern.source,
                description:
                    `The Kubernetes minor version the objects are deployed to, e.g. "1.30"; API versions removed in it or earlier are rejected. ` +
                    `The default, ${defaultTarget}, is the oldest version that EKS (extended support), AKS (long-term support) or GKE still support after ${removalTableReviewedOn}.`,
            },
        },
    },
    parseConfig: (raw) => {
        const match = typeof raw.targetVersion === "string" ? targetPattern.exec(raw.targetVersion) : null;
        if (typeof raw.targetVersion !== "string" || !match) {
            throw new PolicyConfigError("k8s-no-removed-api-versions", `targetVersion must be a minor version such as "1.32", got ${show(raw.targetVersion)}`);
        }
        return { targetMinor: Number(match[1]) };
    },
    appliesTo: kubernetes.anyObject,
    validate: (_props, ctx) => {
        // kubernetes:<group>/<version>:<Kind>, e.g. kubernetes:extensions/v1beta1:DaemonSet; core is "v1".
        const module = ctx.type.split(":")[1] ?? "";
        const apiVersion = module.startsWith("core/") ? module.slice("core/".length) : module;
        const kind = kindOf(ctx.type);
        const found = removalOf(apiVersion, kind);
        if (!found || found.removedIn > ctx.config.targetMinor) return;
        const replacement = replacementAt(found, kind, ctx.config.targetMinor);
        ctx.violation(
            "apiVersion",
            `is "${apiVersion}", which Kubernetes stopped serving for ${kind} in v1.${found.removedIn}, so an API server at the target version v1.${ctx.config.targetMinor} rejects the object`,
            replacement
                ? `use apiVersion "${replacement}" and adapt the spec to it`
                : `${kind} has no replacement API: remove it and enforce Pod Security Admission labels on the namespaces`,
        );
    },
});
