// What ships: compiled JS that never loads a provider SDK, a manifest without development dependencies
// and a shrinkwrap of the production tree; installed the way Pulumi installs a published pack, it is
// small and it starts.
import * as assert from "assert";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PolicyPackRunner } from "../engine/runner";
import { stage, restore } from "../scripts/pack-manifest";
import { exampleResources, packDir } from "./e2e";

const providerSdks = ["@pulumi/aws", "@pulumi/azure-native", "@pulumi/gcp", "@pulumi/kubernetes"];
const mib = 1024 * 1024;

function jsFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        return e.isDirectory() ? jsFiles(full) : e.name.endsWith(".js") ? [full] : [];
    });
}

function copyTree(from: string, to: string): void {
    fs.cpSync(from, to, { recursive: true, dereference: true });
}

/** Disk usage of a tree, as `du` counts it (allocated blocks); `skip` leaves a child folder out. */
function diskUsage(target: string, skip?: string): number {
    const stat = fs.lstatSync(target);
    if (!stat.isDirectory()) return stat.blocks * 512;
    return fs.readdirSync(target).reduce((sum, name) => (name === skip ? sum : sum + diskUsage(path.join(target, name))), stat.blocks * 512);
}

/** Every installed package folder below `root`, nested ones included. */
function packageDirs(root: string): string[] {
    const modules = path.join(root, "node_modules");
    if (!fs.existsSync(modules)) return [];
    return fs.readdirSync(modules).flatMap((name) => {
        if (name.startsWith(".")) return [];
        const dirs = name.startsWith("@") ? fs.readdirSync(path.join(modules, name)).map((n) => path.join(modules, name, n)) : [path.join(modules, name)];
        return dirs.filter((d) => fs.existsSync(path.join(d, "package.json"))).flatMap((d) => [d, ...packageDirs(d)]);
    });
}

/** The installed packages @pulumi/policy and @pulumi/pulumi need: the floor every Node policy pack installs. */
function sdkClosure(root: string): Set<string> {
    const seen = new Set<string>();
    const visit = (dir: string) => {
        if (seen.has(dir)) return;
        seen.add(dir);
        const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
        for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies, ...manifest.peerDependencies })) {
            // Node's resolution: the nearest node_modules up from the dependent package.
            for (let at = dir; at.startsWith(root); at = path.dirname(at)) {
                const candidate = path.join(at, "node_modules", name);
                if (fs.existsSync(path.join(candidate, "package.json"))) {
                    visit(candidate);
                    break;
                }
            }
        }
    };
    for (const sdk of ["@pulumi/policy", "@pulumi/pulumi"]) visit(path.join(root, "node_modules", sdk));
    return seen;
}

