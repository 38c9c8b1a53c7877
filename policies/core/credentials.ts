// Recognising a literal credential in configuration: by the name that holds the value (an env var, a Helm
// values key) or by the shape of the value itself, and in whole texts (scripts, cloud-init, INI, TOML,
// YAML and JSON files, such as node user data) by value and by assignment. Findings name the kind of
// credential, never the value. Not a policy: the Kubernetes and AWS credential policies share it.

/** Words that mark a name as a credential's. */
const credentialWords = new Set([
    "PASSWORD", "PASSWD", "PWD", "PASS", "PASSPHRASE", "TOKEN", "SECRET", "KEY", "APIKEY", "PRIVATEKEY", "CREDENTIAL",
    "CREDENTIALS", "CREDS", "DSN", "CONNECTIONSTRING",
]);

/**
 * Last words that make a name about a credential rather than the credential itself: where it is
 * (DB_PASSWORD_FILE, TLS_KEY_PATH, AUTH_URL), whether it is on (AUTH_ENABLED), what it is called
 * (TOKEN_SECRET_NAME, KMS_KEY_ID, SECRET_ARN, KEY_PAIR) or a rule about it (TOKEN_TTL, PASSWORD_LENGTH).
 */
const aboutCredentialWords = new Set([
    "PATH", "FILE", "FILENAME", "DIR", "DIRECTORY", "URL", "URI", "ENDPOINT", "HOST", "ENABLED", "MODE", "TYPE", "NAME", "REF",
    "ID", "ARN", "PAIR", "TTL", "EXPIRY", "LENGTH", "POLICY",
]);

/**
 * Words before KEY that make it a lookup key or a public key, not a secret: S3_KEY, CACHE_KEY, SSH_PUBLIC_KEY.
 * Not PRIMARY or ROUTING: Azure's primary keys and PagerDuty's routing keys are credentials.
 */
const nonSecretKeyQualifiers = new Set([
    "PUBLIC", "S3", "OBJECT", "CACHE", "PARTITION", "SORT", "LABEL", "TAINT", "FOREIGN", "HASH", "RANGE", "IDEMPOTENCY",
]);

/** Splits `DB_PASSWORD`, `dbPassword`, `api-key` into upper-case words. */
function words(name: string): string[] {
    return name
        .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
        .split(/[^A-Za-z0-9]+/)
        .filter((w) => w !== "")
        .map((w) => w.toUpperCase());
}

/** The positions of credential words in a name, and of word pairs that join into one (API_KEY -> APIKEY). */
function credentialHits(parts: readonly string[]): { at: number; word: string }[] {
    const hits: { at: number; word: string }[] = [];
    parts.forEach((w, i) => {
        if (credentialWords.has(w)) hits.push({ at: i, word: w });
        if (i + 1 < parts.length && credentialWords.has(w + parts[i + 1])) hits.push({ at: i, word: w + parts[i + 1] });
    });
    return hits;
}

/**
 * True when a name says it holds a credential: a credential word (or two words that join into one,
 * API_KEY -> APIKEY), or AUTH as the last word (REDIS_AUTH). Not when the last word says the value is about
 * the credential (a path, URL, switch, name, id or rule), a lone KEY (a map key, as in tolerations and
 * secretKeyRef) or a KEY that is a lookup or public key (S3_KEY, SSH_PUBLIC_KEY), or Helm's `existing...`
 * references to a Secret.
 */
export function looksLikeCredential(name: string): boolean {
    const parts = words(name);
    if (parts.length === 0) return false;
    const last = parts[parts.length - 1];
    if (aboutCredentialWords.has(last) || parts[0] === "EXISTING" || (parts.length === 1 && last === "KEY")) return false;
    if (last === "AUTH") return true;
    const hits = credentialHits(parts);
    return hits.some((h) => h.word !== "KEY" || !nonSecretKeyQualifiers.has(parts[h.at - 1] ?? ""));
}

/** Credential words that also name a section of settings in Helm values (`auth: { username, password }`). */
const sectionWords = new Set(["AUTH", "SECRET", "SECRETS", "CREDENTIAL", "CREDENTIALS", "CREDS"]);

