import { asBool, cisAks, show } from "../core";
import { nodePoolPolicy } from "./node-settings";

export const aksNodeNoPublicIp = nodePoolPolicy({
    name: "aks-node-no-public-ip",
    description: "AKS nodes do not get public IP addresses (inline agentPoolProfiles and AgentPool resources).",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "nodes"],
    framework: cisAks("5.4.3", "Ensure clusters are created with Private Nodes"),
    remediationSteps:
        "Remove `enableNodePublicIP: true` (or set it to false) on each entry of the ManagedCluster's `agentPoolProfiles` and on each " +
        "azure-native containerservice.AgentPool; reach nodes through a bastion, and send egress through a NAT gateway or load balancer.",
    url: "https://learn.microsoft.com/azure/aks/use-node-public-ips",
    validatePool: (pool, ctx) => {
        const value = pool.fields.enableNodePublicIP;
        if (value === undefined || asBool(value) === false) return;
        ctx.violation(pool.path("enableNodePublicIP"), `is ${show(value)}, so every node gets a public IP`, `set ${pool.path("enableNodePublicIP")}: false`);
    },
});
