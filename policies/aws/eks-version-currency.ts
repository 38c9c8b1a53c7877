import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asDict, asString, aws, parseVersionConfig, resourcePolicy, show, type SupportTable, supportStatus, type VersionConfig, versionConfigSchema } from "../core";

/**
 * Amazon EKS end of standard support per minor version (the Kubernetes release calendar in the EKS user
 * guide, https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html). Checked 2026: 1.27-1.35
 * against the AWS calendar as mirrored by endoflife.date; older dates are past either way.
 * Add new versions here, or per stack with the `supportTableOverrides` config.
 */
export const eksStandardSupportEnd: SupportTable = {
    "1.20": "2022-11-01",
    "1.21": "2023-02-15",
    "1.22": "2023-06-04",
    "1.23": "2023-10-11",
    "1.24": "2024-01-31",
    "1.25": "2024-05-01",
    "1.26": "2024-06-11",
    "1.27": "2024-07-24",
    "1.28": "2024-11-26",
    "1.29": "2025-03-23",
    "1.30": "2025-07-23",
    "1.31": "2025-11-26",
    "1.32": "2026-03-23",
    "1.33": "2026-07-29",
    "1.34": "2026-12-02",
    "1.35": "2027-03-27",
};

interface Config extends VersionConfig {
    requireStandardSupportType: boolean;
}

export const eksVersionCurrency = resourcePolicy<Unwrap<ClusterArgs>, Config>({
    name: "eks-version-currency",
    description:
        "The EKS cluster runs a Kubernetes version in standard support, and upgradePolicy.supportType is STANDARD so EKS " +
        "upgrades it at the end of standard support instead of keeping it alive on paid extended support.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["aws", "upgrades"],
    remediationSteps:
        'Set `version` on the aws.eks.Cluster to a minor version in standard support (e.g. "1.34") and ' +
        '`upgradePolicy: { supportType: "STANDARD" }`. Upgrade node groups and add-ons along with the control plane.',
    url: "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html",
    configSchema: {
        properties: {
            ...versionConfigSchema,
            requireStandardSupportType: {
                type: "boolean",
                default: true,
                description: 'Require upgradePolicy.supportType "STANDARD" (EXTENDED keeps old versions alive at extra cost).',
            },
        },
    },
    parseConfig: (raw) => ({
        ...parseVersionConfig(raw, eksStandardSupportEnd),
        requireStandardSupportType: raw.requireStandardSupportType !== false,
    }),
    appliesTo: aws.eksCluster,
    validate: (cluster, ctx) => {
        const version = cluster.version as unknown;
        // Absent: EKS creates the cluster on the latest version it offers.
        if (version !== undefined) {
            const verdict = supportStatus(version, ctx.config.table, ctx.config.referenceDate);
            if (!verdict) {
                ctx.violation("version", `is ${show(version)}, which is not a Kubernetes version`, 'set a minor version such as "1.34"');
            } else if (verdict.expired) {
                ctx.violation(
                    "version",
                    `is ${show(version)}, whose EKS standard support ended on ${verdict.endOfSupport}`,
                    "upgrade to a minor version in standard support, one minor version at a time",
                );
            }
        }
        if (!ctx.config.requireStandardSupportType) return;
        const supportType = asDict(cluster.upgradePolicy)?.supportType;
        const type = asString(supportType);
        if (type === "STANDARD") return;
        ctx.violation(
            "upgradePolicy.supportType",
            supportType === undefined
                ? "is absent, and EKS then defaults to EXTENDED, keeping the version alive past standard support at extra cost"
                : `is ${show(supportType)}, which keeps the version alive past standard support at extra cost`,
            'set upgradePolicy: { supportType: "STANDARD" }',
        );
    },
});
