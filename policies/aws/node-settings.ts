// Shared by the EKS node policies: instance metadata (IMDS) rules, links between resources in a stack,
// and the EKS Auto Mode not-applicable reason. Not a policy.
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { asBool, asDict, asNumber, asString, aws, findReferenced, resourceLabel, show, type TypeSet } from "../core";

export interface Finding {
    path: string;
    problem: string;
    fix: string;
}

/** Config shared by the policies that judge metadata options. */
export const hopLimitConfigSchema = {
    allowHopLimitTwo: {
        type: "boolean" as const,
        default: false,
        description:
            "Accept httpPutResponseHopLimit 2 (pods on the node network namespace path can then reach IMDS); " +
            "only for nodes whose pods need instance credentials and cannot use EKS Pod Identity or IRSA.",
    },
};

export const imdsFix = 'set metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 }';

/**
 * What is wrong with a launch template's metadataOptions: IMDSv2 must be required and the hop limit 1
 * (or 2 when allowed). A disabled endpoint passes.
 */
export function imdsFindings(metadataOptions: unknown, allowHopLimitTwo: boolean, path = "metadataOptions"): Finding[] {
    const options = asDict(metadataOptions);
    if (asString(options?.httpEndpoint) === "disabled") return [];
    const findings: Finding[] = [];
    const tokens = options?.httpTokens;
    if (tokens !== "required") {
        findings.push({
            path: `${path}.httpTokens`,
            problem:
                tokens === undefined
                    ? "is absent, and EC2 then accepts IMDSv1 requests (httpTokens optional) unless the AMI requires IMDSv2"
                    : `is ${show(tokens)}, so IMDSv1 requests without a session token are accepted`,
            fix: 'set httpTokens: "required"',
        });
    }
    const maximum = allowHopLimitTwo ? 2 : 1;
    const rawHops = options?.httpPutResponseHopLimit;
    const hops = asNumber(rawHops);
    if (hops === undefined) {
        findings.push({
            path: `${path}.httpPutResponseHopLimit`,
            problem:
                rawHops === undefined
                    ? "is absent, and EC2 then takes the AMI's default, which is 2 for AMIs that require IMDSv2 (such as AL2023), so pods can reach the node's credentials"
                    : `is ${show(rawHops)}, not a number`,
            fix: `set httpPutResponseHopLimit: ${maximum === 1 ? "1" : "1 (or 2)"}`,
        });
    } else if (hops > maximum) {
        findings.push({
            path: `${path}.httpPutResponseHopLimit`,
            problem: `is ${hops}, so containers in pods can reach the node's instance credentials`,
            fix: `set httpPutResponseHopLimit: ${maximum === 1 ? "1" : "1 (or 2)"}`,
        });
    }
    return findings;
}

/** The resource of a type in the stack that `ref` names, if any. */
export function resolve(resources: readonly PolicyResource[], types: TypeSet, ref: unknown, fields: readonly string[]): PolicyResource | undefined {
    const text = asString(ref);
    if (text === undefined || text === "") return undefined;
    return findReferenced(resources, types, fields, text);
}

export const clusterRefFields = ["name", "id", "arn"] as const;

/** EKS Auto Mode: AWS launches and manages the nodes (computeConfig.enabled). */
export function autoModeEnabled(clusterProps: unknown): boolean {
    return asBool(asDict(asDict(clusterProps)?.computeConfig)?.enabled) === true;
}

/**
 * Node group policies are not applicable to a stack whose only nodes come from EKS Auto Mode: AWS manages
 * those instances (IMDSv2 with hop limit 1, encrypted volumes, no SSH, private subnets of the cluster).
 * Node groups in an Auto Mode cluster are still the customer's nodes and are still checked.
 */
export function withAutoModeReason(policy: StackValidationPolicy): StackValidationPolicy {
    const inner = policy.validateStack;
    return {
        ...policy,
        validateStack: (args, reportViolation) => {
            if (!args.resources.some((r) => aws.eksNodeGroup.has(r.type))) {
                const autoMode = args.resources.filter((r) => aws.eksCluster.has(r.type) && autoModeEnabled(r.props));
                if (autoMode.length > 0) {
                    const names = autoMode.map((r) => resourceLabel(r.type, r.name, r.props)).join(", ");
                    args.notApplicable(
                        `${names} uses EKS Auto Mode (computeConfig.enabled): AWS launches and manages its nodes, with IMDSv2, ` +
                            "hop limit 1 and no SSH, so node group checks do not apply to them",
                    );
                }
            }
            return inner(args, reportViolation);
        },
    };
}
