import type { PolicyResource } from "@pulumi/policy";
import { anyOf, asBool, asDict, asString, cisAks, cisEks, cisGke, cisKubernetes, deploymentFix, isPatchType, isUnknown, kubernetes, nsaHardening, peek, podSpecOf, stackPolicy, unknownFieldError } from "../../core";
import { computedFrom, judgeWithSiblings, knownName, Namespaces, readSibling, SiblingUnknown } from "../links";

/**
 * The ServiceAccounts of the stack by namespace and name, each with its patches after it: a
 * ServiceAccountPatch that sets the field overrides the ServiceAccount's own value, as in the cluster.
 */
class Accounts {
    private readonly byKey = new Map<string, PolicyResource[]>();

    constructor(resources: readonly PolicyResource[], private readonly namespaces: Namespaces) {
        const accounts = resources.filter((r) => kubernetes.serviceAccount.has(r.type));
        for (const account of [...accounts.filter((a) => !isPatchType(a.type)), ...accounts.filter((a) => isPatchType(a.type))]) {
            const name = knownName(account);
            if (name === undefined) continue;
            try {
                const key = `${namespaces.of(account).key}/${name}`;
                this.byKey.set(key, [...(this.byKey.get(key) ?? []), account]);
            } catch (e) {
                if (!(e instanceof SiblingUnknown)) throw e;
            }
        }
    }

    /** The ServiceAccount objects (and patches) of a name in a namespace. */
    get(namespaceKey: string, name: string): PolicyResource[] {
        return this.byKey.get(`${namespaceKey}/${name}`) ?? [];
    }

    /** The patches of a ServiceAccount object (same namespace and name), in stack order. */
    withPatches(account: PolicyResource): PolicyResource[] {
        const name = knownName(account);
        if (name === undefined) return [account];
        try {
            const found = this.get(this.namespaces.of(account).key, name);
            return found.includes(account) ? found : [account, ...found];
        } catch (e) {
            if (!(e instanceof SiblingUnknown)) throw e;
            return [account];
        }
    }
}

/** The effective automountServiceAccountToken of a ServiceAccount and its patches: the last one that sets it wins. */
function effectiveAutomount(accounts: readonly PolicyResource[]): boolean | undefined {
    for (let i = accounts.length - 1; i >= 0; i--) {
        const value = readSibling(accounts[i], () => asBool(asDict(accounts[i].props)?.automountServiceAccountToken));
        if (value !== undefined) return value;
    }
    return undefined;
}

export const k8sWorkloadNoTokenAutomount = stackPolicy({
    name: "k8s-workload-no-token-automount",
    displayName: "Workloads do not automount tokens",
    description:
        "Workloads do not get an API token mounted unless they ask for it: the pod spec, or the ServiceAccount it " +
        "inherits from when both are in the stack, sets automountServiceAccountToken: false.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "rbac"],
    framework: cisKubernetes("5.1.6", "Ensure that Service Account Tokens are only mounted where necessary"),
    alsoCites: [
        cisEks("4.1.6"),
        cisAks("4.1.6"),
        cisGke("4.1.5"),
        nsaHardening("Kubernetes Pod security", "Protecting Pod service account tokens"),
    ],
    why: "A mounted API token lets anyone who compromises the container act with the pod's ServiceAccount permissions.",
    fixExample: deploymentFix(`
        automountServiceAccountToken: false
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
    `),
    remediationSteps:
        "Set `automountServiceAccountToken: false` in the pod spec (`spec.template.spec.automountServiceAccountToken` for a " +
        "Deployment) or on the kubernetes.core.v1.ServiceAccount the pods run as. Workloads that call the Kubernetes API " +
        "keep the token and carry an exemption annotation `exempt.clusterguard.io/k8s-workload-no-token-automount: <reason>`.",
    url: "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting",
    appliesTo: anyOf(kubernetes.workloads),
    validateStack: (ctx) => {
        const namespaces = new Namespaces(ctx.resources);
        const accounts = new Accounts(ctx.resources, namespaces);
        for (const workload of ctx.ofType(kubernetes.workloads)) {
            if (ctx.exemption(workload)) continue;
            judgeWithSiblings(ctx, workload, () => {
                const pod = podSpecOf(workload.type, workload.props);
                if (!pod) return;
                const spec = pod.spec as Record<string, unknown>;
                const path = `${pod.path}.automountServiceAccountToken`;
                const own = asBool(spec.automountServiceAccountToken);
                if (own === false) return;
                if (own === true) {
                    ctx.violation(workload, path, "is true, so every container can read an API token", "set it to false unless the workload calls the Kubernetes API");
                    return;
                }
                if (pod.isPatch) return; // a patch that does not set it leaves the live setting alone
                // The ServiceAccount the pods run as: by name, or, when the name is computed in this preview,
                // the ServiceAccount of the stack it was computed from.
                const field = peek(spec, "serviceAccountName") !== undefined ? "serviceAccountName" : "serviceAccount";
                const named = peek(spec, field);
                let inherited: PolicyResource[];
                let key: string;
                if (isUnknown(named)) {
                    const source = computedFrom(workload, "spec", kubernetes.serviceAccount);
                    if (!source) throw unknownFieldError(`${pod.path}.${field}`);
                    inherited = accounts.withPatches(source);
                    key = JSON.stringify(knownName(source) ?? source.name);
                } else {
                    const accountName = asString(named) || "default";
                    const namespace = namespaces.of(workload);
                    inherited = accounts.get(namespace.key, accountName);
                    key = JSON.stringify(namespace.name !== undefined ? `${namespace.name}/${accountName}` : accountName);
                }
                const automount = inherited.length > 0 ? effectiveAutomount(inherited) : undefined;
                if (automount === false) return;
                const problem = inherited.length > 0
                    ? `is absent, and the pods inherit ServiceAccount ${key}, which ${automount === true ? "sets automountServiceAccountToken: true" : "does not set automountServiceAccountToken"}, so Kubernetes mounts the API token`
                    : `is absent, and ServiceAccount ${key} is not in this stack, so Kubernetes mounts the API token unless that ServiceAccount opts out`;
                ctx.violation(workload, path, problem, `set automountServiceAccountToken: false here or on ServiceAccount ${key}`);
            });
        }
    },
});
