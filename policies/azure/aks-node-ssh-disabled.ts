import { nodePoolPolicy, requirePoolChoice } from "./node-settings";

export const aksNodeSshDisabled = nodePoolPolicy({
    name: "aks-node-ssh-disabled",
    description: "SSH to Linux AKS nodes is turned off (securityProfile.sshAccess: Disabled); debug nodes with kubectl debug instead.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["azure", "nodes"],
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
