import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asStrings, aws, cisEks, isUnknown, peek, resourcePolicy, show, wrongType } from "../core";
import { indices, reporter } from "./read";

export const eksLogTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

interface Config {
    requiredLogTypes: string[];
    requireAllLogTypes: boolean;
}

export const eksControlPlaneLogging = resourcePolicy<Unwrap<ClusterArgs>, Config>({
    name: "eks-control-plane-logging",
    description: "The EKS control plane sends the required log types (by default api, audit and authenticator) to CloudWatch Logs.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["aws", "logging"],
    framework: cisEks("2.1.1", "Enable audit Logs"),
    remediationSteps:
        'Set `enabledClusterLogTypes: ["api", "audit", "authenticator"]` on the aws.eks.Cluster (add "controllerManager" ' +
        'and "scheduler" for all five; with @pulumi/eks the eks.Cluster argument of the same name), and create the ' +
        "`/aws/eks/<cluster>/cluster` aws.cloudwatch.LogGroup with a retention period.",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html",
    configSchema: {
        properties: {
            requiredLogTypes: {
                type: "array",
                items: { type: "string", enum: [...eksLogTypes] },
                default: ["api", "audit", "authenticator"],
                description: "Control-plane log types every cluster must enable.",
            },
            requireAllLogTypes: {
                type: "boolean",
                default: false,
                description: "Require all five log types (api, audit, authenticator, controllerManager, scheduler).",
            },
        },
    },
    appliesTo: aws.eksCluster,
    validate: (cluster, ctx) => {
        const required = ctx.config.requireAllLogTypes ? [...eksLogTypes] : ctx.config.requiredLogTypes;
        const raw = peek(cluster, "enabledClusterLogTypes");
        const fixFor = (enabled: string[]) => `set enabledClusterLogTypes: ${JSON.stringify([...new Set([...enabled, ...required])])}`;
        if (isUnknown(raw) || indices(raw).some((i) => isUnknown(peek(raw, i)))) return ctx.defer("enabledClusterLogTypes");
        if (raw !== undefined && raw !== null && !Array.isArray(raw)) {
            // A lone string such as "api" is not a list of log types: EKS would not read it as one.
            return reporter(ctx)("enabledClusterLogTypes", wrongType("an array of log types", raw), fixFor([]));
        }
        const enabled = asStrings(raw);
        const missing = required.filter((t) => !enabled.includes(t));
        if (missing.length === 0) return;
        const found = raw === undefined || raw === null ? "is absent, and EKS then sends no control-plane logs" : `is ${show(raw)}`;
        reporter(ctx)("enabledClusterLogTypes", `${found}; missing ${missing.map((t) => JSON.stringify(t)).join(", ")}`, fixFor(enabled));
    },
});
