// Which resources of a stack are Kubernetes nodes, and how they link: node groups to their launch
// templates and subnets, Auto Scaling groups to EKS, clusters to KMS keys. Links resolve by value where
// the value is known and by property dependency where it is not (a first preview). Not a policy.
//
// The rules, as the docs state them:
// - Node groups are EKS managed node groups (aws.eks.NodeGroup) and the Auto Scaling groups of an EKS
//   cluster. An Auto Scaling group belongs to EKS when it was made by an @pulumi/eks component; or it
//   carries the `kubernetes.io/cluster/<name>` tag that self-managed nodes need; or an input of it was
//   computed from an aws.eks.Cluster of the stack; or it launches from a node template (next rule).
// - A launch template or launch configuration backs Kubernetes nodes when an EKS component made it, or
//   its user data bootstraps an EKS node (EKS AMI bootstrap.sh, nodeadm NodeConfig, Bottlerocket's
//   settings.kubernetes) or was computed from an aws.eks.Cluster, or a node group above launches from it.
import type { PolicyResource } from "@pulumi/policy";
import {
    anyOf,
    asArray,
    asDict,
    asString,
    aws,
    dependencyTargets,
    isUnknown,
    type LinkQuery,
    linksOf,
    peek,
    resourceLabel,
    types,
} from "../core";
import { madeByEksComponent } from "./components";

/** AWS types the node policies link through, beyond the core's set. */
export const nodeTypes = {
    autoScalingGroup: types("aws:autoscaling/group:Group"),
    launchConfiguration: types("aws:ec2/launchConfiguration:LaunchConfiguration"),
    launchSpec: anyOf(aws.launchTemplate, types("aws:ec2/launchConfiguration:LaunchConfiguration")),
    nodeGroup: anyOf(aws.eksNodeGroup, types("aws:autoscaling/group:Group")),
};

const bootstrapMarkers = ["/etc/eks/bootstrap.sh", "node.eks.aws", "[settings.kubernetes]"];

/** True when known user data (plain or base64) bootstraps an EKS node. */
export function bootstrapsEksNode(userData: unknown): boolean {
    const text = asString(userData);
    if (!text) return false;
    const decoded = /^[A-Za-z0-9+/=\s]+$/.test(text) ? Buffer.from(text, "base64").toString("utf8") : "";
    return bootstrapMarkers.some((m) => text.includes(m) || decoded.includes(m));
}

/**
 * A launch template or configuration that is a node template by itself: made by an EKS component, or (a
 * launch template) with user data that bootstraps an EKS node. Decided from the resource alone, so the
 * same on inputs (Analyze) and outputs (AnalyzeStack); such templates are judged at Analyze. Launch
 * configurations store a hash of their user data, so only the component rule holds for them.
 */
export function nodeTemplateByItself(resource: { type: string; urn: string; props: unknown }): boolean {
    if (madeByEksComponent(resource.urn)) return true;
    return aws.launchTemplate.has(resource.type) && bootstrapsEksNode(peek(resource.props, "userData"));
}

/** One launch template or launch configuration reference of a node group. */
export interface TemplateRef {
    /** Where it is, for messages: `launchTemplate`, `mixedInstancesPolicy.launchTemplate.launchTemplateSpecification`. */
    path: string;
    /** The top-level input property, for property dependencies. */
    property: string;
    kind: "template" | "configuration";
    /** The spec ({ id, name, version }) or, for a launch configuration, its name; may be unknown. */
    value: unknown;
}

/** The launch template and launch configuration references of a managed node group or Auto Scaling group. */
export function templateRefs(group: PolicyResource): TemplateRef[] {
    const props = group.props;
    const refs: TemplateRef[] = [];
    const add = (path: string, property: string, kind: TemplateRef["kind"], value: unknown) => {
        if (value !== undefined && value !== null) refs.push({ path, property, kind, value });
    };
    add("launchTemplate", "launchTemplate", "template", peek(props, "launchTemplate"));
    if (nodeTypes.autoScalingGroup.has(group.type)) {
        add("launchConfiguration", "launchConfiguration", "configuration", peek(props, "launchConfiguration"));
        const mixed = peek(props, "mixedInstancesPolicy");
        if (isUnknown(mixed)) add("mixedInstancesPolicy", "mixedInstancesPolicy", "template", mixed);
        const spec = peek(mixed, "launchTemplate");
        if (isUnknown(spec)) add("mixedInstancesPolicy.launchTemplate", "mixedInstancesPolicy", "template", spec);
        const path = "mixedInstancesPolicy.launchTemplate";
        add(`${path}.launchTemplateSpecification`, "mixedInstancesPolicy", "template", peek(spec, "launchTemplateSpecification"));
        const overrides = peek(spec, "overrides");
        asArray(isUnknown(overrides) ? [] : overrides).forEach((o, i) =>
            add(`${path}.overrides[${i}].launchTemplateSpecification`, "mixedInstancesPolicy", "template", peek(o, "launchTemplateSpecification")),
        );
    }
    return refs;
}

