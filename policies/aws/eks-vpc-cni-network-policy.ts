import type { AddonArgs } from "@pulumi/aws/eks/addon";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, asDict, aws, cisEks, isUnknown, nsaHardening, parseJsonOrYaml, peek, resourcePolicy, show, typescriptFix } from "../core";
import { reporter } from "./read";

const fix = 'set configurationValues: JSON.stringify({ enableNetworkPolicy: "true" })';

export const eksVpcCniNetworkPolicy = resourcePolicy<Unwrap<AddonArgs>>({
    name: "eks-vpc-cni-network-policy",
    displayName: "VPC CNI enforces NetworkPolicies",
    description:
        "The vpc-cni add-on enforces Kubernetes NetworkPolicies (enableNetworkPolicy). Advisory: clusters may enforce " +
        "them with Calico or Cilium instead.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["aws", "network"],
    framework: cisEks("5.4.4", "Ensure Network Policy is Enabled and set as appropriate"),
    alsoCites: [
        cisEks("4.3.1"),
        nsaHardening("Network separation and hardening", "Network policies"),
    ],
    why: "Without an enforcing network policy engine, NetworkPolicy objects are accepted but ignored, so every pod can reach every other pod.",
    fixExample: typescriptFix(`
        new aws.eks.Addon("vpc-cni", {
            clusterName: cluster.name,
            addonName: "vpc-cni",
            configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }),
        });
        // @pulumi/eks: new eks.Cluster("prod", { vpcCniOptions: { enableNetworkPolicy: true }, ... })
    `),
    remediationSteps:
        'Set `configurationValues: JSON.stringify({ enableNetworkPolicy: "true" })` on the aws.eks.Addon with ' +
        '`addonName: "vpc-cni"` (with @pulumi/eks: `vpcCniOptions: { enableNetworkPolicy: true }` on the eks.Cluster), or exempt ' +
        "the add-on when another engine (Calico, Cilium) enforces network policies.",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy.html",
    appliesTo: aws.eksAddon,
    validate: (addon, ctx) => {
        const report = reporter(ctx);
        const name = peek(addon, "addonName");
        if (isUnknown(name)) return ctx.defer("addonName", "is computed from another resource, so whether this is the vpc-cni add-on");
        if (name !== "vpc-cni") return;
        const raw = peek(addon, "configurationValues");
        if (isUnknown(raw)) return ctx.defer("configurationValues");
        if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) {
            report("configurationValues", "is absent, and the vpc-cni add-on then does not enforce NetworkPolicies", fix);
            return;
        }
        let values: unknown;
        try {
            values = typeof raw === "string" ? parseJsonOrYaml(raw) : raw;
        } catch {
            report("configurationValues", `is ${show(raw)}, which is neither JSON nor YAML`, fix);
            return;
        }
        const setting = asDict(values)?.enableNetworkPolicy;
        if (asBool(setting) === true) return;
        report(
            "configurationValues.enableNetworkPolicy",
            setting === undefined
                ? "is absent, and the vpc-cni add-on then does not enforce NetworkPolicies"
                : `is ${show(setting)}, so the vpc-cni add-on does not enforce NetworkPolicies`,
            fix,
        );
    },
});
