// An input the scan skipped, or found nothing in: reported in every output format, never fatal unless --strict.

export interface InputWarning {
    /** The path as given, or `<stdin>`. */
    file: string;
    reason: string;
    /** 1-based line, when the problem is at a place in the file. */
    line?: number;
}

export type Warn = (warning: InputWarning) => void;

export function formatWarning(w: InputWarning): string {
    return `${w.file}${w.line ? `:${w.line}` : ""}: ${w.reason}`;
}
