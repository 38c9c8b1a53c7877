// The CLI as CI runs it: exit codes, stdin, one-line errors (issue 15 items 6 to 8).
import * as assert from "assert";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { secretSig, signatureKey } from "../../engine/wire";
import { packDir } from "../e2e";
import { helmTemplateOutput, mixedDirectory, privilegedDeployment, tempDir } from "./fixtures";

const cli = path.join(packDir, "bin", "cli", "main.js");

function run(args: string[], options: { input?: string; uid?: number; gid?: number } = {}) {
    const result = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", timeout: 90_000, env: { ...process.env, NO_COLOR: "1" }, ...options });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, timedOut: result.error !== undefined };
}

const oneLine = (stderr: string) => stderr.trim().split("\n");

describe("cluster-guard CLI (end to end)", () => {
    it("on a directory with good manifests, broken YAML, a Chart.yaml and a kustomization.yaml: findings, a warning each, exit by --fail-on", () => {
        const dir = mixedDirectory();
        const r = run(["scan", dir]);
        assert.strictEqual(r.code, 1, r.stderr);
        assert.match(r.stdout, /app\.yaml:1:1 {2}Deployment "shop\/web"\n {2}✖ critical mandatory k8s-no-privileged-containers line 14\n/);
        assert.match(r.stdout, /Input warnings \(3\)/);
        assert.match(r.stdout, /broken\.yaml:\d+: document 1 skipped: it is not valid YAML/);
        assert.match(r.stdout, /Chart\.yaml: a Helm chart: .*helm template my-release/);
        assert.match(r.stdout, /kustomization\.yaml: a kustomization: .*kubectl kustomize/);
        assert.strictEqual(run(["scan", dir, "--fail-on", "none"]).code, 0);
        const strict = run(["scan", dir, "--fail-on", "none", "--strict", "--format", "json"]);
        assert.strictEqual(strict.code, 2);
        assert.strictEqual((JSON.parse(strict.stdout) as { warnings: unknown[] }).warnings.length, 3);
        assert.match(strict.stderr, /cluster-guard: warning: .*broken\.yaml/);
    });

    it("reads helm template style multi-document stdin with -, located to the line", () => {
        const r = run(["scan", "-", "--format", "json"], { input: helmTemplateOutput });
        assert.strictEqual(r.code, 1, r.stderr);
        const report = JSON.parse(r.stdout) as { stacks: { resources: { label: string; findings: { policy: string; location: { file: string; line: number } }[] }[] }[] };
        const deployment = report.stacks[0].resources.find((x) => x.label === 'Deployment "shop/app"')!;
        assert.deepStrictEqual(deployment.findings.find((f) => f.policy === "k8s-no-privileged-containers")!.location, { file: "<stdin>", line: 23, column: 29 });
    });

    it("scans a stack export of two clusters: a NetworkPolicy of one cluster does not cover pods of the other", () => {
        const resources: object[] = [];
        for (const colour of ["blue", "green"]) {
            const cluster = `urn:pulumi:prod::apps::gcp:container/cluster:Cluster::${colour}`;
            const provider = `urn:pulumi:prod::apps::pulumi:providers:kubernetes::${colour}`;
            const kubeconfig = { [signatureKey]: secretSig, ciphertext: "AAAA" };
            const object = (type: string, name: string, props: object) => ({ urn: `urn:pulumi:prod::apps::${type}::${colour}-${name}`, type, custom: true, provider: `${provider}::id-${colour}`, inputs: props, outputs: props });
            resources.push(
                { urn: cluster, type: "gcp:container/cluster:Cluster", custom: true, inputs: { location: "europe-west1" }, outputs: { location: "europe-west1" } },
                { urn: provider, type: "pulumi:providers:kubernetes", custom: true, inputs: { kubeconfig }, outputs: { kubeconfig }, propertyDependencies: { kubeconfig: [cluster] } },
                object("kubernetes:apps/v1:Deployment", "web", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "shop" }, spec: { selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "registry.example.com/web:1.0" }] } } } }),
            );
            if (colour === "blue") {
                resources.push(object("kubernetes:networking.k8s.io/v1:NetworkPolicy", "deny", { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "deny", namespace: "shop" }, spec: { podSelector: {}, policyTypes: ["Ingress"] } }));
            }
        }
        const dir = tempDir({ "export.json": JSON.stringify({ version: 3, deployment: { resources } }) });
        const r = run(["scan", path.join(dir, "export.json"), "--format", "json", "--fail-on", "none"]);
        assert.strictEqual(r.code, 0, r.stderr);
        const report = JSON.parse(r.stdout) as { stacks: { resources: { urn?: string; findings: { policy: string }[] }[] }[] };
        const flagged = report.stacks[0].resources.filter((x) => x.findings.some((f) => f.policy === "k8s-network-default-deny-ingress")).map((x) => x.urn);
        assert.deepStrictEqual(flagged, ["urn:pulumi:prod::apps::kubernetes:apps/v1:Deployment::green-web"]);
    });

    it("turns a PolicyConfigError from the pack into one line with exit 2, a stack trace only with --debug", () => {
        const dir = tempDir({
            "app.yaml": `${privilegedDeployment("web")}---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: admins}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\nsubjects: [{kind: Group, name: ops}]\n`,
            "subjects.json": JSON.stringify({ "k8s-rbac-no-cluster-admin-binding": { allowedSubjects: ["ops"] } }),
            "metadata.json": JSON.stringify({ "k8s-block-metadata-egress": { metadataAddresses: ["300.1.1.1"] } }),
            "glob.json": JSON.stringify({ "k8s-no-privileged-containers": { excludeNamespaces: ["a{b,"] } }),
            "account.json": JSON.stringify({ "k8s-rbac-no-cluster-admin-binding": { allowedSubjects: ["ServiceAccount:ci"] } }),
        });
        for (const [config, expected] of [
            ["subjects.json", /^cluster-guard: invalid configuration for policy "k8s-rbac-no-cluster-admin-binding": allowedSubjects: "ops" must look like/],
            ["metadata.json", /^cluster-guard: invalid configuration for policy "k8s-block-metadata-egress": metadataAddresses: "300.1.1.1" is not an IP address$/m],
            ["glob.json", /^cluster-guard: invalid configuration for policy "k8s-no-privileged-containers": excludeNamespaces: "a\{b," is not a valid glob pattern \(Missing closing: "\}"\)$/m],
            ["account.json", /^cluster-guard: invalid configuration for policy "k8s-rbac-no-cluster-admin-binding": allowedSubjects: "ServiceAccount:ci" names a ServiceAccount without its namespace/m],
        ] as const) {
            const r = run(["scan", path.join(dir, "app.yaml"), "--config", path.join(dir, config)]);
            assert.strictEqual(r.code, 2, r.stderr);
            assert.strictEqual(oneLine(r.stderr).length, 1, r.stderr);
            assert.match(r.stderr, expected);
        }
        const debug = run(["scan", path.join(dir, "app.yaml"), "--config", path.join(dir, "metadata.json"), "--debug"]);
        assert.strictEqual(debug.code, 2);
        assert.match(debug.stderr, /\n\s+at /);
        for (const args of [["frobnicate"], ["scan", dir, "--format", "xml"], ["scan", dir, "--fail-on", "sometimes"], ["scan", dir, "--namespace", "Bad_NS"], ["scan", "--nope"]]) {
            const r = run(args);
            assert.strictEqual(r.code, 2, args.join(" "));
            assert.match(oneLine(r.stderr)[0], /^cluster-guard: /);
            assert.doesNotMatch(r.stderr, /\n\s+at /);
        }
    });

    it("does not block on a FIFO, refuses a 200 MB file by size, and says so in one line when nothing is left", () => {
        const dir = tempDir({});
        execFileSync("mkfifo", [path.join(dir, "x.yaml")]);
        const fifo = run(["scan", path.join(dir, "x.yaml")]);
        assert.ok(!fifo.timedOut);
        assert.strictEqual(fifo.code, 2);
        assert.match(fifo.stderr, /^cluster-guard: nothing scanned: .*x\.yaml: skipped: a FIFO, not a regular file$/m);
        // The report says why it failed: nothing was scanned, not --strict, which was not given.
        assert.match(fifo.stdout, /Result: failed: nothing scanned \(exit 2\)/);
        assert.doesNotMatch(fifo.stdout, /--strict/);
        const huge = path.join(dir, "huge.json");
        fs.closeSync(fs.openSync(huge, "w"));
        fs.truncateSync(huge, 200 * 1024 * 1024);
        const started = Date.now();
        const r = run(["scan", huge]);
        assert.strictEqual(r.code, 2);
        assert.match(r.stderr, /huge\.json: skipped: 200\.0 MiB, over the 32\.0 MiB input limit \(raise it with --max-file-size MiB\)/);
        assert.ok(Date.now() - started < 60_000);
    });

    it("warns about an unreadable file and goes on with the rest", function () {
        const dir = tempDir({ "good.yaml": privilegedDeployment("web"), "secret.yaml": privilegedDeployment("hidden") });
        fs.chmodSync(path.join(dir, "secret.yaml"), 0o000);
        fs.chmodSync(dir, 0o755);
        // Root reads any file: run as nobody then.
        const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
        const r = run(["scan", dir, "--format", "json"], asUser);
        assert.strictEqual(r.code, 1, r.stderr);
        assert.match(r.stderr, /secret\.yaml: skipped: cannot read it: permission denied/);
        const report = JSON.parse(r.stdout) as { stacks: { resources: { label: string }[] }[]; warnings: { reason: string }[] };
        assert.ok(report.stacks[0].resources.some((x) => x.label === 'Deployment "shop/web"'));
        assert.strictEqual(report.warnings.length, 1);
    });

    it("lists the policies", () => {
        const r = run(["policies"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.match(r.stdout, /^eks-endpoint-private\s+high\s+mandatory\s+aws,control-plane$/m);
    });
});
