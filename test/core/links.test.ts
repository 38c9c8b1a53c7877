// Links between resources: by value where known, by property dependency where the value is unknown
// (a first preview), and the component a resource was created in.
import * as assert from "assert";
import type { PolicyResource } from "@pulumi/policy";
import { unknownValue } from "../../engine/wire";
import { anyOf, aws, enclosingComponentType, isUnknown, linksOf, parseUrn, peek, resourcePolicy, stackPolicy, types } from "../../policies/core";
import { checkResource, checkStack, type StackResourceInput } from "../harness";

const urn = (type: string, name: string, parents = "") => `urn:pulumi:dev::app::${parents}${type}::${name}`;
const T = { group: "aws:eks/nodeGroup:NodeGroup", template: "aws:ec2/launchTemplate:LaunchTemplate" };

/** Runs linksOf inside a stack policy, the way policies see resources, and returns target names and how. */
function links(resources: StackResourceInput[], fromName: string, values: (r: PolicyResource) => unknown[]): string[] {
    let found: string[] = [];
    const probe = stackPolicy({
        name: "eks-links-probe",
        description: "Resolves links.",
        severity: "low",
        enforcementLevel: "advisory",
        tags: ["aws", "nodes"],
        remediationSteps: "None.",
        appliesTo: anyOf(aws.eksNodeGroup),
        validateStack: (ctx) => {
            const from = ctx.resources.find((r) => r.name === fromName)!;
            found = linksOf(ctx.resources, from, { property: "launchTemplate", values: values(from), types: aws.launchTemplate, fields: ["id", "arn"] }).map(
                (l) => `${l.target.name} by ${l.via}`,
            );
        },
    });
    const r = checkStack(probe, resources);
    assert.strictEqual(r.unknown, undefined);
    return found;
}

const ltId = (r: PolicyResource) => [peek(peek(r.props, "launchTemplate"), "id")];

describe("core/links", () => {
    const templates: StackResourceInput[] = [
        { type: T.template, name: "nodes", urn: urn(T.template, "nodes"), props: { id: "lt-1" } },
        { type: T.template, name: "other", urn: urn(T.template, "other"), props: { id: "lt-2" } },
    ];

    it("links by value when the value and the target's key are known (pulumi up, state)", () => {
        const group = { type: T.group, name: "g", props: { launchTemplate: { id: "lt-2" } } };
        assert.deepStrictEqual(links([...templates, group], "g", ltId), ["other by value"]);
    });

    it("links by property dependency when the value is unknown (first preview)", () => {
        const preview = templates.map((t) => ({ ...t, props: { id: unknownValue("string") } }));
        const group = {
            type: T.group,
            name: "g",
            props: { launchTemplate: { id: unknownValue("string") } },
            propertyDependencies: { launchTemplate: [urn(T.template, "nodes")] },
        };
        assert.deepStrictEqual(links([...preview, group], "g", ltId), ["nodes by dependency"]);
    });

    it("does not link a known value that names nothing in the stack", () => {
        const group = { type: T.group, name: "g", props: { launchTemplate: { id: "lt-elsewhere" } }, propertyDependencies: { launchTemplate: [urn(T.template, "nodes")] } };
        assert.deepStrictEqual(links([...templates, group], "g", ltId), []);
    });

    it("where a known value names several targets (one name in two regions), links the one the property was computed from", () => {
        const twins = [
            { type: T.template, name: "eu", urn: urn(T.template, "eu"), props: { id: "nodes" } },
            { type: T.template, name: "us", urn: urn(T.template, "us"), props: { id: "nodes" } },
        ];
        const group = (from?: string) => ({ type: T.group, name: "g", props: { launchTemplate: { id: "nodes" } }, ...(from ? { propertyDependencies: { launchTemplate: [urn(T.template, from)] } } : {}) });
        assert.deepStrictEqual(links([...twins, group("us")], "g", ltId), ["us by value"]);
        assert.deepStrictEqual(links([...twins, group("eu")], "g", ltId), ["eu by value"]);
        // Without a dependency to tell them apart, the first (as before).
        assert.deepStrictEqual(links([...twins, group()], "g", ltId), ["eu by value"]);
    });

    it("links by URN and compares ARM IDs without regard to case when asked", () => {
        const group = { type: T.group, name: "g", props: { launchTemplate: { id: urn(T.template, "nodes") } } };
        assert.deepStrictEqual(links([...templates, group], "g", ltId), ["nodes by value"]);
    });

    it("reads the component a resource was created in from its URN", () => {
        const child = urn("aws:eks/cluster:Cluster", "c-eksCluster", "eks:index:Cluster$");
        assert.deepStrictEqual(parseUrn(child), { type: "aws:eks/cluster:Cluster", ancestorTypes: ["eks:index:Cluster"], name: "c-eksCluster" });
        assert.strictEqual(enclosingComponentType(child, types("eks:index:Cluster", "eks:index:NodeGroupV2")), "eks:index:Cluster");
        assert.strictEqual(enclosingComponentType(urn("aws:eks/cluster:Cluster", "c"), types("eks:index:Cluster")), undefined);
        assert.strictEqual(parseUrn("not-a-urn"), undefined);
    });
});

