import { anyOf, cisAks, cisEks, cisGke, cisKubernetes, kubernetes, resourcePolicy, roleFix } from "../../core";
import { aggregatedIntoNote, roleRules } from "./rbac-rules";

const fields = ["apiGroups", "resources", "verbs"] as const;

export const k8sRbacNoWildcards = resourcePolicy<unknown>({
    name: "k8s-rbac-no-wildcards",
    displayName: "No wildcards in RBAC rules",
    description: "No Role or ClusterRole rule uses \"*\" in apiGroups, resources or verbs, and no aggregation selector pulls in cluster-admin.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "rbac"],
    framework: cisKubernetes("5.1.3", "Minimize wildcard use in Roles and ClusterRoles"),
    alsoCites: [
        cisEks("4.1.3"),
        cisAks("4.1.3"),
        cisGke("4.1.3"),
    ],
    why: "A wildcard grants every current and future resource and verb, including Secrets, escalate and impersonate.",
    fixExample: roleFix(`
        - apiGroups: [apps]
          resources: [deployments]
          verbs: [get, list, watch]
    `),
    remediationSteps:
        "List the API groups, resources and verbs explicitly in `rules[]` of the kubernetes.rbac.v1.Role or ClusterRole " +
        "(e.g. `{apiGroups: [\"apps\"], resources: [\"deployments\"], verbs: [\"get\", \"list\", \"watch\"]}`). A wildcard also " +
        "grants every resource, subresource and verb added to the API later, custom resources included. For an aggregated " +
        "ClusterRole, select only the labels of the roles to aggregate in `aggregationRule.clusterRoleSelectors`.",
    url: "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege",
    appliesTo: anyOf(kubernetes.clusterRole, kubernetes.role),
    validate: (props, ctx) => {
        const reported = new Set<string>();
        const note = aggregatedIntoNote(ctx.type, props);
        for (const ref of roleRules(ctx.type, props)) {
            if (ref.unknownSelector) {
                ctx.defer(ref.unknownSelector);
                continue;
            }
            const wild = fields.filter((f) => ref.rule[f].includes("*"));
            // An unknown entry of these lists may be "*" itself.
            const unknownList = ref.rule.unknown && fields.some((f) => ref.rule.unknown!.lists.has(f));
            if (wild.length === 0 && unknownList && !reported.has(ref.path)) ctx.defer(ref.rule.unknown!.path);
            if (wild.length === 0 || reported.has(ref.path)) continue;
            reported.add(ref.path);
            if (ref.aggregates) {
                ctx.violation(ref.path, `${ref.aggregates}, which grants "*" in ${wild.join(", ")} (every permission in the cluster)`,
                    "select only the labels of the roles to aggregate");
            } else {
                ctx.violation(ref.path, `has "*" in ${wild.map((f) => `${f} ${JSON.stringify(ref.rule[f])}`).join(", ")}${note}`,
                    "list the API groups, resources and verbs the subject needs explicitly");
            }
        }
    },
});
