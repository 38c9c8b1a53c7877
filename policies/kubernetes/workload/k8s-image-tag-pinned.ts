import { containersOf, kubernetes, podSpecOf, resourcePolicy } from "../../core";
import { malformedDigestFinding, parseImageReference } from "./image-reference";

export const k8sImageTagPinned = resourcePolicy<unknown>({
    name: "k8s-image-tag-pinned",
    description: "Every container image names a version: no missing tag, no `latest`, no unparseable reference, no malformed digest.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "supply-chain"],
    remediationSteps:
        'Set `image` to a released version, e.g. `"registry.example.com/shop/web:1.4.2"`, or better a digest ' +
        '(`"...@sha256:<digest>"`), on every container, init container and ephemeral container.',
    url: "https://kubernetes.io/docs/concepts/containers/images/#image-names",
    appliesTo: kubernetes.workloads,
    validate: (props, ctx) => {
        const pod = podSpecOf(ctx.type, props);
        if (!pod) return;
        for (const c of containersOf(pod)) {
            ctx.judge(() => {
                const text = c.container.image;
                if (text === undefined || text === null) return;
                const image = parseImageReference(text);
                if (!image) {
                    ctx.violation(`${c.path}.image`, `is ${JSON.stringify(text)} on ${c.label}, which is not a valid image reference`, "set a reference such as registry.example.com/app:1.2.3");
                } else if (image.malformedDigest) {
                    const { problem, fix } = malformedDigestFinding(image, c.label);
                    ctx.violation(`${c.path}.image`, problem, fix);
                } else if (image.digest) {
                    return;
                } else if (image.tag === undefined) {
                    ctx.violation(`${c.path}.image`, `is "${image.text}" on ${c.label}, with no tag, and the runtime then pulls "latest"`, "add a version tag or a digest");
                } else if (image.tag === "latest") {
                    ctx.violation(`${c.path}.image`, `is "${image.text}" on ${c.label}: "latest" changes under the workload`, "use a version tag or a digest");
                }
            });
        }
    },
});
