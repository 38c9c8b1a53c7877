// Bounds on what one input may cost, so a hostile or accidental file is refused with a reason instead
// of exhausting memory, the stack or the clock.

export interface InputLimits {
    /** Largest file (or stdin) read, in bytes. */
    maxFileBytes: number;
    /** yaml's maxAliasCount: alias uses weighted by the size of what they expand to. */
    maxAliasCount: number;
    /** Deepest nesting of objects and arrays in one document. */
    maxDepth: number;
    /** Most values in one document once aliases are expanded (an alias bomb is small on disk). */
    maxValues: number;
}

export const defaultLimits: InputLimits = {
    maxFileBytes: 32 * 1024 * 1024,
    maxAliasCount: 10_000,
    maxDepth: 200,
    maxValues: 5_000_000,
};

export function formatBytes(bytes: number): string {
    if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
    if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${bytes} bytes`;
}

/** Why a parsed value exceeds the depth or value limits, or undefined. Iterative: deep input cannot overflow it. */
export function shapeProblem(value: unknown, limits: Pick<InputLimits, "maxDepth" | "maxValues">): string | undefined {
    const stack: [unknown, number][] = [[value, 1]];
    let values = 0;
    while (stack.length > 0) {
        const [current, depth] = stack.pop()!;
        if (++values > limits.maxValues) return `has more than ${limits.maxValues.toLocaleString("en-US")} values (aliases expanded)`;
        if (typeof current !== "object" || current === null) continue;
        if (depth > limits.maxDepth) return `is nested more than ${limits.maxDepth} levels deep`;
        const children = Array.isArray(current) ? current : Object.values(current);
        for (const child of children) stack.push([child, depth + 1]);
    }
    return undefined;
}
