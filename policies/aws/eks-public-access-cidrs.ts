import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asNumber, aws, cisEks, isBroaderThan, isOpenToWorld, isUnknown, parseCidr, PolicyConfigError, peek, resourcePolicy, show, wrongType } from "../core";
import { indices, readBool, reporter } from "./read";

interface Config {
    minimumPrefixIpv4: number;
    minimumPrefixIpv6: number;
}

const prefix = (raw: unknown, key: string, max: number): number => {
    const n = asNumber(raw);
    if (n === undefined || !Number.isInteger(n) || n < 0 || n > max) {
        throw new PolicyConfigError("eks-public-access-cidrs", `${key} must be an integer from 0 to ${max}, got ${show(raw)}`);
    }
    return n;
};

export const eksPublicAccessCidrs = resourcePolicy<Unwrap<ClusterArgs>, Config>({
    name: "eks-public-access-cidrs",
    description: "If the EKS API endpoint is public, only narrow, known CIDR ranges may reach it, never 0.0.0.0/0 or ::/0.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["aws", "network"],
    framework: cisEks("5.4.1", "Restrict Access to the Control Plane Endpoint"),
    remediationSteps:
        "Prefer a private endpoint (`vpcConfig.endpointPublicAccess: false`). If the endpoint must stay public, set " +
        '`vpcConfig.publicAccessCidrs: ["203.0.113.10/32"]` on the aws.eks.Cluster to the egress ranges of your offices, ' +
        "VPN and CI, each at least as narrow as the configured minimum prefix. With @pulumi/eks, set `endpointPublicAccess: false`, " +
        "or `publicAccessCidrs`, on the eks.Cluster.",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
    configSchema: {
        properties: {
            minimumPrefixIpv4: {
                type: "integer",
                minimum: 0,
                maximum: 32,
                default: 24,
                description: "IPv4 ranges broader than this prefix length (e.g. a /16 when the minimum is 24) are flagged.",
            },
            minimumPrefixIpv6: {
                type: "integer",
                minimum: 0,
                maximum: 128,
                default: 56,
                description: "IPv6 ranges broader than this prefix length are flagged.",
            },
        },
    },
    parseConfig: (raw) => ({
        minimumPrefixIpv4: prefix(raw.minimumPrefixIpv4, "minimumPrefixIpv4", 32),
        minimumPrefixIpv6: prefix(raw.minimumPrefixIpv6, "minimumPrefixIpv6", 128),
    }),
    appliesTo: aws.eksCluster,
    validate: (cluster, ctx) => {
        const report = reporter(ctx);
        const vpc = peek(cluster, "vpcConfig");
        if (isUnknown(vpc)) return ctx.defer("vpcConfig");
        // A private-only endpoint has no public allow-list to judge.
        const publicAccess = readBool(vpc, "endpointPublicAccess");
        if (publicAccess === false) return;
        if (publicAccess === "unknown") return ctx.defer("vpcConfig.endpointPublicAccess", "is computed from another resource, and the allow-list matters only for a public endpoint");
        const raw = peek(vpc, "publicAccessCidrs");
        const fix = 'list only your egress ranges, e.g. publicAccessCidrs: ["203.0.113.10/32"], or set vpcConfig.endpointPublicAccess: false';
        if (isUnknown(raw)) return ctx.defer("vpcConfig.publicAccessCidrs");
        if (raw !== undefined && raw !== null && !Array.isArray(raw)) {
            // A lone string such as "0.0.0.0/0" is not a list: never read as an empty (or safe) one.
            return report("vpcConfig.publicAccessCidrs", wrongType("an array of CIDR ranges", raw), fix);
        }
        if (indices(raw).length === 0) {
            return report("vpcConfig.publicAccessCidrs", `${raw === undefined || raw === null ? "is absent" : `is ${show(raw)}`}, and EKS then opens the public endpoint to 0.0.0.0/0`, fix);
        }
        const minimum = { ipv4: ctx.config.minimumPrefixIpv4, ipv6: ctx.config.minimumPrefixIpv6 };
        for (const i of indices(raw)) {
            const path = `vpcConfig.publicAccessCidrs[${i}]`;
            const text = peek(raw, i);
            if (isUnknown(text)) {
                ctx.defer(path);
                continue;
            }
            const cidr = parseCidr(text);
            if (!cidr) {
                report(path, typeof text === "string" ? `is ${show(text)}, which is not a valid CIDR range` : wrongType("a CIDR range string", text), "use a range such as 203.0.113.0/28");
            } else if (isOpenToWorld(cidr)) {
                report(path, `is ${show(text)}, which opens the API endpoint to the whole internet`, "replace it with your egress ranges");
            } else if (isBroaderThan(cidr, minimum)) {
                report(path, `is ${show(text)}, broader than the allowed /${minimum[cidr.family]} for ${cidr.family}`, `narrow it to /${minimum[cidr.family]} or longer`);
            }
        }
    },
});
