// Container image references, parsed like the container runtimes parse them
// (github.com/distribution/reference): [registry[:port]/]path[:tag][@digest]. Digests follow the OCI image
// spec (descriptor.md, "Digests"): the grammar algorithm ":" encoded, and the registered algorithms sha256
// (64 lowercase hex characters) and sha512 (128).

export interface ImageReference {
    /** The text as written. */
    text: string;
    /** Registry host (with port), normalized: "docker.io" when the reference names none. */
    registry: string;
    /** Repository path, e.g. "library/nginx" or "team/app". */
    repository: string;
    tag?: string;
    /** e.g. "sha256:0123..." */
    digest?: string;
    /** Why the digest is malformed (see `digestProblem`); set only when it is. */
    malformedDigest?: string;
}

export const dockerHub = "docker.io";
const digestGrammar = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
/** OCI registered algorithms and the number of lowercase hex characters of their digests. */
const registeredAlgorithms: Record<string, number> = { sha256: 64, sha512: 128 };
const tagPattern = /^[\w][\w.-]{0,127}$/;
const componentPattern = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/** Parses an image reference; undefined when it is not one (empty, spaces, uppercase path ...). */
export function parseImageReference(text: unknown): ImageReference | undefined {
    if (typeof text !== "string") return undefined;
    const trimmed = text.trim();
    if (trimmed === "" || /\s/.test(trimmed)) return undefined;
    let rest = trimmed;
    let digest: string | undefined;
    const at = rest.indexOf("@");
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    // A tag is a ":" after the last "/", so "host:5000/app" has none.
    let tag: string | undefined;
    const lastSlash = rest.lastIndexOf("/");
    const colon = rest.lastIndexOf(":");
    if (colon > lastSlash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!tagPattern.test(tag)) return undefined;
    }
    const parts = rest.split("/");
    let registry = dockerHub;
    if (parts.length > 1 && (parts[0].includes(".") || parts[0].includes(":") || parts[0] === "localhost" || parts[0] !== parts[0].toLowerCase())) {
        registry = parts.shift()!.toLowerCase();
    }
    if (registry === "index.docker.io" || registry === "registry-1.docker.io") registry = dockerHub;
    if (parts.length === 0 || !parts.every((p) => componentPattern.test(p))) return undefined;
    if (registry === dockerHub && parts.length === 1) parts.unshift("library");
    const malformedDigest = digest !== undefined ? digestProblem(digest) : undefined;
    return {
        text: trimmed,
        registry,
        repository: parts.join("/"),
        ...(tag !== undefined ? { tag } : {}),
        ...(digest !== undefined ? { digest } : {}),
        ...(malformedDigest !== undefined ? { malformedDigest } : {}),
    };
}

/** Why a digest breaks the OCI digest grammar or a registered algorithm's encoding; undefined when it is well formed. */
export function digestProblem(digest: string): string | undefined {
    if (!digestGrammar.test(digest)) return `"${digest}" is not of the form <algorithm>:<encoded>`;
    const colon = digest.indexOf(":");
    const algorithm = digest.slice(0, colon);
    const encoded = digest.slice(colon + 1);
    const length = registeredAlgorithms[algorithm];
    if (length === undefined) return `"${algorithm}" is not a registered digest algorithm (${Object.keys(registeredAlgorithms).join(", ")})`;
    if (!/^[0-9a-f]*$/.test(encoded)) {
        return `a ${algorithm} digest is lowercase hex, and this one has ${/^[0-9a-fA-F]*$/.test(encoded) ? "uppercase letters" : "characters that are not hex"}`;
    }
    if (encoded.length !== length) return `a ${algorithm} digest has ${length} hex characters, and this one has ${encoded.length}`;
    return undefined;
}

/** The problem and fix for an image whose digest is malformed, as both image policies report it. */
export function malformedDigestFinding(image: ImageReference, where: string): { problem: string; fix: string } {
    return {
        problem: `is "${image.text}" on ${where}, and the digest is malformed: ${image.malformedDigest}; the runtime rejects the reference`,
        fix: "replace the digest with the image's full one, @sha256:<64 lowercase hex characters> (e.g. from docker buildx imagetools inspect)",
    };
}

/** The tag Kubernetes pulls: the written one, or "latest" when none and no digest. */
export function effectiveTag(image: ImageReference): string | undefined {
    return image.tag ?? (image.digest ? undefined : "latest");
}
