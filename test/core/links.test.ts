// Links between resources: by value where known, by property dependency where the value is unknown
// (a first preview), and the component a resource was created in.
import * as assert from "assert";
import type { PolicyResource } from "@pulumi/policy";
import { unknownValue } from "../../engine/wire";
import { anyOf, aws, enclosingComponentType, linksOf, parseUrn, peek, stackPolicy, types } from "../../policies/core";
import { checkStack, type StackResourceInput } from "../harness";

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