/**
 * True when a credential's name may also name a section of settings (auth, secret, credentials): a value
 * computed under it, unknown in a preview, may be an object of settings rather than a credential.
 */
export function mayNameSection(name: string): boolean {
    const parts = words(name);
    return parts.length > 0 && sectionWords.has(parts[parts.length - 1]);
}


/**
 * What a credential's name says it holds, for messages: "a password" for DB_PASSWORD, "an AWS secret access
 * key" for AWS_SECRET_ACCESS_KEY, "a token" for GITHUB_TOKEN; "a credential" when the name says no more.
 */
export function credentialKindOfName(name: string): string {
    const parts = words(name);
    const joined = parts.join("");
    if (joined.includes("SECRETACCESSKEY") || (parts.includes("AWS") && parts.includes("SECRET"))) return "an AWS secret access key";
    if (parts.includes("AWS") && parts.includes("TOKEN")) return "an AWS session token";
    if (parts.some((w) => ["PASSWORD", "PASSWD", "PWD", "PASS", "PASSPHRASE"].includes(w))) return "a password";
    if (joined.includes("PRIVATEKEY")) return "a private key";
    if (joined.includes("APIKEY")) return "an API key";
    if (parts.includes("TOKEN")) return "a token";
    if (parts.includes("SECRET")) return "a secret";
    if (joined.includes("CONNECTIONSTRING") || parts.includes("DSN")) return "a connection string";
    return "a credential";
}

/**
 * One reference that something fills in later: Kubernetes' `$(VAR)`, a shell's `$VAR`, `${VAR}`, `$(command)`
 * and backticks, templating's `{{ .Values.x }}`, CloudFormation's `{{resolve:secretsmanager:...}}`, Windows'
 * `%VAR%` and PowerShell's `$env:VAR`. Kubernetes leaves a bare `$VAR` or a command as it is, but such a value
 * holds no literal credential either.
 */
