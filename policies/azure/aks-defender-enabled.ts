import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, cisAks, resourcePolicy } from "../core";
import { requireTrue } from "./fields";

export const aksDefenderEnabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-defender-enabled",
    description: "Microsoft Defender for Containers security monitoring runs on the cluster (threat detection and vulnerability findings).",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["azure", "logging"],
    framework: cisAks("5.1.1", "Ensure Image Vulnerability Scanning using Microsoft Defender for Cloud (MDC) image scanning or a third party provider"),
    remediationSteps:
        "Set `securityProfile: { defender: { logAnalyticsWorkspaceResourceId: workspace.id, securityMonitoring: { enabled: true } } }` " +
        "on the azure-native containerservice.ManagedCluster (with the Defender for Containers plan on the subscription).",
    url: "https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-introduction",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        requireTrue(ctx, cluster, "securityProfile.defender.securityMonitoring.enabled", "is absent, and AKS then runs no Defender sensor");
    },
});