describe("core/policy: a resource policy with a stack part", () => {
    const pool = "gcp:container/nodePool:NodePool";
    const clusterType = "gcp:container/cluster:Cluster";
    const poolsNeedClusterFlag = resourcePolicy<{ mode?: string }>({
        name: "gke-pool-probe",
        description: "A pool passes with mode ok, or without a mode when its cluster has flag.",
        severity: "low",
        enforcementLevel: "mandatory",
        tags: ["gcp", "nodes"],
        remediationSteps: "Set mode: ok.",
        appliesTo: types(pool),
        validate: (props, ctx) => {
            const mode = peek(props, "mode");
            if (mode !== undefined && mode !== "ok" && !isUnknown(mode)) ctx.violation("mode", "is not ok", "set mode: ok");
        },
        validateStack: (ctx) => {
            for (const p of ctx.ofType(types(pool))) {
                ctx.judge(p, () => {
                    if (peek(p.props, "mode") !== undefined && !isUnknown(peek(p.props, "mode"))) return;
                    const [link] = linksOf(ctx.resources, p, { property: "cluster", values: [peek(p.props, "cluster")], types: types(clusterType), fields: ["name", "id"] });
                    if (!link) return;
                    // Read the sibling's fields under its own name, so a deferral names the right resource.
                    ctx.judge(link.target, () => {
                        if (link.target.props.flag !== true) ctx.violation(p, "mode", `is absent and ${ctx.label(link.target)} has no flag`, "set mode: ok");
                    });
                });
            }
        },
    });

    it("judges alone what it can, and the sibling-dependent case at AnalyzeStack", () => {
        assert.strictEqual(checkResource(poolsNeedClusterFlag, pool, { mode: "bad" }).violations.length, 1);
        assert.deepStrictEqual(checkResource(poolsNeedClusterFlag, pool, {}).violations, []);
        const stack = (flag: unknown): StackResourceInput[] => [
            { type: clusterType, name: "c", urn: urn(clusterType, "c"), props: { name: unknownValue("string"), flag } },
            { type: pool, name: "p", props: { cluster: unknownValue("string"), mode: unknownValue("string") }, propertyDependencies: { cluster: [urn(clusterType, "c")] } },
        ];
        assert.deepStrictEqual(checkStack(poolsNeedClusterFlag, stack(true)).violations, []);
        assert.match(checkStack(poolsNeedClusterFlag, stack(false)).violations[0].message, /^NodePool "p": mode is absent and Cluster "c" has no flag/);
        assert.match(checkStack(poolsNeedClusterFlag, stack(unknownValue("bool"))).unknown ?? "", /^Cluster "c": flag is computed/);
    });
});
