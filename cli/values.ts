// Small helpers for untyped JSON and system errors, shared by the inputs and the reports.

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** `EACCES: permission denied, open '/x'` -> `permission denied`: messages name the path already. */
export function systemErrorText(e: unknown): string {
    const message = e instanceof Error ? e.message : String(e);
    return message.replace(/^[A-Z]+: /, "").replace(/, \w+ '[^']*'( -> '[^']*')?$/, "");
}
