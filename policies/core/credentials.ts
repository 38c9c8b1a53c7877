// Recognising a literal credential in configuration: by the name that holds the value (an env var, a Helm
// values key) or by the shape of the value itself. Findings name the kind of credential, never the value.

/** Words that mark a name as a credential's. */
const credentialWords = new Set([
    "PASSWORD", "PASSWD", "PWD", "PASS", "PASSPHRASE", "TOKEN", "SECRET", "KEY", "APIKEY", "PRIVATEKEY", "CREDENTIAL",
    "CREDENTIALS", "CREDS", "DSN", "CONNECTIONSTRING",
]);

/**
 * Last words that make a name about a credential rather than the credential itself: where it is
 * (DB_PASSWORD_FILE, TLS_KEY_PATH, AUTH_URL), whether it is on (AUTH_ENABLED), or what it is called
 * (TOKEN_SECRET_NAME).
 */
const aboutCredentialWords = new Set([
    "PATH", "FILE", "FILENAME", "DIR", "DIRECTORY", "URL", "URI", "ENDPOINT", "HOST", "ENABLED", "MODE", "TYPE", "NAME", "REF",
]);

/** Splits `DB_PASSWORD`, `dbPassword`, `api-key` into upper-case words. */
function words(name: string): string[] {
    return name
        .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
        .split(/[^A-Za-z0-9]+/)
        .filter((w) => w !== "")
        .map((w) => w.toUpperCase());
}

/**
 * True when a name says it holds a credential: a credential word (or two words that join into one,
 * API_KEY -> APIKEY), or AUTH as the last word (REDIS_AUTH). Not when the last word says the value is about
 * the credential (a path, URL, switch or name), a lone KEY (a map key, as in tolerations and secretKeyRef),
 * or Helm's `existing...` references to a Secret.
 */
export function looksLikeCredential(name: string): boolean {
    const parts = words(name);
    if (parts.length === 0) return false;
    const last = parts[parts.length - 1];
    if (aboutCredentialWords.has(last) || parts[0] === "EXISTING" || (parts.length === 1 && last === "KEY")) return false;
    if (last === "AUTH") return true;
    if (parts.some((w) => credentialWords.has(w))) return true;
    return parts.some((w, i) => i + 1 < parts.length && credentialWords.has(w + parts[i + 1]));
}

/** A reference that Kubernetes or a templating step fills in later: `$(VAR)`, `${VAR}`, `{{ .Values.x }}`. */
const referencePattern = /^(?:\$\([A-Za-z_][A-Za-z0-9_.-]*\)|\$\{[^}]*\}|\{\{[^}]*\}\})+$/;

/** True for a value made only of references to other variables, which holds no literal. */
export function isReferenceOnly(value: string): boolean {
    return referencePattern.test(value.trim());
}

/** True for an absolute or explicitly relative file path (`/var/secrets/key.json`, `./creds`, `C:\keys`). */
export function isFilePath(value: string): boolean {
    return /^(?:\/|~\/|\.\.?\/|[A-Za-z]:\\)\S*$/.test(value.trim());
}

/** A password that is really a placeholder or a reference, not a literal. */
function isPlaceholder(password: string): boolean {
    return password === "" || isReferenceOnly(password) || /^\*+$/.test(password);
}

/** Credentials recognisable by their text, each with what to call it in a message. */
const valuePatterns: { kind: string; test: (value: string) => boolean }[] = [
    { kind: "an AWS access key id", test: (v) => /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/.test(v) },
    { kind: "a PEM private key", test: (v) => /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/.test(v) },
    { kind: "a bearer token", test: (v) => /\bBearer\s+[A-Za-z0-9._~+/-]{16,}=*/i.test(v) },
    { kind: "a GitHub token", test: (v) => /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/.test(v) },
    { kind: "a Slack token", test: (v) => /\b(?:xox[abposr]|xapp)-[A-Za-z0-9-]{10,}/.test(v) },
    { kind: "a JSON Web Token", test: (v) => /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/.test(v) },
    {
        kind: "a URL with an embedded password",
        test: (v) => [...v.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:([^\s/@]*)@/gi)].some((m) => !isPlaceholder(m[1])),
    },
    {
        kind: "a connection string with a password",
        test: (v) => [...v.matchAll(/(?:^|;)\s*(?:password|pwd|accountkey|sharedaccesskey)\s*=\s*([^;]*)/gi)].some((m) => !isPlaceholder(m[1].trim())),
    },
];

/** What kind of credential a text looks like (e.g. "a PEM private key"), or undefined. */
export function credentialInValue(value: string): string | undefined {
    return valuePatterns.find((p) => p.test(value))?.kind;
}

/**
 * Why a named literal looks like a credential, for a message that never shows the value: "its text looks
 * like a PEM private key", or "its name marks a credential" (unless the value is only references or a file
 * path). Undefined when neither.
 */
export function literalCredential(name: string | undefined, value: unknown): string | undefined {
    const text = typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
    if (text === undefined || text.trim() === "") return undefined;
    const kind = credentialInValue(text);
    if (kind) return `its text looks like ${kind}`;
    if (name !== undefined && looksLikeCredential(name) && !isReferenceOnly(text) && !isFilePath(text)) return "its name marks a credential";
    return undefined;
}
