// EC2 user data as the instance receives it. Launch templates take it base64-encoded (userData), launch
// configurations plain (userData) or base64-encoded (userDataBase64); either may be gzip-compressed (EKS
// node user data is often gzipped MIME multipart), and a MIME part may itself be base64-encoded. Decoding
// is bounded, so a small compressed payload cannot expand without limit. Not a policy.
import { constants, gunzipSync } from "zlib";

/** The most decoded text read from one user data value: EC2 accepts 16 KB of user data before base64, and only gzip expands it. */
export const maxDecodedBytes = 256 * 1024;
const beyondBound = "more than the 256 KiB this policy reads";

/** One text to search: the user data itself, or a decoded MIME part of it. */
export interface UserDataText {
    text: string;
    /** Where a line of it is, for messages: "line 3", or "line 2 of the base64-encoded MIME part at line 9". */
    where(line: number): string;
}

export interface DecodedUserData {
    /** How the value was decoded, outermost first: [] for plain text, ["base64"], ["base64", "gzip"]. */
    encodings: string[];
    texts: UserDataText[];
    /** Why (part of) the value could not be read: over the size bound, or compressed data that does not decompress. */
    unreadable?: string;
}

const strictBase64 = /^[A-Za-z0-9+/]*={0,2}$/;
const utf8 = new TextDecoder("utf-8", { fatal: true });
const gzipMagic = (bytes: Buffer) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Text, when the bytes are UTF-8 without control characters (other than tab, CR, LF, FF). */
function asText(bytes: Buffer): string | undefined {
    try {
        const text = utf8.decode(bytes);
        return /[\x00-\x08\x0e-\x1f\x7f]/.test(text) ? undefined : text;
    } catch {
        return undefined;
    }
}

/** Decoded base64, text or gzip, within `budget` bytes; undefined when the value is not that (read it as plain text). */
function decodeLayer(value: string, budget: number, encodings: string[]): { text: string } | { unreadable: string } | undefined {
    const compact = value.replace(/\s+/g, "");
    if (compact.length === 0 || compact.length % 4 !== 0 || !strictBase64.test(compact)) return undefined;
    if ((compact.length / 4) * 3 > budget + 2) return { unreadable: `decodes from base64 to ${beyondBound}` };
    const bytes = Buffer.from(compact, "base64");
    if (!gzipMagic(bytes)) {
        const text = asText(bytes);
        if (text === undefined) return undefined;
        encodings.push("base64");
        return { text };
    }
    encodings.push("base64", "gzip");
    try {
        // A truncated stream still yields what it holds (Z_SYNC_FLUSH); more than the budget stops with an error.
        const inflated = gunzipSync(bytes, { maxOutputLength: budget, finishFlush: constants.Z_SYNC_FLUSH });
        return { text: inflated.toString("utf8") };
    } catch (e) {
        const tooLarge = (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError;
        return { unreadable: tooLarge ? `is gzip-compressed and decompresses to ${beyondBound}` : "is gzip-compressed data that does not decompress" };
    }
}

/** The MIME boundary of a multipart document, from its Content-Type header. */
function boundaryOf(text: string): string | undefined {
    const header = text.slice(0, 4096);
    if (!/content-type:\s*multipart\//i.test(header)) return undefined;
    return /boundary="?([^";\r\n]+)"?/i.exec(header)?.[1];
}

/**
 * The parts of a MIME multipart document that are base64-encoded (Content-Transfer-Encoding: base64),
 * decoded, and the document with their bodies blanked so each line is read once.
 */
function base64Parts(text: string, budget: { left: number }): { top: string; parts: UserDataText[]; unreadable?: string } {
    const boundary = boundaryOf(text);
    if (!boundary) return { top: text, parts: [] };
    const lines = text.split(/\r\n|\r|\n/);
    const parts: UserDataText[] = [];
    let unreadable: string | undefined;
    for (let i = 0; i < lines.length; i++) {
        if (!lines[i].startsWith(`--${boundary}`)) continue;
        let j = i + 1;
        let base64 = false;
        for (; j < lines.length && lines[j].trim() !== ""; j++) base64 ||= /^content-transfer-encoding:\s*base64\s*$/i.test(lines[j]);
        if (!base64) continue;
        const start = j + 1;
        let end = start;
        while (end < lines.length && !lines[end].startsWith(`--${boundary}`)) end++;
        const decoded = decodeLayer(lines.slice(start, end).join(""), budget.left, []);
        if (decoded && "text" in decoded) {
            budget.left -= decoded.text.length;
            const at = start + 1;
            parts.push({ text: decoded.text, where: (line) => `line ${line} of the base64-encoded MIME part at line ${at}` });
            for (let k = start; k < end; k++) lines[k] = "";
        } else if (decoded) unreadable ??= `has a MIME part at line ${start + 1} that ${decoded.unreadable}`;
        i = end - 1;
    }
    return { top: lines.join("\n"), parts, ...(unreadable ? { unreadable } : {}) };
}

/**
 * User data as the instance sees it: base64 decoded when the value is valid base64 of text or gzip
 * (anything else, including invalid base64, is read as plain text), gzip decompressed, and the
 * base64-encoded parts of a MIME multipart document decoded, all within maxDecodedBytes.
 */
export function decodeUserData(value: string): DecodedUserData {
    const encodings: string[] = [];
    const layer = decodeLayer(value, maxDecodedBytes, encodings);
    if (layer && "unreadable" in layer) return { encodings, texts: [], unreadable: layer.unreadable };
    if (!layer && value.length > maxDecodedBytes) return { encodings, texts: [], unreadable: `is ${beyondBound}` };
    const text = layer ? layer.text : value;
    const { top, parts, unreadable } = base64Parts(text, { left: maxDecodedBytes - text.length });
    return { encodings, texts: [{ text: top, where: (line) => `line ${line}` }, ...parts], ...(unreadable ? { unreadable } : {}) };
}
