import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { policies } from "../../policies";
import { policiesMarkdown, updatedReadme } from "../../scripts/docs";

const root = path.resolve(__dirname, "..", "..", "..");

describe("generated docs", () => {
    it("docs/POLICIES.md matches the policies' metadata (run npm run docs)", () => {
        assert.strictEqual(fs.readFileSync(path.join(root, "docs", "POLICIES.md"), "utf8"), policiesMarkdown());
    });

    it("README's control list matches the policies' metadata (run npm run docs)", () => {
        const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
        assert.strictEqual(readme, updatedReadme(readme));
    });

    it("lists every policy with its severity, remediation and framework reference", () => {
        const doc = policiesMarkdown();
        for (const p of policies) {
            assert.ok(doc.includes(`### ${p.name}\n`), p.name);
            assert.ok(doc.includes(p.remediationSteps ?? "<none>"), `${p.name} remediation`);
            if (p.framework) assert.ok(doc.includes(p.framework.reference), `${p.name} framework`);
        }
    });
});
