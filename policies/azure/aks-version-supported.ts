import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, describeCalendar, parseVersionConfig, resourcePolicy, type VersionConfig } from "../core";
import { aksSupportCalendar, aksVersionConfigSchema, aksVersionFinding, aksVersionsUrl } from "./aks-versions";
import { handled, valueAt } from "./fields";

const name = "aks-version-supported";

export const aksVersionSupported = resourcePolicy<Unwrap<ManagedClusterArgs>, VersionConfig>({
    name,
    description: "The AKS control plane's kubernetesVersion is not past the end of AKS community support, judged by a dated table.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["azure", "upgrades"],
    remediationSteps:
        "Set `kubernetesVersion` on the azure-native containerservice.ManagedCluster to a supported minor version, and keep it " +
        'current with `autoUpgradeProfile: { upgradeChannel: "patch" }` or "stable". Paid long-term support does not count; a ' +
        "cluster that deliberately runs on it takes the exemption tag with its LTS end date as the reason. Correct or extend the " +
        `built-in table with the \`supportTableOverrides\` config. ${describeCalendar(aksSupportCalendar)}`,
    url: aksVersionsUrl,
    appliesTo: azure.managedCluster,
    configSchema: aksVersionConfigSchema,
    parseConfig: (raw) => parseVersionConfig(name, raw, aksSupportCalendar),
    validate: (cluster, ctx) => {
        // Absent (or null): AKS picks its current default version.
        const version = valueAt(ctx, cluster, "kubernetesVersion", { fix: "upgrade kubernetesVersion to a supported minor version" });
        if (version === handled || version === undefined || version === null) return;
        const found = aksVersionFinding(version, ctx.config, "kubernetesVersion");
        if (found) ctx.violation("kubernetesVersion", found.problem, found.fix);
    },
});
