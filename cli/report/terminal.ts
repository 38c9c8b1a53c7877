// What the output stream can show: colour and progress only on a terminal and never with NO_COLOR;
// lines wrapped to the terminal's width.

export interface Terminal {
    color: boolean;
    /** Columns to wrap at; 0 leaves lines as they are. */
    width: number;
}

export function terminalOf(stream: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv = process.env): Terminal {
    const tty = stream.isTTY === true;
    const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
    const columns = Number(env.COLUMNS) || stream.columns || 0;
    return { color: tty && !noColor && env.TERM !== "dumb", width: tty ? Math.max(columns || 100, 60) : columns > 0 ? Math.max(columns, 60) : 0 };
}

const codes = { bold: [1, 22], dim: [2, 22], red: [31, 39], yellow: [33, 39], green: [32, 39], cyan: [36, 39] } as const;
export type Style = keyof typeof codes;

export function styler(terminal: Terminal): (style: Style, text: string) => string {
    return (style, text) => (terminal.color ? `\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m` : text);
}

/** Word-wraps each line of `text` to `width`, `indent` first and `hang` on continuations; long words stay whole. */
export function wrap(text: string, width: number, indent: string, hang = indent): string {
    return text
        .split("\n")
        .map((line) => {
            if (width <= 0 || indent.length + line.length <= width) return indent + line;
            const out: string[] = [];
            let current = "";
            for (const word of line.split(" ")) {
                const prefix = out.length === 0 ? indent : hang;
                if (current && prefix.length + current.length + 1 + word.length > width) {
                    out.push(prefix + current);
                    current = word;
                } else {
                    current = current ? `${current} ${word}` : word;
                }
            }
            if (current) out.push((out.length === 0 ? indent : hang) + current);
            return out.join("\n");
        })
        .join("\n");
}

/** A progress line on stderr while resources are analyzed; only on a terminal. */
export function progressReporter(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): ((done: number, total: number) => void) & { clear(): void } {
    const enabled = stream.isTTY === true && env.CI === undefined;
    let last = 0;
    const report = (done: number, total: number) => {
        const now = Date.now();
        if (!enabled || (now - last < 100 && done < total)) return;
        last = now;
        stream.write(`\r\u001b[2Kanalyzing resources ${done}/${total}`);
    };
    return Object.assign(report, { clear: () => enabled && last > 0 && stream.write("\r\u001b[2K") });
}
