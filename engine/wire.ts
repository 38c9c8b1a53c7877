// How the Pulumi engine encodes resource properties for an analyzer (see ../shared/engine-notes.md).

export const signatureKey = "4dabf18193072939515e22adb298388d";
export const secretSig = "1b47061264138c4ac30d75fd1eb44270";
export const resourceReferenceSig = "5cf8f73096256a8f31e491e813e4eb8e";

/** Sentinels the engine sends for values that are unknown during preview. */
export const unknownSentinels = {
    bool: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    string: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
    asset: "030794c1-ac77-496b-92df-f27374a8bd58",
    archive: "e48ece36-62e2-4504-bad9-02848725956a",
} as const;

/** A value that is unknown during preview, typed as T so SDK-typed fixtures still compile. */
export function unknownValue<T>(kind: keyof typeof unknownSentinels): T {
    return unknownSentinels[kind] as unknown as T;
}

/** A secret as the engine sends it, typed as T so SDK-typed fixtures still compile. */
export function secretValue<T>(value: T): T {
    return { [signatureKey]: secretSig, value } as unknown as T;
}

/** A reference to another resource, as a program may hold it; the engine never forwards these. */
export function resourceReference(urn: string, id?: string): unknown {
    return { [signatureKey]: resourceReferenceSig, urn, ...(id !== undefined ? { id } : {}) };
}

export interface EncodeOptions {
    /** During preview a reference to a resource without a known id becomes an unknown string. */
    dryRun: boolean;
}

/**
 * Turns a plain JS value into what the engine puts in a google.protobuf.Struct for an analyzer:
 * `undefined` is dropped (Struct rejects it), resource references
 * become their ID (or URN, or an unknown during preview). Secrets and unknowns pass through unchanged.
 */
export function encodeProperty(value: unknown, options: EncodeOptions): unknown {
    if (value === null || typeof value !== "object") {
        if (typeof value === "number" && !Number.isFinite(value)) return null;
        return value;
    }
    if (Array.isArray(value)) {
        return value.map((v) => (v === undefined ? null : encodeProperty(v, options)));
    }
    const record = value as Record<string, unknown>;
    if (record[signatureKey] === resourceReferenceSig) {
        const id = record.id;
        if (typeof id === "string" && id !== "") return id;
        if (options.dryRun) return unknownSentinels.string;
        return typeof record.urn === "string" ? record.urn : unknownSentinels.string;
    }
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(record)) {
        if (v === undefined) continue;
        out[key] = encodeProperty(v, options);
    }
    return out;
}

/** Encodes a resource's top-level props; like the SDK's serializer it drops keys starting with `__`. */
export function encodeProperties(props: object, options: EncodeOptions): Record<string, unknown> {
    const visible = Object.fromEntries(Object.entries(props ?? {}).filter(([key]) => !key.startsWith("__")));
    return encodeProperty(visible, options) as Record<string, unknown>;
}
