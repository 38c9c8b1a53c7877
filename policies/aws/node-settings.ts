// Shared by the EKS node policies: instance metadata (IMDS) rules, the policy shape of the launch
// template checks (which templates they judge, and where), the scope of the node group checks, and the
// EKS Auto Mode not-applicable reason. Not a policy.
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import {
    asBool,
    asDict,
    asNumber,
    asString,
    aws,
    type CheckContext,
    isUnknown,
    type PolicyMetadata,
    peek,
    resourceLabel,
    resourcePolicy,
    show,
    type StackCheckContext,
    wrongType,
} from "../core";
import { componentFix, parentUrnOf } from "./components";
import { linkedNodeTemplates, nodeGroups, nodeTemplateByItself, nodeTypes } from "./node-links";

/** Where a check reports: a finding, or a field it cannot judge in this preview. */
export interface Sink {
    violation(path: string, problem: string, fix: string): void;
    defer(path: string, why?: string): void;
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

export const imdsSetting = 'metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 }';

/** What EC2 does when the template leaves the metadata options to the AMI (ImdsSupport) and account defaults. */
const amiDefault = "so the instance follows the AMI's ImdsSupport: AL2023 AMIs require IMDSv2 with hop limit 2, while AL2 allows IMDSv1";

/**
 * IMDS rules for a launch template's or launch configuration's metadataOptions: IMDSv2 required and hop
 * limit 1 (or 2 when allowed). A disabled endpoint passes. Absent fields follow the AMI, which is not
 * a claim that IMDSv1 is on; the finding stays, as AWS Security Hub EC2.170 expects httpTokens "required".
 */
export function imdsFindings(options: unknown, allowHopLimitTwo: boolean, sink: Sink, path = "metadataOptions"): void {
    if (isUnknown(options)) {
        sink.defer(path, "is computed by the provider when the program leaves it out, so this preview cannot show it");
        return;
    }
    if (options === undefined || options === null) {
        sink.violation(path, `is absent, ${amiDefault} (pods then reach the node's instance credentials)`, `set ${imdsSetting}`);
        return;
    }
    if (!asDict(options)) {
        sink.violation(path, wrongType("an object", options), `set ${imdsSetting}`);
        return;
    }
    const endpoint = peek(options, "httpEndpoint");
    if (isUnknown(endpoint)) return sink.defer(`${path}.httpEndpoint`);
    if (asString(endpoint) === "disabled") return;
    const tokens = peek(options, "httpTokens");
    if (isUnknown(tokens)) sink.defer(`${path}.httpTokens`);
    else if (tokens === undefined) sink.violation(`${path}.httpTokens`, `is absent, ${amiDefault}`, 'set httpTokens: "required"');
    else if (typeof tokens !== "string") sink.violation(`${path}.httpTokens`, wrongType('the string "required"', tokens), 'set httpTokens: "required"');
    else if (tokens !== "required") {
        sink.violation(`${path}.httpTokens`, `is ${show(tokens)}, so IMDSv1 requests without a session token are accepted`, 'set httpTokens: "required"');
    }
    const maximum = allowHopLimitTwo ? 2 : 1;
    const hopFix = `set httpPutResponseHopLimit: ${maximum === 1 ? "1" : "1 (or 2)"}`;
    const rawHops = peek(options, "httpPutResponseHopLimit");
    const hops = asNumber(rawHops);
    if (isUnknown(rawHops)) sink.defer(`${path}.httpPutResponseHopLimit`);
    else if (rawHops === undefined) {
        if (maximum < 2) {
            sink.violation(
                `${path}.httpPutResponseHopLimit`,
                "is absent, so the hop limit follows the AMI: 2 on AL2023 AMIs, which lets containers in pods reach the node's instance credentials",
                hopFix,
            );
        }
    } else if (hops === undefined) sink.violation(`${path}.httpPutResponseHopLimit`, wrongType("a number", rawHops), hopFix);
    else if (hops > maximum) {
        sink.violation(`${path}.httpPutResponseHopLimit`, `is ${hops}, so containers in pods can reach the node's instance credentials`, hopFix);
    }
}

/** EKS Auto Mode: AWS launches and manages the nodes (computeConfig.enabled). */
export function autoModeEnabled(clusterProps: unknown): boolean {
    return asBool(peek(asDict(peek(clusterProps, "computeConfig")), "enabled")) === true;
}

/**
 * Node group policies are not applicable to a stack without node groups (managed node groups or Auto
 * Scaling groups of an EKS cluster), and say so; a stack whose only nodes come from EKS Auto Mode gets
 * that reason: AWS manages those instances (IMDSv2 with hop limit 1, encrypted volumes, no SSH, private
 * subnets of the cluster). Node groups in an Auto Mode cluster are still the customer's and still checked.
 */
export function withNodeGroupScope(policy: StackValidationPolicy): StackValidationPolicy {
    const inner = policy.validateStack;
    return {
        ...policy,
        validateStack: (args, reportViolation) => {
            if (nodeGroups(args.resources).length === 0) {
                const autoMode = args.resources.filter((r) => aws.eksCluster.has(r.type) && autoModeEnabled(r.props));
                if (autoMode.length > 0) {
                    const names = autoMode.map((r) => resourceLabel(r.type, r.name, r.props)).join(", ");
                    args.notApplicable(
                        `${names} uses EKS Auto Mode (computeConfig.enabled): AWS launches and manages its nodes, with IMDSv2, ` +
                            "hop limit 1 and no SSH, so node group checks do not apply to them",
                    );
                }
                args.notApplicable("No EKS managed node group (aws.eks.NodeGroup) and no Auto Scaling group of an EKS cluster in the stack");
            }
            return inner(args, reportViolation);
        },
    };
}

/** What a launch template policy judges on one template or launch configuration (inputs or outputs). */
export type LaunchSpecCheck<C> = (type: string, props: unknown, config: C, sink: Sink) => void;

export interface LaunchSpecPolicyDefinition<C> extends PolicyMetadata {
    parseConfig?: (raw: Record<string, unknown>) => C;
    check: LaunchSpecCheck<C>;
}

/**
 * A policy over the launch templates and launch configurations that back Kubernetes nodes (see
 * node-links.ts for the rule). A template that is a node template by itself (made by an EKS component,
 * or with user data that bootstraps EKS) is judged at Analyze on its inputs. The others are judged at
 * AnalyzeStack, on outputs, when a node group launches from them; launch templates that launch no EKS
 * nodes are not judged, and Analyze says so.
 */
export function launchSpecPolicy<C>(definition: LaunchSpecPolicyDefinition<C>): ResourceValidationPolicy {
    const { check, ...meta } = definition;
    return resourcePolicy<Record<string, unknown>, C>({
        ...meta,
        appliesTo: nodeTypes.launchSpec,
        validate: (props, ctx: CheckContext<C>) => {
            if (!nodeTemplateByItself({ type: ctx.type, urn: ctx.urn, props })) {
                const userData = isUnknown(peek(props, "userData")) ? "its user data is not known in this preview" : "its user data does not bootstrap EKS";
                ctx.notApplicable(
                    `${ctx.label} was not made by an EKS component and ${userData}, so whether it launches ` +
                        "Kubernetes nodes is decided on the stack: it is judged at AnalyzeStack when an EKS node group, or an Auto Scaling " +
                        "group of an EKS cluster, launches from it; launch templates that launch no EKS nodes are not judged",
                );
            }
            const resource = { urn: ctx.urn, type: ctx.type, parentUrn: ctx.parent };
            check(ctx.type, props, ctx.config, {
                violation: (path, problem, fix) => ctx.violation(path, problem, componentFix(resource, path, fix)),
                defer: (path, why) => ctx.defer(path, why),
            });
        },
        validateStack: (ctx: StackCheckContext<C>) => {
            for (const [spec, users] of linkedNodeTemplates(ctx.resources)) {
                const resource = { urn: spec.urn, type: spec.type, parentUrn: parentUrnOf(spec) };
                const used = `; ${users.join(", ")} launches nodes from it`;
                ctx.judge(spec, () =>
                    check(spec.type, spec.props, ctx.config, {
                        violation: (path, problem, fix) => ctx.violation(spec, path, problem + used, componentFix(resource, path, fix)),
                        defer: (path, why) => ctx.defer(spec, path, why),
                    }),
                );
            }
        },
    });
}
