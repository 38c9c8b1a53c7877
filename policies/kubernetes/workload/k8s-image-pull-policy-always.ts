import { asString, containersOf, deploymentFix, kubernetes, podSpecOf, resourcePolicy, show } from "../../core";
import { effectiveTag, parseImageReference } from "./image-reference";

export const k8sImagePullPolicyAlways = resourcePolicy<unknown>({
    name: "k8s-image-pull-policy-always",
    displayName: "Mutable tags are always pulled",
    description:
        "Containers whose image is not pinned by digest (a mutable tag) use `imagePullPolicy: Always`, so a node never runs a " +
        "stale or locally planted image under that tag.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "supply-chain"],
    why: "With a cached mutable tag, a node may run a stale image or one planted locally under the same name, and skips the registry's access check.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            imagePullPolicy: Always
    `),
    remediationSteps:
        'Set `imagePullPolicy: "Always"` on every container whose image has no digest, or pin the image by digest ' +
        '(`"...@sha256:<digest>"`), which makes the pull policy irrelevant.',
    url: "https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy",
    appliesTo: kubernetes.workloads,
    validate: (props, ctx) => {
        const pod = podSpecOf(ctx.type, props);
        if (!pod) return;
        for (const c of containersOf(pod)) {
            ctx.judge(() => {
                // "Always" passes whatever the image; only otherwise does the (possibly unknown) image matter.
                const policy = c.container.imagePullPolicy;
                if (asString(policy) === "Always") return;
                const image = parseImageReference(c.container.image);
                if (!image || image.digest) return;
                const tag = effectiveTag(image);
                if (policy === undefined || policy === null) {
                    if (pod.isPatch || tag === "latest") return; // Kubernetes defaults "latest" (or no tag) to Always
                    ctx.violation(`${c.path}.imagePullPolicy`, `is absent on ${c.label} with mutable tag "${tag}", and Kubernetes then uses IfNotPresent`, 'set imagePullPolicy to "Always" or pin the image by digest');
                } else {
                    ctx.violation(`${c.path}.imagePullPolicy`, `is ${show(policy)} on ${c.label} with mutable tag "${tag}"`, 'set imagePullPolicy to "Always" or pin the image by digest');
                }
            });
        }
    },
});
