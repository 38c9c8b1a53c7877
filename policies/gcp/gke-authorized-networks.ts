import { asNumber, cisGke, isDict, wrongType, gcp, isBroaderThan, isOpenToWorld, parseCidr, PolicyConfigError, resourcePolicy } from "../core";
import { type ClusterProps, publicIpEndpoint } from "./gke-nodes";
import { readArray, readBool, readDict, readString, wrong } from "./gke-values";

interface Config {
    minimumPrefix: { ipv4: number; ipv6: number };
}

export const gkeAuthorizedNetworks = resourcePolicy<ClusterProps, Config>({
    name: "gke-authorized-networks",
    description:
        "A GKE control plane with a public IP endpoint admits only authorized networks, and none as broad as 0.0.0.0/0.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "control-plane"],
    framework: cisGke("5.6.3", "Ensure Control Plane Authorized Networks is Enabled"),
    remediationSteps:
        "On the gcp.container.Cluster set `masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: \"203.0.113.0/24\", " +
        "displayName: \"office\" }], gcpPublicCidrsAccessEnabled: false }` with only the ranges that need the API, or make " +
        "the endpoint private (`privateClusterConfig.enablePrivateEndpoint: true`).",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks",
    configSchema: {
        properties: {
            minimumIpv4Prefix: {
                type: "integer", minimum: 0, maximum: 32, default: 8,
                description: "IPv4 ranges with a shorter prefix than this (e.g. /0 to /7) count as too broad.",
            },
            minimumIpv6Prefix: {
                type: "integer", minimum: 0, maximum: 128, default: 32,
                description: "IPv6 ranges with a shorter prefix than this count as too broad.",
            },
        },
    },
    parseConfig: (raw) => {
        const ipv4 = asNumber(raw.minimumIpv4Prefix);
        const ipv6 = asNumber(raw.minimumIpv6Prefix);
        if (ipv4 === undefined || ipv4 < 0 || ipv4 > 32) throw new PolicyConfigError("gke-authorized-networks", "minimumIpv4Prefix must be 0-32");
        if (ipv6 === undefined || ipv6 < 0 || ipv6 > 128) throw new PolicyConfigError("gke-authorized-networks", "minimumIpv6Prefix must be 0-128");
        return { minimumPrefix: { ipv4, ipv6 } };
    },
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        if (!publicIpEndpoint(cluster)) {
            ctx.notApplicable("the control plane has no public IP endpoint (private endpoint, or IP endpoint disabled)");
        }
        const fix = "set masterAuthorizedNetworksConfig.cidrBlocks to the ranges that need the API";
        const networks = readDict(ctx, cluster, "masterAuthorizedNetworksConfig", fix);
        if (networks === wrong) return;
        if (!networks) {
            ctx.violation(
                "masterAuthorizedNetworksConfig",
                "is absent, and GKE then accepts connections to the public endpoint from any address",
                fix,
            );
            return;
        }
        const base = "masterAuthorizedNetworksConfig";
        const entryFix = "give each entry as { cidrBlock: \"203.0.113.0/24\", displayName: \"office\" }";
        const checkBlock = (block: unknown, path: string) => {
            if (!isDict(block)) {
                ctx.violation(path, wrongType("an object", block), entryFix);
                return;
            }
            const text = readString(ctx, block, "cidrBlock", entryFix, path);
            if (text === wrong) return;
            const cidr = parseCidr(text);
            if (!cidr) return;
            if (isOpenToWorld(cidr) || isBroaderThan(cidr, ctx.config.minimumPrefix)) {
                ctx.violation(
                    `${path}.cidrBlock`,
                    `is ${JSON.stringify(cidr.text)}, ${isOpenToWorld(cidr) ? "which admits every address" : `broader than /${ctx.config.minimumPrefix[cidr.family]}`}`,
                    "list only the networks that need the API",
                );
            }
        };
        ctx.judge(() => {
            const blocks = readArray(ctx, networks, "cidrBlocks", entryFix, base);
            if (blocks === wrong) return;
            (blocks ?? []).forEach((block, i) => ctx.judge(() => checkBlock(block, `${base}.cidrBlocks[${i}]`)));
        });
        ctx.judge(() => {
            const fixPublic = "set masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled: false";
            if (readBool(ctx, networks, "gcpPublicCidrsAccessEnabled", fixPublic, base) === true) {
                ctx.violation(
                    `${base}.gcpPublicCidrsAccessEnabled`,
                    "is true, so every Google Cloud public IP address (any customer's VM) may reach the endpoint",
                    fixPublic,
                );
            }
        });
    },
});
