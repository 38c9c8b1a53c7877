// The scan pipeline in process (one pack for the file): issue 13's "Done when" checks for every output
// format, triage and baselines, and the locations, exemptions and deferred verdicts reports carry.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { readInputs } from "../../cli/inputs";
import { renderGithub } from "../../cli/report/github";
import { renderJson } from "../../cli/report/json";
import { renderJunit } from "../../cli/report/junit";
import { allFindings, type ScanReport } from "../../cli/report/model";
import { renderSarif } from "../../cli/report/sarif";
import { renderText } from "../../cli/report/text";
import { progressReporter, terminalOf, wrap } from "../../cli/report/terminal";
import { buildScanReport, type ScanOptions } from "../../cli/run";
import { TriageError } from "../../cli/triage";
import { packDir, useRunner } from "../e2e";
import { helmTemplateOutput, mixedDirectory, privilegedDeployment, tempDir } from "./fixtures";
import { parseXml, type XmlElement } from "./xml";

const base: ScanOptions = {
    paths: [],
    format: "text",
    perFile: false,
    update: false,
    failOn: "mandatory",
    showExempt: false,
    remediation: true,
    strict: false,
    limits: {},
};

const plainText = { terminal: { color: false, width: 0 }, remediation: true, showExempt: true };
const findingsOf = (report: ScanReport, policy: string) => allFindings(report).filter((f) => f.policy === policy);

