// Every policy's guide (displayName, why, fixExample) is present and true: Kubernetes fixes parse as YAML
// and, scanned through the pack, draw no finding from their policy; TypeScript fixes set the field the
// remediation names.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as os from "os";
import { parseAllDocuments } from "yaml";
import { allFindings } from "../cli/report/model";
import { buildScanReport, type ScanOptions } from "../cli/run";
import { policies } from "../policies";
import { useRunner } from "./e2e";

/** The property the remediation names first: the last path segment of its first code span, e.g. `vpcConfig.endpointPublicAccess: false` gives endpointPublicAccess. */
function remediationField(remediation: string): string | undefined {
    const span = /`([^`]+)`/.exec(remediation)?.[1];
    const path = span?.split(/[:=({\s]/)[0].replace(/\[[^\]]*\]/g, "");
    return path?.split(".").filter(Boolean).pop();
}

describe("policy guides", () => {
    for (const p of policies) {
        it(`${p.name} has a displayName, a why and a fix example that parses`, () => {
            assert.ok(p.displayName && p.displayName.length <= 80, "displayName");
            assert.ok(p.guide.why && p.guide.why.length >= 20, "why");
            const fix = p.guide.fixExample;
            if (!fix) return assert.fail("fixExample");
            assert.ok(fix.code.trim().length > 0, "fixExample");
            if (fix.language === "yaml") {
                const docs = parseAllDocuments(fix.code);
                for (const doc of docs) {
                    assert.deepStrictEqual(doc.errors.map((e) => e.message), []);
                    const object = doc.toJS() as { apiVersion?: unknown; kind?: unknown };
                    assert.ok(object.apiVersion && object.kind, "each document is a Kubernetes object");
                }
            } else {
                const field = remediationField(p.remediationSteps ?? "");
                assert.ok(field, "the remediation names a field");
                assert.ok(fix.code.includes(field!), `the TypeScript fix sets ${field}`);
            }
        });
    }
});

describe("Kubernetes fix examples pass their policy through the pack", () => {
    const runner = useRunner();
    const base: ScanOptions = {
        paths: [],
        format: "json",
        perFile: false,
        update: true,
        failOn: "none",
        showExempt: false,
        remediation: false,
        strict: true,
        limits: {},
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-fix-"));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    for (const p of policies.filter((x) => x.guide.fixExample?.language === "yaml")) {
        it(p.name, async () => {
            const file = path.join(dir, `${p.name}.yaml`);
            fs.writeFileSync(file, p.guide.fixExample!.code);
            const report = await buildScanReport({ ...base, paths: [file] }, { runner: runner() });
            assert.deepStrictEqual(report.warnings, []);
            assert.deepStrictEqual(allFindings(report).filter((f) => f.policy === p.name).map((f) => f.message), []);
        });
    }
});
