import type * as k8s from "@pulumi/kubernetes/types/input";
import { asDict, cisAks, cisEks, cisGke, cisKubernetes, compileGlobs, containersOf, credentialInValue, deploymentFix, isUnknown, kubernetes, literalCredential, looksLikeCredential, nsaHardening, peek, podSpecOf, resourcePolicy, showName } from "../../core";

import { judgeEach } from "./container-checks";

interface Config {
    ignore: (name: string) => boolean;
}

export const k8sNoSecretEnvLiterals = resourcePolicy<unknown, Config>({
    name: "k8s-no-secret-env-literals",
    displayName: "No credentials as env literals",
    description:
        "No container env var holds a literal credential in `value`: neither under a credential's name (PASSWORD, PWD, TOKEN, " +
        "SECRET, KEY, AUTH, ...; not *_FILE, *_PATH, *_DIR or a file path) nor in a recognisable form (AWS access key id, " +
        "PEM private key, bearer, GitHub or Slack token, JWT, URL or connection string with a password).",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload"],
    framework: cisKubernetes("5.4.1"),
    alsoCites: [
        cisEks("4.4.1"),
        cisAks("4.5.1"),
        cisGke("4.4.1"),
        nsaHardening("Network separation and hardening", "Secrets"),
    ],
    why: "A credential written in the manifest is readable by everyone with access to the repository, the Pulumi state and the object in the cluster.",
    fixExample: deploymentFix(`
        volumes:
          - name: db
            secret: {secretName: db}
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            env:
              - {name: DB_PASSWORD_FILE, value: /var/run/secrets/db/password}
            volumeMounts:
              - {name: db, mountPath: /var/run/secrets/db, readOnly: true}
    `),
    remediationSteps:
        "Store the credential in a `kubernetes.core.v1.Secret` and mount it as a file: `volumes: [{ name: \"db\", secret: " +
        '{ secretName: "db" } }]` with `volumeMounts: [{ name: "db", mountPath: "/var/run/secrets/db", readOnly: true }]`, and ' +
        "point the application at it (e.g. `DB_PASSWORD_FILE=/var/run/secrets/db/password`). Where it reads only environment " +
        'variables, use `valueFrom: { secretKeyRef: { name: "db", key: "password" } }` instead of `value` (k8s-no-secrets-in-env, advisory, prefers files).',
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
        return { ignore: compileGlobs("k8s-no-secret-env-literals", "ignoreNames", raw.ignoreNames, { dot: false }) };
    },
    appliesTo: kubernetes.workloads,
    validate: (props, ctx) => {
        const pod = podSpecOf(ctx.type, props);
        if (!pod) return;
        const fix = "move it to a Secret mounted as a file, or reference the Secret with valueFrom.secretKeyRef";
        for (const c of containersOf(pod)) {
            judgeEach(ctx, () => c.container.env, (value, index) => {
                const entry = asDict(value);
                if (!entry) return;
                const path = `${c.path}.env[${index}]`;
                const name = peek(entry, "name" satisfies keyof k8s.core.v1.EnvVar);
                const literal = peek(entry, "value" satisfies keyof k8s.core.v1.EnvVar);
                if (typeof name === "string" && ctx.config.ignore(name)) return;
                const label = typeof name === "string" ? `"${showName(name)}"` : `env[${index}]`;
                if (isUnknown(literal)) {
                    // Presence decides for a credential's name: a computed value is still a literal in the manifest.
                    if (typeof name === "string" && looksLikeCredential(name)) {
                        ctx.violation(`${path}.value`, `holds a literal value, computed from another resource, for ${label} on ${c.label}, so the credential sits in the manifest and the Pulumi state`, fix);
                    } else {
                        ctx.defer(`${path}.value`, "is computed from another resource, so its text cannot be checked for a credential until deploy");
                    }
                    return;
                }
                const why = literalCredential(typeof name === "string" ? name : undefined, literal);
                if (why) {
                    ctx.violation(`${path}.value`, `holds a literal value for ${label} on ${c.label} (${why}), so the credential sits in the manifest and the Pulumi state`, fix);
                } else if (isUnknown(name) && typeof literal === "string" && literal.trim() !== "" && !credentialInValue(literal)) {
                    ctx.defer(`${path}.name`, "is computed from another resource, so whether it names a credential is not known until deploy");
                }
            });
        }
    },
});
