// The policy model's wrapper: type matching, config, exemptions and messages, shared by every policy.
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { anyOf, asString, aws, gcp, kubernetes, PolicyConfigError, resourcePolicy, stackPolicy } from "../../policies/core";
import { checkResource, checkStack } from "../harness";

const probe = resourcePolicy<{ flag?: string }, { level: string }>({
    name: "eks-probe",
    description: "A probe policy for the wrapper.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["aws", "control-plane"],
    remediationSteps: "Set flag to ok.",
    configSchema: { properties: { level: { type: "string", default: "strict" } } },
    parseConfig: (raw) => {
        if (raw.level !== "strict" && raw.level !== "lenient") throw new PolicyConfigError("eks-probe", `level must be strict or lenient, got ${String(raw.level)}`);
        return { level: raw.level };
    },
    appliesTo: anyOf(aws.eksCluster, gcp.cluster),
    validate: (props, ctx) => {
        if (asString(props.flag) !== "ok") ctx.violation("flag", `is ${String(props.flag)} (${ctx.config.level})`, "set flag: ok");
    },
});

describe("core/policy", () => {
    it("uses the SDK's cheap type skip for a single token only", () => {
        const single = resourcePolicy({
            name: "eks-single",
            description: "A single-token probe.",
            severity: "low",
            enforcementLevel: "advisory",
            tags: ["aws", "nodes"],
            remediationSteps: "None.",
            appliesTo: aws.eksCluster,
            validate: () => undefined,
        });
        assert.strictEqual((single.validateResource as { __pulumiType?: string }).__pulumiType, "aws:eks/cluster:Cluster");
        assert.strictEqual((probe.validateResource as { __pulumiType?: string }).__pulumiType, undefined);
        assert.match(checkResource(probe, "aws:eks/nodeGroup:NodeGroup", {}).notApplicable ?? "", /does not apply to resources of type 'aws:eks\/nodeGroup:NodeGroup'/);
    });

    it("applies schema defaults and parses config, with a clear error for bad values", () => {
        assert.deepStrictEqual(checkResource(probe, "aws:eks/cluster:Cluster", { flag: "no" }, { name: "c" }).violations, ['Cluster "c": flag is no (strict). Fix: set flag: ok']);
        assert.match(checkResource(probe, "gcp:container/cluster:Cluster", { flag: "no" }, { config: { level: "lenient" } }).violations[0], /\(lenient\)/);
        assert.throws(() => checkResource(probe, "aws:eks/cluster:Cluster", {}, { config: { level: "loose" } }), /invalid configuration for policy "eks-probe": level must be strict or lenient/);
    });

    it("rejects unknown config keys inside the pack too, whatever engine sent them", () => {
        const args = { type: "aws:eks/cluster:Cluster", name: "c", urn: "u", props: {}, getConfig: () => ({ levle: "x" }), notApplicable: (r?: string): never => { throw new Error(r); } };
        assert.throws(() => (probe.validateResource as (a: unknown, r: unknown) => void)(args, () => undefined), /unknown key\(s\) levle; accepted: level, excludeResourceNames, excludeNamespaces/);
    });

    it("honours cloud exemption tags and labels that carry a reason", () => {
        const key = "clusterguard-exempt-eks-probe";
        assert.match(checkResource(probe, "aws:eks/cluster:Cluster", { flag: "no", tags: { [key]: "lab cluster, SEC-7" } }).notApplicable ?? "", /tag clusterguard-exempt-eks-probe: lab cluster, SEC-7/);
        assert.ok(checkResource(probe, "gcp:container/cluster:Cluster", { flag: "no", resourceLabels: { [key]: "sec-7" } }).notApplicable);
        assert.strictEqual(checkResource(probe, "aws:eks/cluster:Cluster", { flag: "no", tags: { [key]: "" } }).violations.length, 1);
        assert.strictEqual(checkResource(probe, "aws:eks/cluster:Cluster", { flag: "no", tags: { "clusterguard-exempt-other": "x" } }).violations.length, 1);
    });

    it("still runs when tags are unknown during preview", () => {
        const r = checkResource(probe, "aws:eks/cluster:Cluster", { flag: "no", tags: unknownValue("object") });
        assert.strictEqual(r.violations.length, 1);
        assert.strictEqual(r.unknown, undefined);
    });

    it("matches excludeResourceNames globs against the Pulumi name", () => {
        assert.match(checkResource(probe, "aws:eks/cluster:Cluster", { flag: "no" }, { name: "sandbox-1", config: { excludeResourceNames: ["sandbox-*"] } }).notApplicable ?? "", /sandbox-\*|sandbox-1/);
    });

    describe("stack policies", () => {
        const namespaces = stackPolicy({
            name: "k8s-probe-stack",
            description: "Every namespace is labelled team.",
            severity: "low",
            enforcementLevel: "advisory",
            tags: ["kubernetes", "workload"],
            remediationSteps: "Label the namespace with team.",
            appliesTo: kubernetes.namespace,
            validateStack: (ctx) => {
                for (const ns of ctx.ofType(kubernetes.namespace)) {
                    const labels = (ns.props.metadata as { labels?: Record<string, string> } | undefined)?.labels;
                    if (!labels?.team) ctx.violation(ns, "metadata.labels.team", "is absent", "add a team label");
                }
            },
        });
        const ns = (name: string, annotations: Record<string, string> = {}) => ({ type: "kubernetes:core/v1:Namespace", name, props: { apiVersion: "v1", kind: "Namespace", metadata: { name, annotations } } });

        it("reports against the resource's URN and drops exempted resources", () => {
            const r = checkStack(namespaces, [ns("a"), ns("b", { "exempt.clusterguard.io/k8s-probe-stack": "shared system namespace" }), ns("kube-system")], { config: { excludeNamespaces: ["kube-*"] } });
            assert.deepStrictEqual(r.violations, [{ urn: "urn:pulumi:test::test::kubernetes:core/v1:Namespace::a", message: 'Namespace "a": metadata.labels.team is absent. Fix: add a team label' }]);
        });

        it("is not applicable to a stack without its resource types", () => {
            assert.match(checkStack(namespaces, [{ type: "aws:eks/cluster:Cluster", name: "c", props: {} }]).notApplicable ?? "", /No resources of type/);
        });
    });
});
