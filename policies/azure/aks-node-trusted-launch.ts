import { nodePoolPolicy, requirePoolTrue } from "./node-settings";

export const aksNodeTrustedLaunch = nodePoolPolicy({
    name: "aks-node-trusted-launch",
    description: "AKS nodes use Trusted Launch: Secure Boot and a virtual TPM, which detect boot kits and kernel tampering.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["azure", "nodes"],
    remediationSteps:
        "Set `securityProfile: { enableSecureBoot: true, enableVTPM: true }` on each entry of the ManagedCluster's " +
        "`agentPoolProfiles` and on each azure-native containerservice.AgentPool (Gen 2 VM sizes).",
    url: "https://learn.microsoft.com/azure/aks/use-trusted-launch",
    validatePool: (pool, ctx) => {
        for (const field of ["securityProfile.enableSecureBoot", "securityProfile.enableVTPM"]) {
            ctx.judge(() => requirePoolTrue(pool, ctx, field, "is absent, and AKS then launches nodes without it"));
        }
    },
});
