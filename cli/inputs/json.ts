// Parses a JSON file (a UTF-8 byte-order mark is allowed, as in YAML) within the shape limits.
import { type InputLimits, shapeProblem } from "./limits";
import { jsonPositions, type PositionIndex } from "./positions";
import type { Warn } from "./warnings";

export interface ParsedJson {
    value: unknown;
    positions: PositionIndex;
}

/** V8 quotes the text around a syntax error, which may be a credential; the position is enough. */
function withoutSource(message: string): string {
    return message.replace(/^(Unexpected token .*?), .* is not valid JSON$/s, "$1").replace(/ in JSON at position/, " at position");
}

export function parseJson(text: string, file: string, limits: InputLimits, warn: Warn): ParsedJson | undefined {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (body.trim() === "") {
        warn({ file, reason: "no Kubernetes objects: the file is empty" });
        return undefined;
    }
    let value: unknown;
    try {
        value = JSON.parse(body);
    } catch (e) {
        warn({ file, reason: `skipped: not valid JSON: ${withoutSource((e as Error).message)}` });
        return undefined;
    }
    const shape = shapeProblem(value, limits);
    if (shape) {
        warn({ file, reason: `skipped: the file ${shape}` });
        return undefined;
    }
    return { value, positions: jsonPositions(text) };
}
