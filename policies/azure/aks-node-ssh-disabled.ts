import { nsaHardening, typescriptFix } from "../core";
import { nodePoolPolicy, requirePoolChoice } from "./node-settings";

export const aksNodeSshDisabled = nodePoolPolicy({
    name: "aks-node-ssh-disabled",
    displayName: "AKS node SSH disabled",
    description: "SSH to Linux AKS nodes is turned off (securityProfile.sshAccess: Disabled); debug nodes with kubectl debug instead.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["azure", "nodes"],
    framework: nsaHardening("Network separation and hardening", "Worker node segmentation"),
    why: "SSH to nodes gives root on the host, outside Kubernetes RBAC and audit.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            agentPoolProfiles: [{
                name: "system", mode: "System", count: 3, vmSize: "Standard_D4s_v5",
                securityProfile: { sshAccess: "Disabled" },
            }],
        });
    `),
    remediationSteps:
        'Set `securityProfile: { sshAccess: "Disabled" }` on each Linux entry of the ManagedCluster\'s `agentPoolProfiles` and on ' +
        "each azure-native containerservice.AgentPool. Windows pools are not checked.",
    url: "https://learn.microsoft.com/azure/aks/manage-ssh-node-access",
    validatePool: (pool, ctx) => {
        if (pool.windows) return;
        requirePoolChoice(
            pool,
            ctx,
            "securityProfile.sshAccess",
            ["disabled"],
            { absent: 'is absent, and AKS then allows SSH as a local user ("LocalUser")', other: (shown) => `is ${shown}`, expected: '"Disabled"' },
            `set ${pool.path("securityProfile.sshAccess")}: "Disabled"`,
        );
    },
});
