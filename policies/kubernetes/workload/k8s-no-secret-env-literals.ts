import picomatch from "picomatch";
import { asArray, asDict, asString, cisKubernetes, containersOf, isUnknown, kubernetes, peek, podSpecOf, resourcePolicy } from "../../core";

interface Config {
    ignore: (name: string) => boolean;
}

/** Words that mark an env var as a credential. */
const credentialWords = new Set([
    "PASSWORD", "PASSWD", "PASS", "PASSPHRASE", "TOKEN", "SECRET", "KEY", "APIKEY", "PRIVATEKEY", "CREDENTIAL",
    "CREDENTIALS", "CREDS", "DSN", "CONNECTIONSTRING",
]);

/** Splits `DB_PASSWORD`, `dbPassword`, `api-key` into upper-case words, plus joined pairs (API_KEY -> APIKEY). */
export function looksLikeCredential(name: string): boolean {
    const words = name
        .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
        .split(/[^A-Za-z0-9]+/)
        .filter((w) => w !== "")
        .map((w) => w.toUpperCase());
    if (words.some((w) => credentialWords.has(w))) return true;
    return words.some((w, i) => i + 1 < words.length && credentialWords.has(w + words[i + 1]));
}

export const k8sNoSecretEnvLiterals = resourcePolicy<unknown, Config>({
    name: "k8s-no-secret-env-literals",
    description:
        "No container env var whose name looks like a credential (PASSWORD, TOKEN, SECRET, KEY, ...) holds a literal " +
        "`value`; credentials come from Secrets through `valueFrom`.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload"],
    framework: cisKubernetes("5.4.1", "Prefer using secrets as files over secrets as environment variables"),
    remediationSteps:
        'Store the credential in a `kubernetes.core.v1.Secret` and reference it: `env: [{ name: "DB_PASSWORD", valueFrom: ' +
        '{ secretKeyRef: { name: "db", key: "password" } } }]`, or better mount the Secret as a file.',
    url: "https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables",
    configSchema: {
        properties: {
            ignoreNames: {
                type: "array",
                items: { type: "string", minLength: 1 },
                default: [],
                description: "Glob patterns of env var names that are not credentials despite their name, e.g. KEYCLOAK_* or PUBLIC_KEY_ID.",
            },
        },
    },
    parseConfig: (raw) => {
        const patterns = raw.ignoreNames as string[];
        return { ignore: patterns.length > 0 ? picomatch(patterns) : () => false };
    },
    appliesTo: kubernetes.workloads,
    validate: (props, ctx) => {
        const pod = podSpecOf(ctx.type, props);
        if (!pod) return;
        for (const c of containersOf(pod)) {
            ctx.judge(() => {
                const env = asArray(c.container.env);
                for (let index = 0; index < env.length; index++) {
                    ctx.judge(() => {
                        const entry = asDict(env[index]);
                        const name = asString(entry?.name);
                        if (!entry || !name || !looksLikeCredential(name) || ctx.config.ignore(name)) return;
                        // Presence decides: a value computed from another resource is still a literal in the
                        // manifest. The value itself is never shown.
                        const value = peek(entry, "value");
                        const computed = isUnknown(value);
                        if (!computed && (value === undefined || value === null || (typeof value === "string" && value.trim() === ""))) return;
                        ctx.violation(
                            `${c.path}.env[${index}].value`,
                            `holds a literal value${computed ? ", computed from another resource," : ""} for "${name}" on ${c.label}, so the credential sits in the manifest and the Pulumi state`,
                            "move it to a Secret and use valueFrom.secretKeyRef",
                        );
                    });
                }
            });
        }
    },
});
