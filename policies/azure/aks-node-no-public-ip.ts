import { asBool, cisAks, nsaHardening, show, typescriptFix, wrongType } from "../core";
import { handled, valueAt } from "./fields";
import { nodePoolPolicy } from "./node-settings";

export const aksNodeNoPublicIp = nodePoolPolicy({
    name: "aks-node-no-public-ip",
    displayName: "AKS nodes have no public IP",
    description: "AKS nodes do not get public IP addresses (inline agentPoolProfiles and AgentPool resources).",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "nodes"],
    framework: cisAks("5.4.3", "Ensure clusters are created with Private Nodes"),
    alsoCites: [
        nsaHardening("Network separation and hardening", "Worker node segmentation"),
    ],
    why: "Nodes with public IPs expose the kubelet, SSH and NodePorts to the internet.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            agentPoolProfiles: [{ name: "system", mode: "System", count: 3, vmSize: "Standard_D4s_v5", enableNodePublicIP: false }],
        });
    `),
    remediationSteps:
        "Remove `enableNodePublicIP: true` (or set it to false) on each entry of the ManagedCluster's `agentPoolProfiles` and on each " +
        "azure-native containerservice.AgentPool; reach nodes through a bastion, and send egress through a NAT gateway or load balancer.",
    url: "https://learn.microsoft.com/azure/aks/use-node-public-ips",
    validatePool: (pool, ctx) => {
        const fix = `set ${pool.path("enableNodePublicIP")}: false`;
        const value = valueAt(ctx, pool.fields, "enableNodePublicIP", { prefix: pool.prefix, fix });
        if (value === handled || value === undefined || asBool(value) === false) return;
        const problem = asBool(value) === true ? `is ${show(value)}, so every node gets a public IP` : wrongType("a boolean", value);
        ctx.violation(pool.path("enableNodePublicIP"), problem, fix);
    },
});
