// The registry's contract: names, tags and metadata are a public interface, checked for every policy.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { areas, clouds, extraTags } from "../policies/core";
import { policies } from "../policies";

const root = path.resolve(__dirname, "..", "..");
const prefixes: Record<string, string> = { aws: "eks-", azure: "aks-", gcp: "gke-", kubernetes: "k8s-" };

function findFile(dir: string, fileName: string): string | undefined {
    if (!fs.existsSync(dir)) return undefined;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            const found = findFile(full, fileName);
            if (found) return found;
        } else if (entry.name === fileName) {
            return full;
        }
    }
    return undefined;
}

describe("policy registry", () => {
    it("has unique names", () => {
        const names = policies.map((p) => p.name);
        assert.deepStrictEqual(names.filter((n, i) => names.indexOf(n) !== i), []);
    });

    for (const policy of policies) {
        describe(policy.name, () => {
            const tags = policy.tags ?? [];
            const cloudTags = tags.filter((t) => (clouds as readonly string[]).includes(t));
            const areaTags = tags.filter((t) => (areas as readonly string[]).includes(t));

            it("has one cloud tag, one area tag, and only known tags", () => {
                assert.strictEqual(cloudTags.length, 1, `cloud tags: ${tags}`);
                assert.strictEqual(areaTags.length, 1, `area tags: ${tags}`);
                const known = [...clouds, ...areas, ...extraTags] as readonly string[];
                assert.deepStrictEqual(tags.filter((t) => !known.includes(t)), []);
                if (tags.some((t) => t.startsWith("pss-"))) assert.strictEqual(cloudTags[0], "kubernetes");
            });

            it("is named for its cloud, in kebab-case, short enough for a GCP exemption label", () => {
                assert.match(policy.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
                assert.ok(policy.name.startsWith(prefixes[cloudTags[0]]), `${policy.name} should start with ${prefixes[cloudTags[0]]}`);
                assert.ok(policy.name.length <= 43, `${policy.name} is ${policy.name.length} characters`);
            });

            it("carries its metadata: description, severity, level, remediation", () => {
                assert.ok(policy.description.length > 10);
                assert.ok(policy.severity);
                assert.ok(policy.enforcementLevel);
                assert.ok((policy.remediationSteps ?? "").length > 10);
                if (policy.framework) {
                    for (const key of ["name", "version", "reference", "specification"] as const) assert.ok(policy.framework[key], key);
                }
            });

            it("lives in its own file next to a test file of the same name", () => {
                const source = findFile(path.join(root, "policies", cloudTags[0]), `${policy.name}.ts`);
                assert.ok(source, `policies/${cloudTags[0]}/**/${policy.name}.ts`);
                const relative = path.relative(path.join(root, "policies"), source).replace(/\.ts$/, ".test.ts");
                assert.ok(fs.existsSync(path.join(root, "test", relative)), `test/${relative}`);
            });
        });
    }
});
