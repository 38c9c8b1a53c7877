// Reference lookups in a stack: indexed, yet with a scan's answers, including its unknown-value stop.
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aws, findReferenced, stackPolicy } from "../../policies/core";
import { checkStack } from "../harness";

const found: (string | undefined)[] = [];
const probe = stackPolicy<{ refs: string[] }>({
    name: "eks-probe-index",
    description: "Resolves references to launch templates.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["aws", "nodes"],
    remediationSteps: "None.",
    configSchema: { properties: { refs: { type: "array", items: { type: "string" }, default: [] } } },
    appliesTo: aws.launchTemplate,
    validateStack: (ctx) => {
        for (const ref of ctx.config.refs) found.push(findReferenced(ctx.resources, aws.launchTemplate, ["id", "name"], ref)?.name);
    },
});

const template = (name: string, props: object) => ({ type: "aws:ec2/launchTemplate:LaunchTemplate", name, props });

describe("core/resource-index", () => {
    beforeEach(() => found.splice(0));

    it("finds the first resource, in stack order, that a URN or a key field names", () => {
        const r = checkStack(probe, [
            { type: "aws:ec2/subnet:Subnet", name: "s", props: { id: "lt-1" } },
            template("a", { id: "lt-1", name: "shared" }),
            template("b", { id: "lt-2", name: "shared" }),
        ], { config: { refs: ["lt-1", "lt-2", "shared", "urn:pulumi:test::test::aws:ec2/launchTemplate:LaunchTemplate::b", "lt-9"] } });
        assert.strictEqual(r.unknown, undefined);
        assert.deepStrictEqual(found, ["a", "b", "a", "b", undefined]);
    });

    it("stops at an unknown key met before the match, as a scan reading through the SDK's proxy does", () => {
        const resources = [template("a", { id: "lt-1" }), template("b", { id: unknownValue("string") }), template("c", { id: "lt-3" })];
        assert.strictEqual(checkStack(probe, resources, { config: { refs: ["lt-1"] } }).unknown, undefined);
        assert.deepStrictEqual(found, ["a"]);
        assert.match(checkStack(probe, resources, { config: { refs: ["lt-3"] } }).unknown ?? "", /id/);
        assert.match(checkStack(probe, resources, { config: { refs: ["lt-9"] } }).unknown ?? "", /id/);
    });
});
