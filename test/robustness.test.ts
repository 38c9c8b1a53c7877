// No policy may crash on a missing field, a wrong type, a secret or an unknown preview value.
// Every example resource is mutated one field at a time and run through every policy that applies.
import * as assert from "assert";
import * as path from "path";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { readStacks } from "../cli/inputs";
import type { ResourceInput } from "../engine/runner";
import { secretValue, unknownSentinels } from "../engine/wire";
import { policies } from "../policies";
import { packDir } from "./e2e";
import { everyWorkload } from "./fixtures/workloads";
import { fixturePodSpec } from "./fuzz/corpus";
import { allPaths, setAt } from "./fuzz/json-paths";
import { checkResource, checkStack, hasStackPart } from "./harness";

const replacements: unknown[] = [null, 42, "text", true, [], {}, [null, 7, "x"], unknownSentinels.string, unknownSentinels.object];

/** At most `limit` paths, spread evenly, so the suite stays fast as examples grow. */
function sample<T>(items: T[], limit: number): T[] {
    if (items.length <= limit) return items;
    const step = items.length / limit;
    return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)]);
}

function corpus(): ResourceInput[] {
    const examples = readStacks([path.join(packDir, "examples")]).flatMap((s) => s.inputs);
    const fixtures = everyWorkload(fixturePodSpec).map((w, i) => ({ type: w.type, name: `fixture-${i}`, props: w.props }));
    return [...examples, ...fixtures];
}

const isResourcePolicy = (p: unknown): p is ResourceValidationPolicy => typeof (p as ResourceValidationPolicy).validateResource !== "undefined";

describe("robustness: every policy survives odd shapes, secrets and unknowns", () => {
    const resources = corpus();
    const resourcePolicies = policies.filter(isResourcePolicy);
    const stackPolicies = policies.filter(hasStackPart);

    it("has a corpus covering every resource policy", () => {
        assert.ok(resources.length >= 9);
    });

    for (const policy of resourcePolicies) {
        it(`${policy.name} never throws`, () => {
            let runs = 0;
            for (const resource of resources) {
                if (checkResource(policy, resource.type, resource.props).notApplicable?.startsWith("Policy does not apply")) continue;
                sample(allPaths(resource.props), 60).forEach((at, i) => {
                    const plain = replacements[i % replacements.length];
                    const replacement = i % 2 === 0 ? plain : secretValue(plain);
                    const props = setAt(resource.props, at, replacement) as object;
                    assert.doesNotThrow(() => checkResource(policy, resource.type, props), `${resource.type} ${at.join(".")} = ${JSON.stringify(replacement)}`);
                    runs++;
                });
                assert.doesNotThrow(() => checkResource(policy, resource.type, {}), `${resource.type} with no props`);
            }
            assert.ok(runs > 0 || resources.every((r) => checkResource(policy, r.type, r.props).notApplicable), "no corpus resource applies");
        });
    }

    for (const policy of stackPolicies) {
        it(`${policy.name} never throws on the stack`, () => {
            // Each example file is a stack; mutate one field of one resource at a time.
            const stacks = [...readStacks([path.join(packDir, "examples")]).map((s) => s.inputs), resources];
            for (const stack of stacks) {
                if (checkStack(policy, stack).notApplicable) continue;
                const mutations = stack.flatMap((r, index) => allPaths(r.props).map((at) => ({ index, at })));
                sample(mutations, 40).forEach(({ index, at }, i) => {
                    const mutated = stack.map((r, j) => (j === index ? { ...r, props: setAt(r.props, at, replacements[i % replacements.length]) as object } : r));
                    assert.doesNotThrow(() => checkStack(policy, mutated), `${stack[index].type} ${at.join(".")}`);
                });
            }
        });
    }
});
