import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, cisAks, nsaHardening, resourcePolicy, typescriptFix } from "../core";
import { requireTrue } from "./fields";

export const aksDefenderEnabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-defender-enabled",
    displayName: "AKS Defender for Containers on",
    description: "Microsoft Defender for Containers security monitoring runs on the cluster (threat detection and vulnerability findings).",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["azure", "logging"],
    framework: cisAks("5.1.1", "Ensure Image Vulnerability Scanning using Microsoft Defender for Cloud (MDC) image scanning or a third party provider"),
    alsoCites: [
        nsaHardening("Audit Logging and Threat Detection", "Threat detection"),
    ],
    why: "Without Defender, vulnerable images and runtime threats in the cluster are not detected.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            securityProfile: {
                defender: {
                    logAnalyticsWorkspaceResourceId: workspace.id,
                    securityMonitoring: { enabled: true },
                },
            },
        });
    `),
    remediationSteps:
        "Set `securityProfile: { defender: { logAnalyticsWorkspaceResourceId: workspace.id, securityMonitoring: { enabled: true } } }` " +
        "on the azure-native containerservice.ManagedCluster (with the Defender for Containers plan on the subscription).",
    url: "https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-introduction",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        requireTrue(ctx, cluster, "securityProfile.defender.securityMonitoring.enabled", "is absent, and AKS then runs no Defender sensor");
    },
});
