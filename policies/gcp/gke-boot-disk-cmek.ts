import { cisGke, isUnknown, peek, PolicyConfigError, resourcePolicy, show } from "../core";
import { forEachTarget, type GkeProps, gkeClusterOrPool, nodeTargets } from "./gke-nodes";
import { readString, wrong } from "./gke-values";

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
        forEachTarget(ctx, nodeTargets(props, ctx, { autoProvisioning: true }), (target) => {
            const path = `${target.path}.bootDiskKmsKey`;
            const fix = "set bootDiskKmsKey to a Cloud KMS key id";
            // A key computed from another resource (unknown in a preview) is a key: only the allowed key rings need its value.
            if (isUnknown(peek(target.config, "bootDiskKmsKey"))) {
                if (ctx.config.keyPrefixes.length > 0) ctx.defer(path, "is computed from another resource, and allowedKeyPrefixes needs its value");
                return;
            }
            const raw = readString(ctx, target.config, "bootDiskKmsKey", fix, target.path);
            if (raw === wrong) return;
            const key = raw?.trim();
            if (!key) {
                ctx.violation(path, `is ${key === "" ? "empty" : "absent"}${target.where}, and boot disks then use Google-managed keys`, fix);
            } else if (ctx.config.keyPrefixes.length > 0 && !ctx.config.keyPrefixes.some((p) => key.startsWith(p))) {
                ctx.violation(path, `is ${show(key)}${target.where}, outside the allowed key rings`, `use a key under ${ctx.config.keyPrefixes.join(" or ")}`);
            }
        });
    },
});