function npm(args: string[], cwd: string): string {
    return execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

describe("packaging", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as {
        main: string;
        version: string;
        dependencies: Record<string, string>;
        devDependencies: Record<string, string>;
        files: string[];
        scripts: Record<string, string>;
    };

    it("keeps provider SDKs out of the runtime dependencies", () => {
        for (const sdk of providerSdks) {
            assert.ok(!(sdk in manifest.dependencies), `${sdk} must be a devDependency`);
            assert.ok(sdk in manifest.devDependencies, `${sdk} is used for types`);
        }
    });

    it("ships compiled JS that requires no provider SDK", () => {
        const shipped = [path.join(packDir, manifest.main), ...["policies", "engine", "cli"].flatMap((d) => jsFiles(path.join(packDir, "bin", d)))];
        assert.ok(shipped.length > 10);
        const pattern = new RegExp(`require\\("(${providerSdks.join("|")})[/"]`);
        assert.deepStrictEqual(shipped.filter((f) => pattern.test(fs.readFileSync(f, "utf8"))).map((f) => path.relative(packDir, f)), []);
    });

    it("stages the published manifest around npm pack, and keeps PulumiPolicy.yaml to documented keys", () => {
        assert.match(manifest.scripts.prepack, /npm run build && node bin\/scripts\/pack-manifest\.js stage$/);
        assert.strictEqual(manifest.scripts.postpack, "node bin/scripts/pack-manifest.js restore");
        // `pulumi policy publish` reads the tarball name from `npm pack`'s stdout: no script banners there.
        assert.match(fs.readFileSync(path.join(packDir, ".npmrc"), "utf8"), /^foreground-scripts=false$/m);
        // The policy pack project file documents no Node.js runtime options; the tarball alone makes the
        // enforcement-time install a production one.
        assert.deepStrictEqual(fs.readFileSync(path.join(packDir, "PulumiPolicy.yaml"), "utf8").split("\n").filter(Boolean).map((l) => l.split(":")[0]), ["description", "runtime"]);
        assert.match(fs.readFileSync(path.join(packDir, "PulumiPolicy.yaml"), "utf8"), /^runtime: nodejs$/m);
    });

    describe("the packed tarball, installed as Pulumi installs a published pack", function () {
        this.timeout(600_000);
        let work: string;
        let installed: string;
        let tarballFiles: string[];
        let packStdout: string;

        before(() => {
            work = fs.mkdtempSync(path.join(os.tmpdir(), "cluster-guard-packaging-"));
            // A copy of what `npm pack` reads, so the repository's own manifest is never touched.
            const source = path.join(work, "source");
            fs.mkdirSync(path.join(source, "bin"), { recursive: true });
            for (const file of ["package.json", "package-lock.json", "README.md", "PulumiPolicy.yaml", ".npmrc", "bin/index.js"]) {
                fs.copyFileSync(path.join(packDir, file), path.join(source, file));
            }
            for (const dir of ["policies", "engine", "cli"]) copyTree(path.join(packDir, "bin", dir), path.join(source, "bin", dir));
            const development = fs.readFileSync(path.join(source, "package.json"), "utf8");
            stage(source);
            try {
                packStdout = npm(["pack", "--loglevel=error", "--ignore-scripts", "--pack-destination", work], source);
            } finally {
                restore(source);
            }
            assert.strictEqual(fs.readFileSync(path.join(source, "package.json"), "utf8"), development, "postpack restores the manifest");
            assert.ok(!fs.existsSync(path.join(source, "npm-shrinkwrap.json")));
            const tarball = path.join(work, packStdout.trim());
            tarballFiles = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).split("\n").filter(Boolean);
            execFileSync("tar", ["xzf", tarball, "-C", work]);
            installed = path.join(work, "package");
            npm(["install", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], installed);
        });

        after(() => {
            if (work) fs.rmSync(work, { recursive: true, force: true });
        });

        it("prints only the tarball's name and ships the pack and the CLI as two bundles, without source maps", () => {
            assert.match(packStdout.trim(), /^cluster-guard-[\w.-]+\.tgz$/);
            assert.deepStrictEqual(tarballFiles.filter((f) => f.endsWith(".map") || f.startsWith("package/bin/")), []);
            for (const file of ["dist/index.js", "dist/cli.js", "npm-shrinkwrap.json"]) assert.ok(tarballFiles.includes(`package/${file}`), file);
            for (const file of ["index.js", "cli.js"]) {
                const bundle = fs.readFileSync(path.join(installed, "dist", file), "utf8");
                assert.ok(!new RegExp(`require\\("(${providerSdks.join("|")})[/"]`).test(bundle), `${file} requires a provider SDK`);
                // Everything of ours is inside; only packages are required at run time.
                assert.deepStrictEqual([...bundle.matchAll(/\brequire\("(\.[^"]*)"\)/g)].map((m) => m[1]), [], `${file} requires a relative path`);
            }
        });

        it("has a manifest without development dependencies and a shrinkwrap of the production tree", () => {
            const published = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8")) as Record<string, unknown>;
            assert.strictEqual(published.devDependencies, undefined);
            assert.strictEqual(published.scripts, undefined);
            assert.strictEqual(published.main, "dist/index.js");
            assert.deepStrictEqual(published.bin, { "cluster-guard": "dist/cli.js" });
            assert.deepStrictEqual(published.dependencies, manifest.dependencies);
            const lock = JSON.parse(fs.readFileSync(path.join(installed, "npm-shrinkwrap.json"), "utf8")) as { packages: Record<string, { dev?: boolean }> };
            const names = Object.keys(lock.packages);
            assert.deepStrictEqual(names.filter((n) => lock.packages[n].dev), []);
            assert.deepStrictEqual(names.filter((n) => /node_modules\/typescript$/.test(n) || providerSdks.some((s) => n.endsWith(`node_modules/${s}`))), []);
        });

        it("installs small: no typescript, no provider SDK, within 96 MiB, and only the runtime packages it declares", () => {
            const modules = path.join(installed, "node_modules");
            for (const name of ["typescript", ...providerSdks]) assert.ok(!fs.existsSync(path.join(modules, name)), `${name} is installed`);
            const total = diskUsage(installed);
            // What ClusterGuard adds: its own files and the packages that the SDK does not need.
            const sdk = sdkClosure(installed);
            const extra = packageDirs(installed).filter((dir) => !sdk.has(dir));
            const added = extra.reduce((sum, dir) => sum + diskUsage(dir, "node_modules"), diskUsage(installed, "node_modules"));
            console.log(`      installed: ${(total / mib).toFixed(1)} MiB, of which ClusterGuard and the packages only it needs ${(added / mib).toFixed(1)} MiB`);
            // YAML input and CIDR parsing; nothing else (ajv, for the CLI's config validation, is bundled in dist/cli.js).
            const allowed = ["yaml", "ipaddr.js"];
            assert.deepStrictEqual(extra.map((dir) => path.relative(path.join(installed, "node_modules"), dir)).filter((n) => !allowed.includes(n)), []);
            assert.ok(total <= 96 * mib, `the install takes ${(total / mib).toFixed(1)} MiB`);
        });

        it("runs the CLI from the bundle, which finds its own package", () => {
            const listing = execFileSync(process.execPath, [path.join(installed, "dist", "cli.js"), "policies"], { cwd: installed, encoding: "utf8" });
            assert.match(listing, /eks-endpoint-private/);
            // A scan starts the installed pack and reports the installed version: both found from dist/.
            const pod = path.join(work, "pod.yaml");
            fs.writeFileSync(pod, "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec: {containers: [{name: web, image: nginx}]}\n");
            const scan = spawnSync(process.execPath, [path.join(installed, "dist", "cli.js"), "scan", pod, "--format", "json"], { cwd: os.tmpdir(), encoding: "utf8" });
            assert.strictEqual(scan.status, 1, scan.stderr);
            const report = JSON.parse(scan.stdout) as { tool: { version: string }; pack: { name: string }; summary: { mandatory: number } };
            assert.deepStrictEqual([report.tool.version, report.pack.name], [manifest.version, "cluster-guard"]);
            assert.ok(report.summary.mandatory > 0);
        });

        it("starts through the engine runner and analyzes", async () => {
            const runner = await PolicyPackRunner.start({ packDir: installed });
            try {
                const [cluster] = exampleResources("aws/eks-insecure.json").filter((r) => r.type === "aws:eks/cluster:Cluster");
                const result = await runner.analyze(cluster);
                assert.ok(result.diagnostics.some((d) => d.policyName === "eks-endpoint-private" && d.enforcementLevel === "mandatory"));
            } finally {
                await runner.stop();
            }
        });
    });
});
