import { parseVersionConfig, supportStatus, type VersionConfig, wrongType } from "../core";
import { aksSupportTable, aksVersionConfigSchema, aksVersionsUrl } from "./aks-versions";
import { handled, valueAt } from "./fields";
import { nodePoolPolicy } from "./node-settings";

export const aksNodeVersionSupported = nodePoolPolicy<VersionConfig>({
    name: "aks-node-version-supported",
    description: "The Kubernetes version of AKS node pools (orchestratorVersion) is not past the end of AKS support, judged by a dated table.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["azure", "upgrades"],
    remediationSteps:
        "Set `orchestratorVersion` on each entry of the ManagedCluster's `agentPoolProfiles` and on each azure-native " +
        "containerservice.AgentPool to a supported minor version (or leave it unset to follow the control plane). " +
        "Correct or extend the built-in table with the `supportTableOverrides` config.",
    url: aksVersionsUrl,
    configSchema: aksVersionConfigSchema,
    parseConfig: (raw) => parseVersionConfig(raw, aksSupportTable),
    validatePool: (pool, ctx) => {
        const path = pool.path("orchestratorVersion");
        const fix = `upgrade ${path} to a supported minor version`;
        const version = valueAt(ctx, pool.fields, "orchestratorVersion", { prefix: pool.prefix, fix });
        // Absent: the pool follows the control plane's version.
        if (version === handled || version === undefined) return;
        if (typeof version !== "string") {
            ctx.violation(path, wrongType('a version string such as "1.33"', version), fix);
            return;
        }
        const status = supportStatus(version, ctx.config.table, ctx.config.referenceDate);
        if (!status?.expired) return;
        ctx.violation(path, `is "${version}": AKS support for ${status.minor} ended on ${status.endOfSupport}`, fix);
    },
});
