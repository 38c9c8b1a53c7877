import { typescriptFix } from "../core";
import { nodePoolPolicy, requirePoolTrue } from "./node-settings";

export const aksNodeTrustedLaunch = nodePoolPolicy({
    name: "aks-node-trusted-launch",
    displayName: "AKS nodes use Trusted Launch",
    description: "AKS nodes use Trusted Launch: Secure Boot and a virtual TPM, which detect boot kits and kernel tampering.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["azure", "nodes"],
    why: "Without Secure Boot and vTPM, a boot kit or tampered kernel on a node goes undetected and controls every pod on it.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            agentPoolProfiles: [{
                name: "system", mode: "System", count: 3, vmSize: "Standard_D4s_v5",
                securityProfile: { enableSecureBoot: true, enableVTPM: true },
            }],
        });
    `),
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
