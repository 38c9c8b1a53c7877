import { describeCalendar, parseVersionConfig, type VersionConfig } from "../core";
import { aksSupportCalendar, aksVersionConfigSchema, aksVersionFinding, aksVersionsUrl } from "./aks-versions";
import { handled, valueAt } from "./fields";
import { nodePoolPolicy } from "./node-settings";

const name = "aks-node-version-supported";

export const aksNodeVersionSupported = nodePoolPolicy<VersionConfig>({
    name,
    description:
        "The Kubernetes version of AKS node pools (orchestratorVersion) is not past the end of AKS community support, judged by a dated table.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["azure", "upgrades"],
    remediationSteps:
        "Set `orchestratorVersion` on each entry of the ManagedCluster's `agentPoolProfiles` and on each azure-native " +
        "containerservice.AgentPool to a supported minor version (or leave it unset to follow the control plane). Paid long-term " +
        `support does not count. Correct or extend the built-in table with the \`supportTableOverrides\` config. ${describeCalendar(aksSupportCalendar)}`,
    url: aksVersionsUrl,
    configSchema: aksVersionConfigSchema,
    parseConfig: (raw) => parseVersionConfig(name, raw, aksSupportCalendar),
    validatePool: (pool, ctx) => {
        // Absent (or null): the pool runs the control plane's version, which aks-version-supported judges.
        const path = pool.path("orchestratorVersion");
        const version = valueAt(ctx, pool.fields, "orchestratorVersion", { prefix: pool.prefix, fix: `upgrade ${path} to a supported minor version` });
        if (version === handled || version === undefined || version === null) return;
        const found = aksVersionFinding(version, ctx.config, path);
        if (found) ctx.violation(path, found.problem, found.fix);
    },
});
