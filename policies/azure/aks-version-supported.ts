import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, parseVersionConfig, resourcePolicy, supportStatus, type VersionConfig, wrongType } from "../core";
import { aksSupportTable, aksVersionConfigSchema, aksVersionsUrl } from "./aks-versions";
import { handled, valueAt } from "./fields";

export const aksVersionSupported = resourcePolicy<Unwrap<ManagedClusterArgs>, VersionConfig>({
    name: "aks-version-supported",
    description: "The AKS control plane's kubernetesVersion is not past the end of AKS support, judged by a dated table.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["azure", "upgrades"],
    remediationSteps:
        "Set `kubernetesVersion` on the azure-native containerservice.ManagedCluster to a supported minor version, and keep it " +
        'current with `autoUpgradeProfile: { upgradeChannel: "patch" }` or "stable". Correct or extend the built-in table with the ' +
        "`supportTableOverrides` config.",
    url: aksVersionsUrl,
    appliesTo: azure.managedCluster,
    configSchema: aksVersionConfigSchema,
    parseConfig: (raw) => parseVersionConfig(raw, aksSupportTable),
    validate: (cluster, ctx) => {
        const fix = "upgrade kubernetesVersion to a supported minor version";
        const version = valueAt(ctx, cluster, "kubernetesVersion", { fix });
        // Absent: AKS picks its current default version.
        if (version === handled || version === undefined) return;
        if (typeof version !== "string") {
            ctx.violation("kubernetesVersion", wrongType('a version string such as "1.33"', version), fix);
            return;
        }
        const status = supportStatus(version, ctx.config.table, ctx.config.referenceDate);
        if (!status?.expired) return;
        ctx.violation(
            "kubernetesVersion",
            `is "${String(version)}": AKS support for ${status.minor} ended on ${status.endOfSupport}`,
            fix,
        );
    },
});
