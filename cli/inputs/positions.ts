// Maps JSON pointers into a file's parsed content back to line and column, for finding locations.
import * as YAML from "yaml";
import { scalarText } from "../values";

export interface Position {
    line: number;
    column: number;
}

export interface PositionIndex {
    /** The position of each pointer; where a pointer leads nowhere, that of its deepest existing ancestor. */
    positionsOf(pointers: readonly string[]): (Position | undefined)[];
}

export function pointerOf(segments: readonly (string | number)[]): string {
    return segments.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

export function segmentsOf(pointer: string): string[] {
    return pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** YAML: the first pointer segment is the document index. */
export function yamlPositions(documents: readonly YAML.Document[], lines: YAML.LineCounter): PositionIndex {
    const at = (offset: number | undefined): Position | undefined => {
        if (offset === undefined) return undefined;
        const { line, col } = lines.linePos(offset);
        return { line, column: col };
    };
    const positionOf = (pointer: string): Position | undefined => {
        const [docIndex, ...path] = segmentsOf(pointer);
        const doc = documents[Number(docIndex)];
        if (!doc) return undefined;
        let node: unknown = doc.contents;
        let found = at((node as YAML.Node | null)?.range?.[0] ?? doc.range?.[0]);
        for (const segment of path) {
            if (YAML.isMap(node)) {
                const pair = node.items.find((p) => YAML.isScalar(p.key) && scalarText(p.key.value) === segment);
                if (!pair) break;
                found = at((pair.key as YAML.Node).range?.[0]) ?? found;
                node = pair.value;
            } else if (YAML.isSeq(node)) {
                const item = node.items[Number(segment)] as YAML.Node | undefined;
                if (!item || !/^\d+$/.test(segment)) break;
                found = at(item.range?.[0]) ?? found;
                node = item;
            } else {
                break;
            }
        }
        return found;
    };
    return { positionsOf: (pointers) => pointers.map(positionOf) };
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * JSON: one pass over the text per batch, descending only into subtrees on the way to a wanted pointer,
 * so locating findings in a large export stays linear in its size.
 */
export function jsonPositions(text: string): PositionIndex {
    let lineStarts: number[] | undefined;
    const toPosition = (offset: number): Position => {
        if (!lineStarts) {
            lineStarts = [0];
            for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
        }
        let lo = 0;
        let hi = lineStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (lineStarts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
    };
    return {
        positionsOf(pointers) {
            const wanted = new Set<string>();
            for (const p of pointers) {
                const segments = segmentsOf(p);
                for (let n = 0; n <= segments.length; n++) wanted.add(pointerOf(segments.slice(0, n)));
            }
            const offsets = scanOffsets(text, wanted);
            return pointers.map((p) => {
                let segments = segmentsOf(p);
                for (;;) {
                    const offset = offsets.get(pointerOf(segments));
                    if (offset !== undefined) return toPosition(offset);
                    if (segments.length === 0) return undefined;
                    segments = segments.slice(0, -1);
                }
            });
        },
    };
}

/** Offsets of the wanted pointers in valid JSON text (a key's offset for object members). */
function scanOffsets(text: string, wanted: ReadonlySet<string>): Map<string, number> {
    const found = new Map<string, number>();
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const skipSpace = () => {
        while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    };
    const skipString = () => {
        i++;
        while (i < text.length) {
            const c = text.charCodeAt(i);
            if (c === 0x5c) i += 2;
            else if (c === 0x22) return void i++;
            else i++;
        }
    };
    const skipValue = () => {
        let depth = 0;
        do {
            const c = text.charCodeAt(i);
            if (c === 0x22) skipString();
            else if (c === 0x7b || c === 0x5b) (depth++, i++);
            else if (c === 0x7d || c === 0x5d) (depth--, i++);
            else if (depth === 0) {
                while (i < text.length && !isSpace(text.charCodeAt(i)) && !",}]".includes(text[i])) i++;
            } else i++;
        } while (depth > 0 && i < text.length);
    };
    const visit = (pointer: string, keyOffset?: number) => {
        skipSpace();
        found.set(pointer, keyOffset ?? i);
        const open = text.charCodeAt(i);
        if (open !== 0x7b && open !== 0x5b) return skipValue();
        const isObject = open === 0x7b;
        i++;
        for (let index = 0; ; index++) {
            skipSpace();
            if (text.charCodeAt(i) === 0x7d || text.charCodeAt(i) === 0x5d) return void i++;
            let child: string;
            let childKeyOffset: number | undefined;
            if (isObject) {
                childKeyOffset = i;
                const start = i;
                skipString();
                child = `${pointer}${pointerOf([JSON.parse(text.slice(start, i)) as string])}`;
                skipSpace();
                i++; // the colon
            } else {
                child = `${pointer}/${index}`;
            }
            skipSpace();
            if (wanted.has(child)) visit(child, childKeyOffset);
            else skipValue();
            skipSpace();
            if (text.charCodeAt(i) === 0x2c) i++;
        }
    };
    visit("");
    return found;
}