describe("cluster-guard scan reports (in process)", () => {
    const runner = useRunner();
    const scan = (options: Partial<ScanOptions>) => buildScanReport({ ...base, ...options }, { runner: runner() });

    describe("a directory with good manifests, a broken YAML, a Chart.yaml and a kustomization.yaml", () => {
        const dir = mixedDirectory();
        let report: ScanReport;
        before(async function () {
            this.timeout(120_000);
            report = await scan({ paths: [dir] });
        });

        it("reports the good findings located to the line, warns about each of the others, and exits by --fail-on", async () => {
            const privileged = findingsOf(report, "k8s-no-privileged-containers");
            assert.deepStrictEqual(
                privileged.map((f) => [path.basename(f.location.file!), f.location.line, f.field]),
                [["app.yaml", 14, "spec.template.spec.containers[0].securityContext.privileged"]],
            );
            assert.deepStrictEqual(report.warnings.map((w) => path.basename(w.file)).sort(), ["Chart.yaml", "broken.yaml", "kustomization.yaml"]);
            assert.strictEqual(report.exitCode, 1);
            assert.strictEqual((await scan({ paths: [dir], failOn: "none" })).exitCode, 0);
            assert.strictEqual((await scan({ paths: [dir], failOn: "critical" })).exitCode, 1);
            assert.strictEqual((await scan({ paths: [dir], failOn: "critical", skipPolicies: ["k8s-no-privileged-containers", "k8s-pss-*"] })).exitCode, 0);
            assert.strictEqual((await scan({ paths: [dir], failOn: "none", strict: true })).exitCode, 2);
        });

        it("locates findings in the second document of a file to its own lines", () => {
            const web = report.stacks[0].resources.find((r) => r.label === 'Deployment "shop/web"')!;
            const debug = report.stacks[0].resources.find((r) => r.label === 'Deployment "shop/debug"')!;
            assert.strictEqual(web.location?.line, 1);
            assert.strictEqual(debug.location?.line, 16);
            const image = (r: typeof web) => r.findings.find((f) => f.policy === "k8s-image-digest-pinned")!.location.line;
            assert.deepStrictEqual([image(web), image(debug)], [13, 30]);
        });

        it("lists the annotation exemption with its reason in JSON and under --show-exempt, and counts it", () => {
            const json = JSON.parse(renderJson(report)) as { stacks: { exemptions: { policy: string; resource: { label: string }; reason: string; source: string }[] }[]; summary: { exempted: number } };
            const exemption = json.stacks[0].exemptions.find((e) => e.policy === "k8s-no-privileged-containers")!;
            assert.deepStrictEqual([exemption.resource.label, exemption.source, exemption.reason], [
                'Deployment "shop/debug"',
                "annotation",
                "annotation exempt.clusterguard.io/k8s-no-privileged-containers: break-glass debugging",
            ]);
            assert.ok(json.summary.exempted >= 1);
            const shown = renderText(report, { ...plainText, showExempt: true });
            const hidden = renderText(report, { ...plainText, showExempt: false });
            assert.match(shown, /Deployment "shop\/debug" k8s-no-privileged-containers: annotation exempt\.clusterguard\.io\/k8s-no-privileged-containers: break-glass debugging/);
            assert.doesNotMatch(hidden, /break-glass/);
            assert.match(hidden, /· [1-9]\d* exempted ·/);
        });

        it("writes SARIF 2.1.0 that validates against the official schema", () => {
            const schema = JSON.parse(fs.readFileSync(path.join(packDir, "test", "fixtures", "sarif-schema-2.1.0.json"), "utf8")) as object;
            const ajv = new Ajv04({ allErrors: true, strict: false });
            addFormats(ajv);
            const validate = ajv.compile(schema);
            const sarif = JSON.parse(renderSarif(report)) as {
                runs: { tool: { driver: { rules: { id: string; properties: Record<string, unknown> }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[]; invocations: { toolExecutionNotifications: unknown[] }[] }[];
            };
            assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
            const run = sarif.runs[0];
            assert.strictEqual(run.tool.driver.rules.length, report.policies.length);
            assert.strictEqual(run.tool.driver.rules.find((r) => r.id === "k8s-no-privileged-containers")!.properties["security-severity"], "9.5");
            const privileged = run.results.find((r) => r.ruleId === "k8s-no-privileged-containers")!;
            assert.strictEqual(privileged.level, "error");
            assert.match(privileged.locations[0].physicalLocation.artifactLocation.uri, /app\.yaml$/);
            assert.strictEqual(privileged.locations[0].physicalLocation.region.startLine, 14);
            assert.strictEqual(run.invocations[0].toolExecutionNotifications.length, 3);
            // The schema check has teeth: a result without a message is rejected.
            const broken = JSON.parse(JSON.stringify(sarif)) as { runs: { results: Record<string, unknown>[] }[] };
            delete broken.runs[0].results[0].message;
            assert.ok(!validate(broken));
        });

        it("writes JUnit XML that parses, with a failure per failing finding and the skipped inputs", () => {
            const root = parseXml(renderJunit(report, false));
            const cases = (e: XmlElement): XmlElement[] => (e.name === "testcase" ? [e] : e.children.flatMap(cases));
            const failures = cases(root).filter((c) => c.children.some((x) => x.name === "failure"));
            assert.strictEqual(root.name, "testsuites");
            assert.strictEqual(Number(root.attributes.failures), report.triage.failing);
            assert.strictEqual(failures.length, report.triage.failing);
            assert.ok(failures.some((c) => c.attributes.classname === "k8s-no-privileged-containers" && c.attributes.line === "14"));
            const inputs = root.children.find((s) => s.attributes.name === "inputs")!;
            assert.strictEqual(inputs.children.filter((c) => c.children[0].name === "skipped").length, 3);
            assert.strictEqual(parseXml(renderJunit(report, true)).attributes.errors, "3");
            assert.throws(() => parseXml("<a><b></a>"));
        });

        it("writes GitHub workflow annotations on file and line", () => {
            const lines = renderGithub(report).trim().split("\n");
            assert.ok(lines.some((l) => /^::error file=[^,]*app\.yaml,line=14,col=\d+,title=k8s-no-privileged-containers \(critical%2C mandatory\)%3A Deployment "shop\/web"::/.test(l)), lines.join("\n"));
            assert.strictEqual(lines.filter((l) => l.startsWith("::warning ") && l.includes("input skipped")).length, 3);
            assert.match(lines[lines.length - 1], /^cluster-guard: \d+ findings \(\d+ failing at --fail-on mandatory\)/);
        });

        it("prints a text report with a header, each remediation once per policy, and a summary", () => {
            const text = renderText(report, plainText);
            const lines = text.split("\n");
            assert.match(lines[0], /^cluster-guard \d+\.\d+\.\d+ · pack cluster-guard@\d+\.\d+\.\d+ · default config · preview$/);
            assert.match(lines[1], /^Scanned 1 file from .*: 2 resources$/);
            assert.ok(Math.max(...lines.slice(0, 2).map((l) => l.length)) < 200);
            assert.strictEqual(text.split("\n  k8s-image-digest-pinned: ").length - 1, 1, "remediation printed once for two findings");
            assert.strictEqual(findingsOf(report, "k8s-image-digest-pinned").length, 2);
            assert.match(text, /\n {2}k8s-no-privileged-containers\s+critical\s+mandatory\s+1\n/);
            assert.match(text, /Result: failed: \d+ findings? at --fail-on mandatory \(exit 1\)/);
            assert.doesNotMatch(text, /\u001b\[/, "no colour when not on a terminal");
            assert.match(text, /Input warnings \(3\)/);
        });

        it("round-trips a baseline: written, then rescanned with it, 0 new findings", async () => {
            const file = path.join(tempDir({}), "baseline.json");
            const first = await scan({ paths: [dir], writeBaseline: file });
            const total = allFindings(first).length;
            assert.ok(total > 0);
            const again = await scan({ paths: [dir], baseline: file });
            assert.strictEqual(allFindings(again).length, 0);
            assert.strictEqual(again.triage.baselined, total);
            assert.strictEqual(again.exitCode, 0);
            // Keyed by policy, resource and field: a changed message or a shifted line keeps it hidden; a new finding shows.
            const moved = tempDir({ "app.yaml": `# a comment moves every line\n${fs.readFileSync(path.join(dir, "app.yaml"), "utf8").replace("nginx:1.27", "nginx:1.28")}` });
            fs.renameSync(path.join(moved, "app.yaml"), path.join(dir, "app.yaml"));
            fs.appendFileSync(path.join(dir, "app.yaml"), `---\n${privilegedDeployment("new")}`);
            const later = await scan({ paths: [dir], baseline: file });
            assert.deepStrictEqual([...new Set(allFindings(later).map((f) => later.stacks[0].resources.find((r) => r.findings.includes(f))!.label))], ['Deployment "shop/new"']);
        });
    });

    it("reads helm template output from a file the way stdin delivers it, located to the line", async () => {
        const dir = tempDir({ "rendered.yaml": helmTemplateOutput });
        const report = await scan({ paths: [path.join(dir, "rendered.yaml")] });
        assert.deepStrictEqual(report.warnings, []);
        assert.strictEqual(report.stacks[0].resourcesScanned, 2);
        assert.strictEqual(findingsOf(report, "k8s-no-privileged-containers")[0].location.line, 9 + 14);
    });

    it("filters by severity, policy glob and tag, and rejects a pattern that matches nothing", async () => {
        const dir = mixedDirectory();
        const high = await scan({ paths: [dir], minSeverity: "high" });
        assert.ok(allFindings(high).length > 0);
        assert.ok(allFindings(high).every((f) => f.severity === "high" || f.severity === "critical"));
        assert.ok(high.triage.filtered > 0);
        const images = await scan({ paths: [dir], policies: ["k8s-image-*"] });
        assert.ok(allFindings(images).length > 0 && allFindings(images).every((f) => f.policy.startsWith("k8s-image-")));
        const restricted = await scan({ paths: [dir], tags: ["pss-restricted"] });
        const tagged = new Set(restricted.policies.filter((p) => p.tags.includes("pss-restricted")).map((p) => p.name));
        assert.ok(allFindings(restricted).length > 0 && allFindings(restricted).every((f) => tagged.has(f.policy)));
        await assert.rejects(scan({ paths: [dir], policies: ["no-such-*"] }), (e: Error) => e instanceof TriageError && /matches no policy/.test(e.message));
        await assert.rejects(scan({ paths: [dir], skipPolicies: ["k8s-[a"] }), (e: Error) => e instanceof TriageError && /^policy pattern "k8s-\[a" is not a valid glob pattern \(.+\)$/.test(e.message));
    });

    it("reports a verdict deferred for an unknown value apart from findings, counted in every format", async () => {
        const dir = tempDir({
            "r.json": JSON.stringify([{ type: "aws:eks/cluster:Cluster", name: "prod", props: { name: "prod", encryptionConfig: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" } }], null, 2),
        });
        const report = await scan({ paths: [dir] });
        const deferred = report.stacks[0].deferred.find((d) => d.policy === "eks-secrets-encryption");
        assert.ok(deferred, JSON.stringify(report.stacks[0].deferred));
        assert.ok(!findingsOf(report, "eks-secrets-encryption").length);
        const count = report.stacks[0].counts.deferred;
        assert.ok(count >= 1);
        assert.strictEqual((JSON.parse(renderJson(report)) as { summary: { deferred: number } }).summary.deferred, count);
        assert.strictEqual((JSON.parse(renderSarif(report)) as { runs: { properties: { counts: { deferred: number } } }[] }).runs[0].properties.counts.deferred, count);
        const junitSkipped = parseXml(renderJunit(report, false)).children[0].children.filter((c) => c.children[0]?.name === "skipped").length;
        assert.strictEqual(junitSkipped, count);
        assert.match(renderGithub(report), new RegExp(`, ${count} deferred,`));
        assert.match(renderText(report, plainText), new RegExp(`Deferred \\(${count}\\)[^\\n]*\\n[^\\n]*Cluster "prod" eks-secrets-encryption: `));
        // The finding side: a JSON file's findings carry the URN and a JSON pointer, and still a line.
        const prod = report.stacks[0].resources.find((r) => r.label === 'Cluster "prod"')!;
        assert.match(prod.urn, /::aws:eks\/cluster:Cluster::prod$/);
        assert.ok(prod.findings.every((f) => f.location.pointer?.startsWith("/0/props") && f.location.line! >= 1));
    });

    it("sets --namespace for objects without one, and keeps objects with one name in two files apart", async () => {
        const pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: nginx:1}]\n";
        const dir = tempDir({ "a.yaml": pod, "b.yaml": pod });
        const plain = await scan({ paths: [dir] });
        const namespaced = await scan({ paths: [dir], namespace: "shop" });
        assert.strictEqual(findingsOf(plain, "k8s-no-default-namespace").length, 2);
        assert.strictEqual(findingsOf(namespaced, "k8s-no-default-namespace").length, 0);
        assert.deepStrictEqual(namespaced.stacks[0].resources.map((r) => `${path.basename(r.location!.file!)} ${r.label}`).sort(), ['a.yaml Pod "shop/p"', 'b.yaml Pod "shop/p"']);
        const perFile = await scan({ paths: [dir], perFile: true });
        assert.deepStrictEqual(perFile.stacks.map((s) => [path.basename(s.source), s.resourcesScanned]), [["a.yaml", 1], ["b.yaml", 1]]);
    });

    it("reads warnings from every unreadable input without stopping (as the CLI does)", () => {
        const read = readInputs([mixedDirectory(), "/no/such/dir"]);
        assert.strictEqual(read.warnings.length, 4);
    });

    it("shows progress only on a terminal", () => {
        const written: string[] = [];
        const stream = (isTTY: boolean) => ({ isTTY, write: (s: string) => written.push(s) }) as unknown as NodeJS.WriteStream;
        progressReporter(stream(false), {})(5, 10);
        assert.deepStrictEqual(written, []);
        progressReporter(stream(true), {})(10, 10);
        assert.match(written.join(""), /analyzing resources 10\/10/);
    });

    it("colours only a terminal without NO_COLOR, and wraps to its width", () => {
        assert.strictEqual(terminalOf({ isTTY: true, columns: 80 }, {}).color, true);
        assert.strictEqual(terminalOf({ isTTY: true, columns: 80 }, { NO_COLOR: "1" }).color, false);
        assert.strictEqual(terminalOf({ isTTY: false }, {}).color, false);
        assert.strictEqual(terminalOf({ isTTY: true, columns: 80 }, {}).width, 80);
        const wrapped = wrap("word ".repeat(40).trim(), 60, "    ");
        assert.ok(wrapped.split("\n").every((l) => l.length <= 60 && l.startsWith("    ")));
        assert.strictEqual(wrapped.replace(/\n {4}/g, " ").trim(), "word ".repeat(40).trim());
    });
});

describe("cluster-guard scan with config exemptions (in process)", () => {
    const runner = useRunner({ "k8s-no-privileged-containers": { excludeResourceNames: ["shop/web"] } });

    it("keeps excludeResourceNames working on namespace/name although scanned names carry the file", async () => {
        const report = await buildScanReport({ ...base, paths: [mixedDirectory()] }, { runner: runner() });
        assert.deepStrictEqual(findingsOf(report, "k8s-no-privileged-containers"), []);
        const exemptions = report.stacks[0].exemptions.filter((e) => e.policy === "k8s-no-privileged-containers").map((e) => [e.resource.label, e.source, e.reason]);
        assert.deepStrictEqual(exemptions.sort(), [
            ['Deployment "shop/debug"', "annotation", "annotation exempt.clusterguard.io/k8s-no-privileged-containers: break-glass debugging"],
            ['Deployment "shop/web"', "config", 'exempted by config: excludeResourceNames matches "shop/web"'],
        ]);
    });
});