const reference = String.raw`\$\((?:[^()]|\([^()]*\))*\)|\$\{[^}]*\}|\{\{[^}]*\}\}|\$env:[A-Za-z_][A-Za-z0-9_]*|\$[A-Za-z_][A-Za-z0-9_]*|` + "`[^`]*`" + String.raw`|%[A-Za-z_][A-Za-z0-9_]*%`;
const referencePattern = new RegExp(`^(?:${reference})+$`);
/** The start of a reference anywhere in a value (a value cut at a space may hold only the start of `$(...)`). */
const referenceStart = /\$\(|\$\{|\$env:|\$[A-Za-z_]|`|\{\{|%[A-Za-z_][A-Za-z0-9_]*%/;

/** True for a value made only of references to other variables, which holds no literal. */
export function isReferenceOnly(value: string): boolean {
    return referencePattern.test(value.trim());
}

/** True for an absolute or explicitly relative file path (`/var/secrets/key.json`, `./creds`, `C:\keys`). */
export function isFilePath(value: string): boolean {
    return /^(?:\/|~\/|\.\.?\/|[A-Za-z]:\\)\S*$/.test(value.trim());
}

/** A password that is really a placeholder or a reference, not a literal: empty, `***`, `<password>`, `$(VAR)`. */
function isPlaceholder(password: string): boolean {
    return password === "" || isReferenceOnly(password) || /^(?:\*+|<[^<>]*>|\.\.\.)$/.test(password);
}

/** A connection string's password field; `anchored` also matches it at the start of the text. */
const connectionStringPassword = (anchored: boolean) =>
    new RegExp(`(?:${anchored ? "^|" : ""};)\\s*(?:password|pwd|accountkey|sharedaccesskey)\\s*=\\s*([^;]*)`, "gi");

/** Credentials recognisable by their text, each with what to call it in a message. */
const valuePatterns: { kind: string; test: (value: string) => boolean }[] = [
    { kind: "an AWS access key id", test: (v) => /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/.test(v) },
    { kind: "a PEM private key", test: (v) => /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/.test(v) },
    { kind: "a bearer token", test: (v) => /\bBearer\s+[A-Za-z0-9._~+/-]{16,}=*/i.test(v) },
    { kind: "HTTP basic credentials", test: (v) => /\bAuthorization["']?\s*[:=]\s*["']?Basic\s+[A-Za-z0-9+/]{8,}={0,2}/i.test(v) },
    { kind: "a GitHub token", test: (v) => /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/.test(v) },
    { kind: "a Slack token", test: (v) => /\b(?:xox[abposr]|xapp)-[A-Za-z0-9-]{10,}/.test(v) },
    { kind: "a JSON Web Token", test: (v) => /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/.test(v) },
    {
        kind: "a URL with an embedded password",
        // The look-behind starts a scheme only where one can start, so a long line is read in linear time.
        test: (v) => [...v.matchAll(/(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:([^\s/@]*)@/gi)].some((m) => !isPlaceholder(m[1])),
    },
    {
        kind: "a connection string with a password",
        test: (v) => [...v.matchAll(connectionStringPassword(true))].some((m) => !isPlaceholder(m[1].trim())),
    },
];
const connectionStringKind = "a connection string with a password";

/** Every kind of credential a text looks like (e.g. ["a PEM private key"]), or none. */
export function credentialKinds(value: string): string[] {
    return valuePatterns.filter((p) => p.test(value)).map((p) => p.kind);
}

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

// ---- Whole texts: scripts and configuration files ----

/** A credential found in a text: its kind and line, never its value. */
export interface CredentialInText {
    /** e.g. "an AWS access key id", "a password", "a PEM private key (base64-encoded)". */
    kind: string;
    /** 1-based line of the text. */
    line: number;
    /** Where it was assigned, when found by assignment: `DB_PASSWORD`, `--token`, `docker login -p`. */
    assignedTo?: string;
}

export interface TextScanOptions {
    /**
     * Global patterns of spans that hold public values, blanked before the search (each match on one line):
     * e.g. a cluster CA certificate passed to a bootstrap script, which must not be read as a credential.
     */
    publicValues?: readonly RegExp[];
}

/** One `name = value` found in a line; `kind` is set where the syntax, not the name, says what it holds. */
interface Assignment {
    name: string;
    value: string;
    kind?: string;
}

const namePattern = String.raw`[A-Za-z_][A-Za-z0-9_.-]*`;
const quotedPattern = String.raw`"(?:[^"\\\n]|\\.)*"|'[^'\n]*'`;
const shellValue = String.raw`(?:${quotedPattern}|[^\s;&|'"\x60)]+)`;

/** `name=value`, `name: value`, `name = value` at the start of a line: shell, YAML, INI, TOML, PowerShell. */
const lineStartAssignment = new RegExp(
    String.raw`^\s*(?:-\s+)?(?:export\s+|readonly\s+|local\s+|declare\s+(?:-\w+\s+)*|set\s+|\$env:|\$)?(${namePattern})(=(?!=)|\s*=\s+|\s+=\s*|:(?=\s|$|["']))\s*(.*)$`,
);
/** `NAME=value` inside a line: `docker run -e DB_PASSWORD=x`, `env TOKEN=x cmd`, `--from-literal=password=x`, `?a=1&token=x`. */
const inlineAssignment = new RegExp(String.raw`(?<=[\s;&|=,(?])(${namePattern})=(${shellValue})`, "g");
/** A quoted key anywhere: `"password": "x"` (JSON), `'token' => 'x'`, `"api-key" = "x"` (TOML). */
const quotedKeyAssignment = new RegExp(String.raw`(["'])(${namePattern})\1\s*(?:=>|[:=])\s*(${quotedPattern}|[^\s,}\]]+)`, "g");
/** A long option: `--password=x`, or `--password x` when its last word is a credential's. */
const optionAssignment = new RegExp(String.raw`(?<=^|\s)--([A-Za-z][A-Za-z0-9_.-]*)(?:=(${shellValue})|\s+(${shellValue}))`, "g");

const leadingQuoted = new RegExp(`^(?:${quotedPattern})`);

