import { compileGlobs, deploymentFix, kindOf, kubernetes, ownEntry, resourcePolicy } from "../../core";

const prereleaseVersion = /^v\d+(alpha|beta)\d*$/;

/** Stable group/version per group, with kind-specific exceptions; null: no stable replacement. */
const stableByGroup: Record<string, string> = {
    apps: "apps/v1",
    batch: "batch/v1",
    "networking.k8s.io": "networking.k8s.io/v1",
    "rbac.authorization.k8s.io": "rbac.authorization.k8s.io/v1",
    "policy": "policy/v1",
    autoscaling: "autoscaling/v2",
    "apiextensions.k8s.io": "apiextensions.k8s.io/v1",
    "admissionregistration.k8s.io": "admissionregistration.k8s.io/v1",
    "storage.k8s.io": "storage.k8s.io/v1",
    "scheduling.k8s.io": "scheduling.k8s.io/v1",
    "coordination.k8s.io": "coordination.k8s.io/v1",
    "certificates.k8s.io": "certificates.k8s.io/v1",
    "discovery.k8s.io": "discovery.k8s.io/v1",
    "events.k8s.io": "events.k8s.io/v1",
    "node.k8s.io": "node.k8s.io/v1",
    "flowcontrol.apiserver.k8s.io": "flowcontrol.apiserver.k8s.io/v1",
    "apiregistration.k8s.io": "apiregistration.k8s.io/v1",
    "authentication.k8s.io": "authentication.k8s.io/v1",
    "authorization.k8s.io": "authorization.k8s.io/v1",
};

const stableByKind: Record<string, string | null> = {
    "extensions/Deployment": "apps/v1",
    "extensions/DaemonSet": "apps/v1",
    "extensions/ReplicaSet": "apps/v1",
    "extensions/Ingress": "networking.k8s.io/v1",
    "extensions/NetworkPolicy": "networking.k8s.io/v1",
    "extensions/PodSecurityPolicy": null,
    "policy/PodSecurityPolicy": null,
    "storage.k8s.io/VolumeAttributesClass": null,
    "admissionregistration.k8s.io/ValidatingAdmissionPolicy": "admissionregistration.k8s.io/v1",
    "admissionregistration.k8s.io/MutatingAdmissionPolicy": null,
    "networking.k8s.io/ClusterCIDR": null,
    "networking.k8s.io/IPAddress": null,
    "networking.k8s.io/ServiceCIDR": null,
    "resource.k8s.io/ResourceClaim": "resource.k8s.io/v1",
};

/** The stable apiVersion for a group and kind: a string, null when none exists, undefined when unknown. */
export function stableApiVersion(group: string, kind: string): string | null | undefined {
    const byKind = ownEntry(stableByKind, `${group}/${kind}`);
    if (byKind !== undefined) return byKind;
    return ownEntry(stableByGroup, group);
}

interface Config {
    allowed: (groupVersion: string) => boolean;
}

export const k8sNoAlphaBetaApiVersions = resourcePolicy<unknown, Config>({
    name: "k8s-no-alpha-beta-api-versions",
    displayName: "Stable API versions",
    description: "Kubernetes objects use stable API versions, not alpha or beta ones (e.g. .../v1beta1, .../v1alpha1), which change or disappear.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload"],
    why: "Alpha and beta APIs change or disappear between releases, so objects written against them break upgrades and delay security patches.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
    `),
    remediationSteps:
        "Use the stable version's resource class, e.g. `kubernetes.apps.v1.Deployment` instead of " +
        "`kubernetes.extensions.v1beta1.Deployment`, `kubernetes.networking.v1.Ingress`, `kubernetes.batch.v1.CronJob`; " +
        "adapt the spec to the stable schema.",
    url: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/",
    configSchema: {
        properties: {
            allowedApiVersions: {
                type: "array",
                items: { type: "string", minLength: 1 },
                default: [],
                description: 'Glob patterns of group/version to accept, e.g. for CRDs that only ship a beta: ["gateway.networking.k8s.io/v1beta1"].',
            },
        },
    },
    parseConfig: (raw) => {
        return { allowed: compileGlobs("k8s-no-alpha-beta-api-versions", "allowedApiVersions", raw.allowedApiVersions) };
    },
    appliesTo: kubernetes.anyObject,
    validate: (_props, ctx) => {
        // kubernetes:<group>/<version>:<Kind>, e.g. kubernetes:apps/v1beta1:Deployment
        const module = ctx.type.split(":")[1] ?? "";
        const slash = module.lastIndexOf("/");
        if (slash < 0) return;
        const group = module.slice(0, slash);
        const version = module.slice(slash + 1);
        if (!prereleaseVersion.test(version)) return;
        const apiVersion = group === "core" ? version : `${group}/${version}`;
        if (ctx.config.allowed(apiVersion)) return;
        const kind = kindOf(ctx.type);
        const stable = stableApiVersion(group, kind);
        const fix =
            stable === null
                ? `${kind} has no stable version: replace it (e.g. PodSecurityPolicy with Pod Security Admission labels)`
                : stable === undefined
                  ? "use the stable version of this API once the project ships one"
                  : `use apiVersion "${stable}"`;
        ctx.violation("apiVersion", `is "${apiVersion}", ${version.includes("alpha") ? "an alpha" : "a beta"} API`, fix);
    },
});
