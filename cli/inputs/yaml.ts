// Parses a YAML stream into document values with source positions. Each broken, empty, templated or
// oversized document is skipped with a warning; the rest of the file is still scanned.
import * as YAML from "yaml";
import { type InputLimits, shapeProblem } from "./limits";
import { helmAdvice } from "./locate";
import { type PositionIndex, yamlPositions } from "./positions";
import { errorMessage } from "../values";
import type { Warn } from "./warnings";

export interface ParsedDocument {
    /** 0-based index in the stream: the first segment of the document's pointers. */
    index: number;
    value: unknown;
    line: number;
}

export interface ParsedYaml {
    documents: ParsedDocument[];
    positions: PositionIndex;
}

/**
 * Helm templates: `{{ ... }}` outside quoted or block scalars parses as a flow mapping that starts with
 * `{{` (or breaks the parse). Braces inside strings, as in alerting rules, are data and do not count.
 */
function isGoTemplate(text: string, docs: readonly YAML.Document[]): boolean {
    if (!text.includes("{{")) return false;
    if (docs.some((d) => d.errors.length > 0)) return true;
    let templated = false;
    for (const doc of docs) {
        YAML.visit(doc, {
            Map(_, node) {
                if (node.flow && node.range && text.startsWith("{{", node.range[0])) {
                    templated = true;
                    return YAML.visit.BREAK;
                }
                return undefined;
            },
        });
        if (templated) return true;
    }
    return false;
}

function problemText(e: unknown, limits: InputLimits): string {
    const message = errorMessage(e);
    if (/call stack/i.test(message)) return `is nested too deeply to parse (limit ${limits.maxDepth} levels)`;
    if (/alias count/i.test(message)) return `uses YAML aliases that expand too far (alias limit ${limits.maxAliasCount})`;
    return `is not valid YAML: ${message.split("\n")[0]}`;
}

export function parseYaml(text: string, file: string, limits: InputLimits, warn: Warn): ParsedYaml {
    const lines = new YAML.LineCounter();
    let docs: YAML.Document[];
    try {
        docs = YAML.parseAllDocuments(text, { lineCounter: lines, prettyErrors: false }) as YAML.Document[];
    } catch (e) {
        warn({ file, reason: `skipped: the file ${problemText(e, limits)}` });
        return { documents: [], positions: yamlPositions([], lines) };
    }
    const positions = yamlPositions(docs, lines);
    if (isGoTemplate(text, docs)) {
        warn({ file, reason: `skipped: contains Go-template {{ }} directives; ${helmAdvice("CHART")}` });
        return { documents: [], positions };
    }
    if (docs.every((d) => d.errors.length === 0 && d.contents === null)) {
        warn({ file, reason: "no Kubernetes objects: the file is empty or holds only comments" });
        return { documents: [], positions };
    }
    const documents: ParsedDocument[] = [];
    docs.forEach((doc, index) => {
        const line = lines.linePos((doc.contents as YAML.Node | null)?.range?.[0] ?? doc.range?.[0] ?? 0).line;
        const skip = (problem: string, at = line) => warn({ file, line: at, reason: `document ${index + 1} skipped: it ${problem}` });
        if (doc.errors.length > 0) return skip(problemText(doc.errors[0], limits), lines.linePos(doc.errors[0].pos[0]).line);
        // A trailing `---` leaves an empty last document; kubectl ignores it, so do we.
        if (doc.contents === null && index === docs.length - 1 && doc.commentBefore == null && doc.comment == null) return;
        let value: unknown;
        try {
            value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
        } catch (e) {
            return skip(problemText(e, limits));
        }
        if (value === null || value === undefined) return skip("is empty (null)");
        const shape = shapeProblem(value, limits);
        if (shape) return skip(shape);
        documents.push({ index, value, line });
    });
    return { documents, positions };
}
