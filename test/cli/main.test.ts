import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { packDir } from "../e2e";

const cli = path.join(packDir, "bin", "cli", "main.js");

function run(args: string[]) {
    const result = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, content: string): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cg-cli-")), name);
    fs.writeFileSync(file, content);
    return file;
}

const privileged = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: "nginx:1.27", securityContext: {privileged: true}}]
`;

describe("cluster-guard CLI (end to end)", () => {
    it("reports a mandatory violation grouped by resource and exits 1", () => {
        const r = run(["scan", tempFile("deploy.yaml", privileged)]);
        assert.strictEqual(r.code, 1, r.stderr);
        assert.match(r.stdout, /kubernetes:apps\/v1:Deployment "shop\/web"\n\s+✖ mandatory critical k8s-no-privileged-containers/);
        assert.match(r.stdout, /Remediation: Remove `securityContext.privileged: true`/);
    });

    it("emits JSON and honours --config levels (advisory only: exit 0)", () => {
        const config = tempFile("config.json", JSON.stringify({ all: "advisory" }));
        const r = run(["scan", tempFile("deploy.yaml", privileged), "--config", config, "--format", "json"]);
        assert.strictEqual(r.code, 0, r.stderr);
        const report = JSON.parse(r.stdout) as { stacks: { counts: { mandatory: number; advisory: number } }[] };
        assert.ok(report.stacks[0].counts.advisory >= 1);
        assert.strictEqual(report.stacks[0].counts.mandatory, 0);
    });

    it("exits 2 with a clear message for bad config and bad input", () => {
        const badConfig = tempFile("config.json", JSON.stringify({ "k8s-no-privileged-containers": { excludeNamespaces: 3 } }));
        const r = run(["scan", tempFile("deploy.yaml", privileged), "--config", badConfig]);
        assert.strictEqual(r.code, 2);
        assert.match(r.stderr, /config for policy "k8s-no-privileged-containers" is invalid/);
        const missing = run(["scan", "/no/such/file.yaml"]);
        assert.strictEqual(missing.code, 2);
        assert.match(missing.stderr, /no such file or directory/);
        assert.strictEqual(run(["frobnicate"]).code, 2);
    });

    it("lists the policies", () => {
        const r = run(["policies"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.match(r.stdout, /^eks-endpoint-private\s+high\s+mandatory\s+aws,control-plane$/m);
    });
});
