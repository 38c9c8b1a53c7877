import { cisAks, cisEks, cisGke, compileGlobs, containersOf, deploymentFix, kubernetes, nsaHardening, podSpecOf, resourcePolicy } from "../../core";

import { parseImageReference } from "./image-reference";

interface Config {
    allowedRegistries: string[];
    matches: (registry: string, path: string) => boolean;
}

export const k8sImageRegistryAllowed = resourcePolicy<unknown, Config>({
    name: "k8s-image-registry-allowed",
    displayName: "Images from trusted registries",
    description:
        "Container images come only from trusted registries (config `allowedRegistries`, glob patterns). The list is " +
        "empty by default, which disables the check.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "supply-chain"],
    framework: cisEks("5.1.4"),
    alsoCites: [
        cisAks("5.1.4"),
        cisGke("5.1.4"),
        nsaHardening("Kubernetes Pod security", "Building secure container images"),
    ],
    why: "Images from arbitrary registries bypass the scanning, signing and access control of the registries you trust.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
    `),
    remediationSteps:
        "Pull images from an allowed registry (mirror third-party images into it), or add the registry to the policy's " +
        '`allowedRegistries` config, e.g. `["*.dkr.ecr.*.amazonaws.com", "*.azurecr.io", "*-docker.pkg.dev", "ghcr.io/my-org/**"]`.',
    url: "https://kubernetes.io/docs/concepts/containers/images/",
    configSchema: {
        properties: {
            allowedRegistries: {
                type: "array",
                items: { type: "string", minLength: 1 },
                default: [],
                description:
                    'Glob patterns (picomatch) of trusted registries. A pattern without "/" matches the registry host (with port; ' +
                    'Docker Hub is "docker.io"); one with "/" matches host/repository. Empty disables the check.',
            },
        },
    },
    parseConfig: (raw) => {
        const patterns = raw.allowedRegistries as string[];
        const hostPatterns = patterns.filter((p) => !p.includes("/"));
        const pathPatterns = patterns.filter((p) => p.includes("/"));
        const host = compileGlobs("k8s-image-registry-allowed", "allowedRegistries", hostPatterns, { nocase: true });
        const full = compileGlobs("k8s-image-registry-allowed", "allowedRegistries", pathPatterns, { nocase: true });
        return { allowedRegistries: patterns, matches: (registry, path) => host(registry) || full(`${registry}/${path}`) };
    },
    appliesTo: kubernetes.workloads,
    validate: (props, ctx) => {
        if (ctx.config.allowedRegistries.length === 0) return;
        const pod = podSpecOf(ctx.type, props);
        if (!pod) return;
        for (const c of containersOf(pod)) {
            ctx.judge(() => {
                const image = parseImageReference(c.container.image);
                if (!image || ctx.config.matches(image.registry, image.repository)) return;
                ctx.violation(
                    `${c.path}.image`,
                    `is "${image.text}" on ${c.label}, from registry "${image.registry}", which allowedRegistries (${ctx.config.allowedRegistries.join(", ")}) does not list`,
                    "pull the image from a trusted registry",
                );
            });
        }
    },
});
