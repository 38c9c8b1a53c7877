import type { ReleaseArgs } from "@pulumi/kubernetes/helm/v3/release";
import type { Unwrap } from "@pulumi/pulumi";
import picomatch from "picomatch";
import { isUnknown, literalCredential, looksLikeCredential, peek, resourcePolicy } from "../../core";
import { helmRelease, valueLeaves } from "./helm-release";

interface Config {
    ignore: (path: string) => boolean;
}

const exposure = "Helm keeps values in the release record (a Secret in the namespace) and Pulumi in the state, and the chart renders it where no policy sees";

export const k8sHelmReleaseNoCredentials = resourcePolicy<Unwrap<ReleaseArgs>, Config>({
    name: "k8s-helm-release-no-credentials",
    description:
        "A `kubernetes.helm.v3.Release` passes no credential in `values`: no key with a credential's name (password, token, secret, " +
        "apiKey, ...) holds a value, and no value looks like one (AWS access key id, private key, token, URL with a password). " +
        "Advisory: the pack cannot tell a value read from Pulumi secret configuration from a literal.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload"],
    remediationSteps:
        "Create the credential as a `kubernetes.core.v1.Secret` (from Pulumi secret configuration) and pass the chart the Secret's name " +
        "instead of the value: most charts take it as `existingSecret` (e.g. `values: { auth: { existingSecret: \"db-credentials\" } }`). " +
        "List keys that are not credentials in the policy's `ignoreValuePaths`.",
    url: "https://kubernetes.io/docs/concepts/configuration/secret/",
    configSchema: {
        properties: {
            ignoreValuePaths: {
                type: "array",
                items: { type: "string", minLength: 1 },
                default: [],
                description: 'Glob patterns of value paths that are not credentials despite their name, e.g. "values.auth.passwordPolicy".',
            },
        },
    },
    parseConfig: (raw) => {
        const patterns = raw.ignoreValuePaths as string[];
        return { ignore: patterns.length > 0 ? picomatch(patterns, { dot: true }) : () => false };
    },
    appliesTo: helmRelease,
    validate: (props, ctx) => {
        const values = peek(props, "values" satisfies keyof ReleaseArgs);
        if (isUnknown(values)) return ctx.defer("values", "is computed from another resource, so it cannot be checked for credentials until deploy");
        const fix = "put it in a Secret and pass the chart the Secret's name instead (e.g. existingSecret)";
        for (const leaf of valueLeaves(values)) {
            if (ctx.config.ignore(leaf.path)) continue;
            if (isUnknown(leaf.value)) {
                if (leaf.key !== undefined && looksLikeCredential(leaf.key)) {
                    ctx.violation(leaf.path, `holds a credential, computed from another resource, in the Release's values: ${exposure}`, fix);
                } else {
                    ctx.defer(leaf.path, "is computed from another resource, so its text cannot be checked for a credential until deploy");
                }
                continue;
            }
            // Numbers and booleans in values are settings (passwordLength: 32, auth.enabled: true), not credentials.
            const why = typeof leaf.value === "string" ? literalCredential(leaf.key, leaf.value) : undefined;
            if (why) ctx.violation(leaf.path, `holds a credential in the Release's values (${why}): ${exposure}`, fix);
        }
    },
});
