// Shared helpers for measuring the unknown-value rules (issue 15, item 5) over example weakenings: every
// field of a resource made unknown in turn, as the engine sends it in a preview, and the findings and
// deferrals compared field by field with the verdict on the known resource.
import { unknownSentinels } from "../engine/wire";

export type Json = unknown;
export type Path = (string | number)[];

/** Every path of a JSON tree (subtrees and leaves), parents first. */
export function paths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
    if (Array.isArray(value)) value.forEach((v, i) => (out.push([...prefix, i]), paths(v, [...prefix, i], out)));
    else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) out.push([...prefix, k]), paths(v, [...prefix, k], out);
    return out;
}

/** At most `limit` items, spread evenly, so a suite stays fast. */
export function sample<T>(items: T[], limit: number): T[] {
    if (items.length <= limit) return items;
    const step = items.length / limit;
    return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)]);
}

/** The engine's unknown sentinel for a value of this shape. */
export function sentinelFor(value: Json): string {
    if (Array.isArray(value)) return unknownSentinels.array;
    if (typeof value === "object" && value !== null) return unknownSentinels.object;
    if (typeof value === "number") return unknownSentinels.number;
    if (typeof value === "boolean") return unknownSentinels.bool;
    return unknownSentinels.string;
}

export function get(value: Json, at: Path): Json {
    return at.reduce<Json>((v, k) => (v as Record<string | number, Json>)?.[k], value);
}

/** A copy of `value` with the field at `at` replaced. */
export function replaced(value: Json, at: Path, replacement: Json): Json {
    if (at.length === 0) return replacement;
    const [head, ...rest] = at;
    if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, replacement) : v));
    const obj = value as Record<string, Json>;
    return { ...obj, [head]: replaced(obj[head as string], rest, replacement) };
}

/** `value` with the field at `at` made unknown. */
export function withUnknown(value: Json, at: Path): Json {
    return replaced(value, at, sentinelFor(get(value, at)));
}

/** `a.b["c.d"][0]` and `a.b.c.d[0]` alike: paths compare without the quoting of dotted keys. */
export function normal(field: string): string {
    return field.replace(/\["([^"]*)"\]/g, ".$1");
}

/** A finding's field: the first word after `<label>: `. */
export function fieldOf(message: string): string {
    return normal(message.slice(message.indexOf(": ") + 2).split(" ")[0]);
}

/** The fields a deferral names: each `<label>: <field> is computed ...` of the SDK note. */
export function deferredFields(unknown: string | undefined): { label: string; field: string }[] {
    if (!unknown) return [];
    return [...unknown.matchAll(/(?:^|; )(\w+ "[^"]*"): (.+?) (?:is|are) /g)].map((m) => ({ label: m[1], field: normal(m[2]) }));
}

/** One field holds or lies inside the other. */
export const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`) || b.startsWith(`${a}.`) || b.startsWith(`${a}[`);
/** `field` is `unknown` or lies inside it. */
export const inside = (field: string, unknown: string) => field === unknown || field.startsWith(`${unknown}.`) || field.startsWith(`${unknown}[`);