/** The reference values of a ref: a template's id and name (either may be unknown), a configuration's name. */
export function refValues(ref: TemplateRef): unknown[] {
    if (ref.kind === "configuration" || isUnknown(ref.value)) return [ref.value];
    const spec = asDict(ref.value);
    return spec ? [peek(spec, "id"), peek(spec, "name"), peek(spec, "launchTemplateId"), peek(spec, "launchTemplateName")].filter((v) => v !== undefined) : [];
}

/** The templates in the stack a reference names: by value, or by property dependency where unknown. */
export function resolveRef(resources: readonly PolicyResource[], group: PolicyResource, ref: TemplateRef): PolicyResource[] {
    const query: LinkQuery =
        ref.kind === "template"
            ? { property: ref.property, values: refValues(ref), types: aws.launchTemplate, fields: ["id", "arn", "name"] }
            : { property: ref.property, values: refValues(ref), types: nodeTypes.launchConfiguration, fields: ["name", "id", "arn"] };
    return linksOf(resources, group, query).map((l) => l.target);
}

/** Why an Auto Scaling group belongs to an EKS cluster, or undefined when nothing says it does. */
export function eksAutoScalingGroupReason(resources: readonly PolicyResource[], asg: PolicyResource): string | undefined {
    if (madeByEksComponent(asg.urn)) return "made by an EKS component";
    for (const field of ["tags", "tag"]) {
        const tags = peek(asg.props, field);
        for (const tag of asArray(isUnknown(tags) ? [] : tags)) {
            const key = asString(peek(tag, "key"));
            if (key?.startsWith("kubernetes.io/cluster/")) return `tagged ${key}`;
        }
    }
    for (const [property, sources] of Object.entries(asg.propertyDependencies ?? {})) {
        const cluster = (Array.isArray(sources) ? sources : []).find((s) => s && aws.eksCluster.has(s.type));
        if (cluster) return `its ${property} input was computed from ${labelOf(cluster)}`;
    }
    for (const ref of templateRefs(asg)) {
        for (const spec of resolveRef(resources, asg, ref)) {
            if (nodeTemplateByItself(spec) || dependencyTargets(spec, "userData", aws.eksCluster).length > 0) {
                return `launches from ${labelOf(spec)}, whose user data joins an EKS cluster`;
            }
        }
    }
    return undefined;
}

/** A node group of the stack: a managed node group, or an Auto Scaling group of an EKS cluster. */
export interface NodeGroup {
    resource: PolicyResource;
    managed: boolean;
}

export function nodeGroups(resources: readonly PolicyResource[]): NodeGroup[] {
    const groups: NodeGroup[] = [];
    for (const r of resources) {
        if (aws.eksNodeGroup.has(r.type)) groups.push({ resource: r, managed: true });
        else if (nodeTypes.autoScalingGroup.has(r.type) && eksAutoScalingGroupReason(resources, r)) groups.push({ resource: r, managed: false });
    }
    return groups;
}

/**
 * The launch templates and configurations of the stack that back Kubernetes nodes but are not node
 * templates by themselves (those are judged at Analyze), with the node groups that launch from them.
 */
export function linkedNodeTemplates(resources: readonly PolicyResource[]): Map<PolicyResource, string[]> {
    const found = new Map<PolicyResource, string[]>();
    const add = (spec: PolicyResource, user: string) => {
        if (nodeTemplateByItself(spec)) return;
        const users = found.get(spec) ?? [];
        if (!users.includes(user)) users.push(user);
        found.set(spec, users);
    };
    for (const group of nodeGroups(resources)) {
        for (const ref of templateRefs(group.resource)) {
            for (const spec of resolveRef(resources, group.resource, ref)) add(spec, labelOf(group.resource));
        }
    }
    for (const spec of resources.filter((r) => aws.launchTemplate.has(r.type))) {
        const cluster = dependencyTargets(spec, "userData", aws.eksCluster)[0];
        if (cluster) add(spec, `${labelOf(cluster)} (its user data joins that cluster)`);
    }
    return found;
}

/** `NodeGroup "general"`: the policy wrapper's label, for use inside messages. */
export function labelOf(resource: { type: string; name: string; props?: unknown }): string {
    return resourceLabel(resource.type, resource.name, resource.props);
}

/** The subnets property of a node group: subnetIds on a managed node group, vpcZoneIdentifiers on an Auto Scaling group. */
export function subnetProperty(group: PolicyResource): string {
    return aws.eksNodeGroup.has(group.type) ? "subnetIds" : "vpcZoneIdentifiers";
}

