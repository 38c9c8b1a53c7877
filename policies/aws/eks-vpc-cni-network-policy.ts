import type { AddonArgs } from "@pulumi/aws/eks/addon";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, asDict, asString, aws, cisEks, parseJsonOrYaml, resourcePolicy, show } from "../core";

const fix = 'set configurationValues: JSON.stringify({ enableNetworkPolicy: "true" })';

export const eksVpcCniNetworkPolicy = resourcePolicy<Unwrap<AddonArgs>>({
    name: "eks-vpc-cni-network-policy",
    description:
        "The vpc-cni add-on enforces Kubernetes NetworkPolicies (enableNetworkPolicy). Advisory: clusters may enforce " +
        "them with Calico or Cilium instead.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["aws", "network"],
    framework: cisEks("5.4.4", "Ensure Network Policy is Enabled and set as appropriate"),
    remediationSteps:
        'Set `configurationValues: JSON.stringify({ enableNetworkPolicy: "true" })` on the aws.eks.Addon with ' +
        '`addonName: "vpc-cni"`, or exempt the add-on when another engine (Calico, Cilium) enforces network policies.',
    url: "https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy.html",
    appliesTo: aws.eksAddon,
    validate: (addon, ctx) => {
        if (asString(addon.addonName) !== "vpc-cni") return;
        const raw = addon.configurationValues as unknown;
        if (raw === undefined || (typeof raw === "string" && raw.trim() === "")) {
            ctx.violation("configurationValues", "is absent, and the vpc-cni add-on then does not enforce NetworkPolicies", fix);
            return;
        }
        let values: unknown;
        try {
            values = typeof raw === "string" ? parseJsonOrYaml(raw) : raw;
        } catch {
            ctx.violation("configurationValues", `is ${show(raw)}, which is neither JSON nor YAML`, fix);
            return;
        }
        const setting = asDict(values)?.enableNetworkPolicy;
        if (asBool(setting) === true) return;
        ctx.violation(
            "configurationValues.enableNetworkPolicy",
            setting === undefined
                ? "is absent, and the vpc-cni add-on then does not enforce NetworkPolicies"
                : `is ${show(setting)}, so the vpc-cni add-on does not enforce NetworkPolicies`,
            fix,
        );
    },
});
