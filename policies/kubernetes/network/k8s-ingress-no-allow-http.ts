import type * as k8s from "@pulumi/kubernetes/types/input";
import type { Unwrap } from "@pulumi/pulumi";
import { asArray, asBool, asDict, asString, ingressFix, isDict, isUnknown, kubernetes, peek, resourcePolicy, show, trafficEncryption, types, wrongType } from "../../core";
import { judgeWithSiblings, Namespaces, readSibling, SiblingUnknown } from "../links";

const allowHttp = "kubernetes.io/ingress.allow-http";
const frontendConfigAnnotation = "networking.gke.io/v1beta1.FrontendConfig";
const allowPath = `metadata.annotations["${allowHttp}"]`;
const frontendConfigs = types(
    "kubernetes:networking.gke.io/v1beta1:FrontendConfig",
    "kubernetes:networking.gke.io/v1:FrontendConfig",
);

interface PlainHttp {
    /** What allow-http is set to, for the message. */
    problem: string;
    /** The GKE FrontendConfig the Ingress names, if any: its redirectToHttps decides. */
    frontendConfig?: string;
}

/**
 * An Ingress with TLS that asks for plain HTTP too, or undefined. `defer` receives the fields that are unknown
 * in a preview and would decide.
 */
function plainHttpIngress(props: unknown, defer: (field: string) => void): PlainHttp | undefined {
    const metadata = peek(props, "metadata" satisfies keyof k8s.networking.v1.Ingress);
    if (isUnknown(metadata)) return void defer("metadata");
    const annotations = peek(metadata, "annotations" satisfies keyof k8s.meta.v1.ObjectMeta);
    if (isUnknown(annotations)) return void defer("metadata.annotations");
    const value = peek(annotations, allowHttp);
    if (isUnknown(value)) return void defer(allowPath);
    if (asBool(value) !== true) return undefined;
    const spec = peek(props, "spec" satisfies keyof k8s.networking.v1.Ingress);
    if (isUnknown(spec)) return void defer("spec");
    const tls = peek(spec, "tls" satisfies keyof k8s.networking.v1.IngressSpec);
    if (isUnknown(tls)) return void defer("spec.tls");
    // Index reads with peek: an entry computed in a preview still is a TLS entry.
    const entries = asArray(tls).length;
    let hasTls = false;
    for (let i = 0; i < entries && !hasTls; i++) hasTls = isDict(peek(tls, i)) || isUnknown(peek(tls, i));
    if (!hasTls) return undefined;
    const frontendConfig = peek(annotations, frontendConfigAnnotation);
    if (isUnknown(frontendConfig)) return void defer(`metadata.annotations["${frontendConfigAnnotation}"]`);
    const problem =
        typeof value === "string"
            ? `is ${show(value)} on an Ingress with spec.tls`
            : `${wrongType('a string ("false")', value)}, on an Ingress with spec.tls; annotation values are strings, and this one asks for plain HTTP`;
    const name = asString(frontendConfig)?.trim();
    return { problem, ...(name ? { frontendConfig: name } : {}) };
}

const fix =
    `set it to "false", or redirect HTTP to HTTPS with a GKE FrontendConfig (spec.redirectToHttps.enabled: true) named in the ${frontendConfigAnnotation} annotation`;

export const k8sIngressNoAllowHttp = resourcePolicy<Unwrap<k8s.networking.v1.Ingress>>({
    name: "k8s-ingress-no-allow-http",
    displayName: "TLS Ingress does not also serve HTTP",
    description:
        'An Ingress that terminates TLS does not also serve its hosts over plain HTTP: `kubernetes.io/ingress.allow-http` is not "true", ' +
        "unless a GKE FrontendConfig it names redirects HTTP to HTTPS.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "network"],
    ...trafficEncryption,
    why: "If the same hosts are also served over plain HTTP, clients can be downgraded and their cookies and credentials read in transit.",
    fixExample: ingressFix({ "kubernetes.io/ingress.allow-http": "false" }),
    remediationSteps:
        'Set `metadata.annotations["kubernetes.io/ingress.allow-http"]` to "false" on the Ingress. On GKE, to keep port 80 only for ' +
        "a redirect, create a `networking.gke.io/v1beta1` FrontendConfig with `spec: { redirectToHttps: { enabled: true } }` in " +
        'the Ingress\'s namespace and name it in the annotation `networking.gke.io/v1beta1.FrontendConfig: "<name>"`.',
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/ingress-configuration#https_redirect",
    appliesTo: kubernetes.ingress,
    validate: (props, ctx) => {
        const found = plainHttpIngress(props, (field) => ctx.defer(field));
        // An Ingress that names a FrontendConfig is judged with it, on the stack.
        if (found && !found.frontendConfig) ctx.violation(allowPath, `${found.problem}, so its hosts are also served over plain HTTP`, fix);
    },
    validateStack: (ctx) => {
        const configs = ctx.ofType(frontendConfigs);
        if (configs.length === 0) return;
        const namespaces = new Namespaces(ctx.resources);
        for (const ingress of ctx.ofType(kubernetes.ingress)) {
            judgeWithSiblings(ctx, ingress, () => {
                // What is unknown here was deferred when the Ingress was analyzed on its own.
                const found = plainHttpIngress(ingress.props, () => undefined);
                if (!found?.frontendConfig) return;
                const where = namespaces.of(ingress);
                // A FrontendConfig whose name or namespace is unknown in this preview may be the one named.
                let undecided: SiblingUnknown | undefined;
                for (const config of configs) {
                    try {
                        if (readSibling(config, () => asString(asDict(config.props.metadata)?.name)) !== found.frontendConfig) continue;
                        if (namespaces.of(config).key !== where.key) continue;
                        const enabled = readSibling(config, () => asDict(asDict(config.props.spec)?.redirectToHttps)?.enabled);
                        if (asBool(enabled) === true) return;
                        ctx.violation(
                            ingress,
                            allowPath,
                            `${found.problem}, and FrontendConfig ${where.name !== undefined ? `"${where.name}/${found.frontendConfig}"` : `"${found.frontendConfig}" in ${namespaces.describe(where)}`} does not redirect to HTTPS ` +
                                `(spec.redirectToHttps.enabled is ${show(enabled)}), so its hosts are also served over plain HTTP`,
                            fix,
                        );
                        return;
                    } catch (e) {
                        if (!(e instanceof SiblingUnknown)) throw e;
                        undecided ??= e;
                    }
                }
                if (undecided) throw undecided;
            });
        }
    },
});
