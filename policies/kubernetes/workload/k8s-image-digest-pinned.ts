import { containersOf, kubernetes, podSpecOf, resourcePolicy } from "../../core";
import { malformedDigestFinding, parseImageReference } from "./image-reference";

export const k8sImageDigestPinned = resourcePolicy<unknown>({
    name: "k8s-image-digest-pinned",
    description: "Container images are pinned by a well-formed digest (OCI: sha256 with 64 or sha512 with 128 lowercase hex characters), so the image that runs is the one that was reviewed.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "supply-chain"],
    remediationSteps:
        'Append the digest to `image`, e.g. `"registry.example.com/shop/web:1.4.2@sha256:<digest>"` (the tag is then only ' +
        "informational). Tools such as Renovate keep digests current.",
    url: "https://kubernetes.io/docs/concepts/containers/images/#image-names",
    appliesTo: kubernetes.workloads,
    validate: (props, ctx) => {
        const pod = podSpecOf(ctx.type, props);
        if (!pod) return;
        for (const c of containersOf(pod)) {
            ctx.judge(() => {
                const image = parseImageReference(c.container.image);
                if (image?.malformedDigest) {
                    const { problem, fix } = malformedDigestFinding(image, c.label);
                    ctx.violation(`${c.path}.image`, problem, fix);
                } else if (image && !image.digest) {
                    ctx.violation(`${c.path}.image`, `is "${image.text}" on ${c.label}, without a digest, so the tag can be moved to another image`, "append @sha256:<digest>");
                }
            });
        }
    },
});
