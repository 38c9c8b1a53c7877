// Reads one located input as text, within the size limit. A file is measured before it is opened,
// so an oversized file costs nothing; stdin is read in chunks and refused once it passes the limit.
import * as fs from "fs";
import { formatBytes, type InputLimits } from "./limits";
import { stdinPath } from "./locate";
import { systemErrorText } from "../values";

export type ReadOutcome = { text: string } | { problem: string };

function tooLarge(size: string, limits: InputLimits): string {
    return `skipped: ${size}, over the ${formatBytes(limits.maxFileBytes)} input limit (raise it with --max-file-size MiB)`;
}

function readStdin(limits: InputLimits): ReadOutcome {
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.alloc(1024 * 1024);
    for (;;) {
        let n: number;
        try {
            n = fs.readSync(0, chunk, 0, chunk.length, null);
        } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            // A non-blocking pipe with nothing buffered yet: wait briefly instead of failing.
            if (code === "EAGAIN") {
                Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
                continue;
            }
            if (code === "EOF") break;
            return { problem: `skipped: cannot read standard input: ${(e as Error).message}` };
        }
        if (n === 0) break;
        total += n;
        if (total > limits.maxFileBytes) return { problem: tooLarge(`more than ${formatBytes(limits.maxFileBytes)}`, limits) };
        chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return { text: Buffer.concat(chunks).toString("utf8") };
}

export function readInputText(file: string, limits: InputLimits): ReadOutcome {
    if (file === stdinPath) return readStdin(limits);
    try {
        const stat = fs.statSync(file);
        if (!stat.isFile()) return { problem: "skipped: not a regular file" };
        if (stat.size > limits.maxFileBytes) return { problem: tooLarge(formatBytes(stat.size), limits) };
        return { text: fs.readFileSync(file, "utf8") };
    } catch (e) {
        return { problem: `skipped: cannot read it: ${systemErrorText(e)}` };
    }
}