/** The text of a value: quotes removed, a trailing comment dropped; `singleQuoted` when a shell would not expand it. */
function valueText(raw: string, restOfLine: boolean): { text: string; singleQuoted: boolean } {
    const trimmed = raw.trim();
    const quoted = leadingQuoted.exec(trimmed);
    if (quoted) return { text: quoted[0].slice(1, -1), singleQuoted: quoted[0].startsWith("'") };
    const text = restOfLine ? trimmed.replace(/\s+#.*$/, "").replace(/[;,]$/, "") : trimmed;
    return { text: text.trim(), singleQuoted: false };
}

/** Values that are settings, not secrets: YAML and INI booleans and nulls, and block scalar indicators. */
const settingWords = /^(?:true|false|yes|no|on|off|null|none|nil|~|\||>|[|>][+-]?\d?)$/i;

/** True when a value is a literal that could be a credential, not a reference, a path, a placeholder or a switch. */
function isLiteralValue(text: string, singleQuoted: boolean): boolean {
    const value = text.trim();
    if (value === "" || settingWords.test(value) || isPlaceholder(value) || isFilePath(value)) return false;
    // Single quotes stop a shell's expansion, so only templating still fills anything in.
    return singleQuoted ? !/\{\{/.test(value) : !referenceStart.test(value);
}

/** The last word of an option names a credential (`--password`, `--api-key`), so its next argument is the value. */
function lastWordIsCredential(name: string): boolean {
    const parts = words(name);
    const last = parts[parts.length - 1] ?? "";
    return credentialWords.has(last) || (parts.length > 1 && credentialWords.has(parts[parts.length - 2] + last));
}

/** The assignments of one line, by every syntax the scan understands. */
function assignmentsIn(line: string): Assignment[] {
    const out: Assignment[] = [];
    const add = (name: string, raw: string, restOfLine: boolean, kind?: string) => {
        const { text, singleQuoted } = valueText(raw, restOfLine);
        // An AWS secret access key is 40 base64 characters and may start with "/": never a file path.
        const awsSecret = /^[A-Za-z0-9/+]{40}$/.test(text) && credentialKindOfName(name) === "an AWS secret access key";
        if (awsSecret || isLiteralValue(text, singleQuoted)) out.push({ name, value: text, ...(kind ? { kind } : {}) });
    };
    const start = lineStartAssignment.exec(line);
    if (start) {
        const shellStyle = start[2] === "=" && !/^["']/.test(start[3]);
        add(start[1], shellStyle ? (/^\S*/.exec(start[3])?.[0] ?? "") : start[3], !shellStyle);
    }
    for (const m of line.matchAll(inlineAssignment)) add(m[1], m[2], false);
    for (const m of line.matchAll(quotedKeyAssignment)) add(m[2], m[3], false);
    for (const m of line.matchAll(optionAssignment)) {
        if (m[2] !== undefined) add(`--${m[1]}`, m[2], false);
        else if (!m[3].startsWith("-") && lastWordIsCredential(m[1])) add(`--${m[1]}`, m[3], false);
    }
    const configure = /\baws\s+configure\s+set\s+(\S+)\s+(\S+)/.exec(line);
    if (configure) add(configure[1], configure[2], false);
    const login = /\b(?:docker|podman|nerdctl|helm\s+registry|oras|crane)\s+(?:auth\s+)?login\b.*?\s-p\s+(\S+)/.exec(line);
    if (login) add("login -p", login[1], false, "a password");
    const basic = /\b(?:curl|wget)\b.*?\s(?:-u|--user)\s+(["']?)[^\s:'"]+:([^\s'"]+)\1/.exec(line);
    if (basic) add("curl -u", basic[2], false, "a password");
    return out;
}

/** The kinds of credential in one line by value; a connection string needs its `;` here, as a `password=` line is an assignment. */
function lineValueKinds(line: string): string[] {
    const kinds = credentialKinds(line).filter((k) => k !== connectionStringKind);
    if ([...line.matchAll(connectionStringPassword(false))].some((m) => !isPlaceholder(m[1].trim()))) kinds.push(connectionStringKind);
    return kinds;
}

/** Long base64 runs inside a line (`echo LS0t... | base64 -d > key.pem`) are decoded and read for credentials by value. */
const base64Run = /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])/g;
const maxDecodedRuns = 256 * 1024;

function printable(text: string): boolean {
    if (text.length === 0) return false;
    const bad = text.match(/[^\t\n\r\x20-\x7e\u00a0-\uffff]|\ufffd/g)?.length ?? 0;
    return bad / text.length < 0.05;
}

/** Lines longer than this are read in overlapping windows, so no pattern ever runs over a huge line. */
const windowSize = 8192;
const overlap = 512;

function windows(line: string): string[] {
    if (line.length <= windowSize) return [line];
    const out: string[] = [];
    for (let at = 0; at < line.length; at += windowSize - overlap) out.push(line.slice(at, at + windowSize));
    return out;
}

/**
 * The credentials in a text, line by line: by value (access key ids, private keys, tokens, URLs and
 * connection strings with a password; also inside long base64 runs), and by assignment of a literal to a
 * credential's name (`DB_PASSWORD=x`, `password: x`, `aws_secret_access_key = x`, `"token": "x"`,
 * `--password x`, `aws configure set aws_secret_access_key x`, `docker login -p x`, `curl -u user:x`).
 * References (`$VAR`, `${VAR}`, `$(aws ssm get-parameter ...)`, `{{resolve:...}}`), file paths,
 * placeholders and booleans are not literals. Each result names the kind and the line, never the value.
 */
export function credentialsInText(text: string, options: TextScanOptions = {}): CredentialInText[] {
    let searched = text;
    for (const pattern of options.publicValues ?? []) searched = searched.replace(pattern, (m) => m.replace(/[^\r\n]/g, " "));
    const found: CredentialInText[] = [];
    const seen = new Set<string>();
    const add = (line: number, kind: string, assignedTo?: string) => {
        const key = `${line}\u0000${kind}\u0000${assignedTo ?? ""}`;
        if (seen.has(key)) return;
        seen.add(key);
        found.push({ kind, line, ...(assignedTo !== undefined ? { assignedTo } : {}) });
    };
    let decodedBudget = maxDecodedRuns;
    searched.split(/\r\n|\r|\n/).forEach((whole, index) => {
        const line = index + 1;
        for (const part of windows(whole)) {
            const byValue = lineValueKinds(part);
            for (const kind of byValue) add(line, kind);
            // A connection string's own password field is its finding, not a second one by name.
            const inConnectionString = byValue.includes(connectionStringKind) ? /^(?:password|pwd|accountkey|sharedaccesskey)$/i : /^$/;
            for (const a of assignmentsIn(part)) {
                if (lineValueKinds(a.value).length > 0 || inConnectionString.test(a.name)) continue; // reported by value
                if (a.kind) add(line, a.kind, a.name);
                else if (looksLikeCredential(a.name)) add(line, credentialKindOfName(a.name), a.name);
            }
            for (const run of part.match(base64Run) ?? []) {
                if (decodedBudget <= 0) break;
                decodedBudget -= run.length;
                const decoded = Buffer.from(run, "base64").toString("utf8");
                if (printable(decoded)) for (const kind of lineValueKinds(decoded)) add(line, `${kind} (base64-encoded)`);
            }
        }
    });
    return found;
}

/** Fields that carry credentials whatever their name says: scripts, Secret payloads, keys and certificates. */
const credentialFieldNames = new Set(["userdata", "data", "stringdata", "clientkey", "clientcertificate", "keydata", "connectionstring"]);

/** A reference to a key held elsewhere (bootDiskKmsKey, keyArn, keyId, keyRing), not key material. */
function namesAKey(step: string): boolean {
    const parts = words(step);
    return parts.includes("KMS") || ["ARN", "ID", "RING", "VERSION"].includes(parts[parts.length - 1]);
}

/**
 * True when a field path (`masterAuth.password`, `spec.containers[0].env[1].value`, `userData`) may hold a
 * credential: a step named like one, a Secret payload or script field, or an env var's value.
 */
export function isCredentialPath(path: string): boolean {
    const steps = path.split(/[.[\]"]+/).filter((s) => s !== "" && !/^\d+$/.test(s));
    return steps.some((step, i) =>
        credentialFieldNames.has(step.toLowerCase()) || (looksLikeCredential(step) && !namesAKey(step)) || (step === "value" && steps[i - 1] === "env"));
}
