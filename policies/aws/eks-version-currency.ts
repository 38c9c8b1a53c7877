import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asDict, asString, aws, describeCalendar, parseVersionConfig, resourcePolicy, show, type SupportCalendar, type VersionConfig, versionConfigSchema, versionProblem, wrongType } from "../core";
import { reporter } from "./read";

/**
 * Amazon EKS end of standard support per minor version, reviewed on 2026-11-30. Sources:
 * - 1.27-1.34: the "Amazon EKS Kubernetes release calendar" in the EKS user guide
 *   (https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html, its source
 *   awsdocs/amazon-eks-user-guide latest/ug/versioning/kubernetes-versions.adoc).
 * - 1.35: the copy of that calendar in AWS's aws-samples "sample-apex-skills" EKS review guide (last verified
 *   2026-04-24), and endoflife.date.
 * - 1.36 and 1.20-1.26: only from endoflife.date/amazon-eks (snapshot of 2026-08-22, which takes them from the
 *   same AWS calendar); the vendor pages reachable here did not list them.
 * No EKS release after 1.36 was listed in any source reachable here; a newer version counts as current.
 * Extended support (12 months more, paid) is deliberately not counted. Correct or extend per stack with the
 * `supportTableOverrides` config.
 */
export const eksSupportCalendar: SupportCalendar = {
    support: "EKS standard support",
    reviewedOn: "2026-11-30",
    endOfSupport: {
        "1.20": "2022-11-01",
        "1.21": "2023-02-16",
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
        "1.36": "2027-08-02",
    },
};

const name = "eks-version-currency";

interface Config extends VersionConfig {
    requireStandardSupportType: boolean;
}

export const eksVersionCurrency = resourcePolicy<Unwrap<ClusterArgs>, Config>({
    name,
    description:
        "The EKS cluster runs a Kubernetes version in standard support, and upgradePolicy.supportType is STANDARD so EKS " +
        "upgrades it at the end of standard support instead of keeping it alive on paid extended support.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["aws", "upgrades"],
    remediationSteps:
        'Set `version` on the aws.eks.Cluster to a minor version in standard support (e.g. "1.36") and ' +
        '`upgradePolicy: { supportType: "STANDARD" }`. Upgrade node groups and add-ons along with the control plane. ' +
        describeCalendar(eksSupportCalendar),
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
        ...parseVersionConfig(name, raw, eksSupportCalendar),
        requireStandardSupportType: raw.requireStandardSupportType !== false,
    }),
    appliesTo: aws.eksCluster,
    validate: (cluster, ctx) => {
        const violation = reporter(ctx);
        ctx.judge(() => {
            const version = cluster.version as unknown;
            // Absent (or null): EKS creates the cluster on the latest version it offers.
            const found = version === undefined || version === null ? undefined : versionProblem(version, ctx.config);
            if (!found) return;
            const fix = found.expired ? "upgrade to a minor version in standard support, one minor version at a time" : 'set a minor version such as "1.36"';
            violation("version", found.problem, fix);
        });
        if (!ctx.config.requireStandardSupportType) return;
        const upgradePolicy = cluster.upgradePolicy as unknown;
        const supportType = asDict(upgradePolicy)?.supportType;
        if (asString(supportType) === "STANDARD") return;
        const fix = 'set upgradePolicy: { supportType: "STANDARD" }';
        if (upgradePolicy !== undefined && !asDict(upgradePolicy)) {
            violation("upgradePolicy", wrongType('an object such as { supportType: "STANDARD" }', upgradePolicy), fix);
        } else if (supportType === undefined) {
            violation("upgradePolicy.supportType", "is absent, and EKS then defaults to EXTENDED, keeping the version alive past standard support at extra cost", fix);
        } else if (typeof supportType !== "string") {
            violation("upgradePolicy.supportType", wrongType('the string "STANDARD"', supportType), fix);
        } else {
            violation("upgradePolicy.supportType", `is ${show(supportType)}, which keeps the version alive past standard support at extra cost`, fix);
        }
    },
});
