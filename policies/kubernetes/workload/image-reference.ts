// Container image references, parsed like the container runtimes parse them
// (github.com/distribution/reference): [registry[:port]/]path[:tag][@digest].

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
}

export const dockerHub = "docker.io";
const digestPattern = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
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
        if (!digestPattern.test(digest)) return undefined;
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
    return { text: trimmed, registry, repository: parts.join("/"), ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** The tag Kubernetes pulls: the written one, or "latest" when none and no digest. */
export function effectiveTag(image: ImageReference): string | undefined {
    return image.tag ?? (image.digest ? undefined : "latest");
}
