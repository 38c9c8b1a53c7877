import type { AccessPolicyAssociationArgs } from "@pulumi/aws/eks/accessPolicyAssociation";
import type { Unwrap } from "@pulumi/pulumi";
import { asString, aws, cisEks, isUnknown, peek, resourcePolicy } from "../core";
import { reporter } from "./read";

interface Config {
    allowedPrincipalArns: string[];
}

const clusterAdminPolicy = "AmazonEKSClusterAdminPolicy";

/** `*` matches any run of characters (ARNs contain `/`, so path globs do not fit). */
function wildcard(pattern: string): RegExp {
    return new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
}

export const eksClusterAdminAccess = resourcePolicy<Unwrap<AccessPolicyAssociationArgs>, Config>({
    name: "eks-cluster-admin-access",
    description:
        "AmazonEKSClusterAdminPolicy is granted at cluster scope only to principals on an allow-list; everyone else gets " +
        "narrower policies or namespace scope.",
    severity: "high",
    enforcementLevel: "advisory",
    tags: ["aws", "identity"],
    framework: cisEks("4.1.1", "Ensure that the cluster-admin role is only used where required"),
    remediationSteps:
        'Associate a narrower policy (e.g. `policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy"`) or ' +
        '`accessScope: { type: "namespace", namespaces: ["team-a"] }` on the aws.eks.AccessPolicyAssociation; list the ' +
        "break-glass administrators in this policy's allowedPrincipalArns.",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/access-policy-permissions.html",
    configSchema: {
        properties: {
            allowedPrincipalArns: {
                type: "array",
                items: { type: "string", minLength: 1 },
                default: [],
                description: "IAM principal ARNs (with * wildcards) allowed AmazonEKSClusterAdminPolicy at cluster scope.",
            },
        },
    },
    appliesTo: aws.eksAccessPolicyAssociation,
    validate: (association, ctx) => {
        const rawPolicy = peek(association, "policyArn");
        if (isUnknown(rawPolicy)) return ctx.defer("policyArn");
        const policyArn = asString(rawPolicy);
        if (!policyArn || !policyArn.endsWith(`/${clusterAdminPolicy}`)) return;
        const scope = peek(association, "accessScope");
        const scopeType = isUnknown(scope) ? scope : peek(scope, "type");
        if (isUnknown(scopeType)) return ctx.defer("accessScope.type");
        if (asString(scopeType) !== "cluster") return;
        const rawPrincipal = peek(association, "principalArn");
        if (isUnknown(rawPrincipal) && ctx.config.allowedPrincipalArns.length > 0) {
            return ctx.defer("principalArn", "is computed from another resource, so whether allowedPrincipalArns lists it");
        }
        const principal = asString(rawPrincipal);
        if (principal && ctx.config.allowedPrincipalArns.some((p) => wildcard(p).test(principal))) return;
        reporter(ctx)(
            "accessScope.type",
            `is "cluster" with ${clusterAdminPolicy}, making ${principal ? JSON.stringify(principal) : "the principal"} an administrator of the whole cluster`,
            'grant a narrower policy or accessScope: { type: "namespace", namespaces: [...] }, or add the principal to allowedPrincipalArns',
        );
    },
});
