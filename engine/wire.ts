// How the Pulumi engine encodes resource properties for an analyzer (see ../shared/engine-notes.md).
import { wellFormed } from "../policies/core/well-formed";

export { wellFormed };

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
    /** Told about each key the wire cannot carry (`__proto__`), with the path to it and why it was dropped. */
    onDroppedKey?(path: string, reason: string): void;
}

/**
 * protobuf's Struct keeps its fields in a plain object keyed by name, so a `__proto__` field is lost on
 * both ends (google-protobuf's Map turns it into the holder's prototype and never lists it). It cannot
 * be carried as data; it is dropped, and the caller is told.
 */
export const unsendableKeyReason = "a google.protobuf.Struct cannot carry a `__proto__` field, so the engine never delivers it";

const hasOwn = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/**
 * Turns a plain JS value into what the engine puts in a google.protobuf.Struct for an analyzer:
 * `undefined` is dropped (Struct rejects it), resource references
 * become their ID (or URN, or an unknown during preview), lone surrogates become U+FFFD. Secrets and
 * unknowns pass through unchanged.
 * Only own keys are read and written: `Struct.fromJavaScript` sends every enumerable key it can reach,
 * inherited ones included, so a copy must never gain a prototype from the data.
 */
export function encodeProperty(value: unknown, options: EncodeOptions): unknown {
    // The keys leading to the current value, kept only to name a dropped key.
    const trail: (string | number)[] = [];
    const encode = (v: unknown): unknown => {
        if (v === null || typeof v !== "object") {
            if (typeof v === "number" && !Number.isFinite(v)) return null;
            if (typeof v === "string") return wellFormed(v);
            return v;
        }
        if (Array.isArray(v)) {
            // Array.from visits holes too; Struct rejects the `undefined` a hole reads as.
            return Array.from(v, (element, i) => (element === undefined ? null : within(i, element)));
        }
        const record = v as Record<string, unknown>;
        if (hasOwn(record, signatureKey) && record[signatureKey] === resourceReferenceSig) {
            const id = hasOwn(record, "id") ? record.id : undefined;
            if (typeof id === "string" && id !== "") return id;
            if (options.dryRun) return unknownSentinels.string;
            return hasOwn(record, "urn") && typeof record.urn === "string" ? record.urn : unknownSentinels.string;
        }
        const out: Record<string, unknown> = {};
        for (const [key, field] of Object.entries(record)) {
            if (field === undefined) continue;
            if (key === "__proto__") {
                options.onDroppedKey?.(formatTrail([...trail, key]), unsendableKeyReason);
                continue;
            }
            out[wellFormed(key)] = within(key, field);
        }
        return out;
    };
    const within = (key: string | number, v: unknown): unknown => {
        trail.push(key);
        try {
            return encode(v);
        } finally {
            trail.pop();
        }
    };
    return encode(value);
}

/** `["spec", "containers", 0, "name"]` -> `spec.containers[0].name`. */
function formatTrail(trail: readonly (string | number)[]): string {
    return trail.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
}

/** Encodes a resource's top-level props; like the SDK's serializer it drops keys starting with `__`. */
export function encodeProperties(props: object, options: EncodeOptions): Record<string, unknown> {
    const visible = Object.fromEntries(Object.entries(props ?? {}).filter(([key]) => !key.startsWith("__")));
    return encodeProperty(visible, options) as Record<string, unknown>;
}
