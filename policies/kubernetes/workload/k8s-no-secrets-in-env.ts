import type * as k8s from "@pulumi/kubernetes/types/input";
import { asDict, cisKubernetes, containersOf, isUnknown, kubernetes, peek, podSpecOf, resourcePolicy, show } from "../../core";
import { judgeEach } from "./container-checks";

const leaks = "environment variables leak into logs, crash reports, child processes and `kubectl describe` output";

export const k8sNoSecretsInEnv = resourcePolicy<unknown>({
    name: "k8s-no-secrets-in-env",
    description:
        "Containers read Secrets from mounted files, not from environment variables (`env[].valueFrom.secretKeyRef`, " +
        "`envFrom[].secretRef`). Advisory: many applications read credentials only from the environment.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload"],
    framework: cisKubernetes("5.4.1", "Prefer using secrets as files over secrets as environment variables"),
    remediationSteps:
        'Mount the Secret as a volume instead: `volumes: [{ name: "db", secret: { secretName: "db" } }]` and, on the container, ' +
        '`volumeMounts: [{ name: "db", mountPath: "/var/run/secrets/db", readOnly: true }]`; remove the `valueFrom.secretKeyRef` ' +
        "env entries and `envFrom[].secretRef`, and have the application read the file (e.g. `DB_PASSWORD_FILE=/var/run/secrets/db/password`). " +
        "Mounted Secrets are also updated in place when the Secret changes.",
    url: "https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod",
    appliesTo: kubernetes.workloads,
    validate: (props, ctx) => {
        const pod = podSpecOf(ctx.type, props);
        if (!pod) return;
        const fix = "mount the Secret as a volume and read it from the file";
        for (const c of containersOf(pod)) {
            judgeEach(ctx, () => c.container.env, (entry, index) => {
                const ref = asDict(asDict(asDict(entry)?.["valueFrom" satisfies keyof k8s.core.v1.EnvVar])?.["secretKeyRef" satisfies keyof k8s.core.v1.EnvVarSource]);
                if (!ref) return;
                const name = peek(entry, "name" satisfies keyof k8s.core.v1.EnvVar);
                ctx.violation(
                    `${c.path}.env[${index}].valueFrom.secretKeyRef`,
                    `reads key ${show(peek(ref, "key" satisfies keyof k8s.core.v1.SecretKeySelector))} of Secret ${show(peek(ref, "name"))} into ${isUnknown(name) ? "an environment variable" : `environment variable ${show(name)}`} of ${c.label}; ${leaks}`,
                    fix,
                );
            });
            judgeEach(ctx, () => c.container.envFrom, (entry, index) => {
                const ref = asDict(asDict(entry)?.["secretRef" satisfies keyof k8s.core.v1.EnvFromSource]);
                if (!ref) return;
                ctx.violation(`${c.path}.envFrom[${index}].secretRef`, `loads every key of Secret ${show(peek(ref, "name"))} into the environment of ${c.label}; ${leaks}`, fix);
            });
        }
    },
});
