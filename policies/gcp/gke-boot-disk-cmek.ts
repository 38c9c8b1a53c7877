import { asString, cisGke, PolicyConfigError, resourcePolicy, show } from "../core";
import { type GkeProps, gkeClusterOrPool, nodeTargets } from "./gke-nodes";

interface Config {
    keyPrefixes: string[];
}

export const gkeBootDiskCmek = resourcePolicy<GkeProps, Config>({
    name: "gke-boot-disk-cmek",
    description: "Node boot disks are encrypted with a customer-managed Cloud KMS key (CMEK).",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["gcp", "encryption"],
    framework: cisGke("5.9.2", "Enable Customer-Managed Encryption Keys (CMEK) for Boot Disks"),
    remediationSteps:
        "Set `nodeConfig.bootDiskKmsKey: key.id` on every gcp.container.NodePool (and the Cluster's nodeConfig / inline " +
        "nodePools); for Autopilot and node auto-provisioning set `clusterAutoscaling.autoProvisioningDefaults.bootDiskKmsKey`.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/using-cmek",
    configSchema: {
        properties: {
            allowedKeyPrefixes: {
                type: "array",
                items: { type: "string", minLength: 1 },
                default: [],
                description:
                    'When not empty, the key must start with one of these, e.g. "projects/sec-kms/locations/europe-west1/keyRings/gke/".',
            },
        },
    },
    parseConfig: (raw) => {
        const prefixes = raw.allowedKeyPrefixes;
        if (!Array.isArray(prefixes) || prefixes.some((p) => typeof p !== "string")) {
            throw new PolicyConfigError("gke-boot-disk-cmek", "allowedKeyPrefixes must be a list of strings");
        }
        return { keyPrefixes: prefixes as string[] };
    },
    appliesTo: gkeClusterOrPool,
    validate: (props, ctx) => {
        for (const target of nodeTargets(props, ctx, { autoProvisioning: true })) {
            const key = asString(target.config?.bootDiskKmsKey)?.trim();
            if (!key) {
                ctx.violation(
                    `${target.path}.bootDiskKmsKey`,
                    `is ${key === "" ? "empty" : "absent"}${target.where}, and boot disks then use Google-managed keys`,
                    "set bootDiskKmsKey to a Cloud KMS key id",
                );
            } else if (ctx.config.keyPrefixes.length > 0 && !ctx.config.keyPrefixes.some((p) => key.startsWith(p))) {
                ctx.violation(
                    `${target.path}.bootDiskKmsKey`,
                    `is ${show(key)}${target.where}, outside the allowed key rings`,
                    `use a key under ${ctx.config.keyPrefixes.join(" or ")}`,
                );
            }
        }
    },
});
