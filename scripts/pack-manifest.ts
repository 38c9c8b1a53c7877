// The published tarball's manifest: `npm pack` (and so `pulumi policy publish`) runs `prepack`, which
// stages it, and `postpack`, which restores the development manifest.
//
// stage:   keeps package.json aside, writes the production manifest (no devDependencies, no scripts,
//          main and bin in dist/), dist/ (the compiled pack and CLI bundled by esbuild, see bundle.ts) and an
//          npm-shrinkwrap.json of the production tree, which npm ships in the tarball and honours when
//          Pulumi runs `npm install` in the unpacked pack at enforcement time.
// restore: puts package.json back and removes dist/ and npm-shrinkwrap.json, so `npm ci` keeps working.
//
// Usage: node bin/scripts/pack-manifest.js stage|restore [packageDir]
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { dist, writeDist } from "./bundle";

const kept = "package.development.json";
const shrinkwrap = "npm-shrinkwrap.json";


interface Manifest {
    devDependencies?: Record<string, string>;
    scripts?: Record<string, string>;
    [key: string]: unknown;
}

/** The manifest as published: what runs the pack and the CLI from dist/, nothing that builds or tests it. */
export function productionManifest(development: Manifest): Manifest {
    const { devDependencies: _dev, scripts: _scripts, ...production } = development;
    const bin = Object.fromEntries(Object.keys((development.bin as Record<string, string> | undefined) ?? {}).map((name) => [name, `${dist}/cli.js`]));
    return { ...production, main: `${dist}/index.js`, bin };
}

/** Runs npm, the one that runs this script when there is one. */
function npm(args: string[], cwd: string): void {
    const npmCli = process.env.npm_execpath;
    const [command, argv] = npmCli && npmCli.endsWith(".js") ? [process.execPath, [npmCli, ...args]] : [process.platform === "win32" ? "npm.cmd" : "npm", args];
    execFileSync(command, argv, { cwd, stdio: ["ignore", "ignore", "inherit"] });
}

/**
 * The lock of the production tree: npm resolves it from the development lock (same versions, from the
 * cache when it can) for the production manifest alone, which drops devDependencies and the packages
 * only they pulled in (typescript among them) and lets npm lay the tree out without them.
 */
export function productionLock(production: Manifest, developmentLock: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cluster-guard-lock-"));
    try {
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(production, null, 2));
        fs.copyFileSync(developmentLock, path.join(dir, "package-lock.json"));
        npm(["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], dir);
        return fs.readFileSync(path.join(dir, "package-lock.json"), "utf8");
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

export function stage(dir: string): void {
    if (fs.existsSync(path.join(dir, kept))) restore(dir); // a pack that died before postpack
    const manifestPath = path.join(dir, "package.json");
    const text = fs.readFileSync(manifestPath, "utf8");
    const production = productionManifest(JSON.parse(text) as Manifest);
    const lock = productionLock(production, path.join(dir, "package-lock.json"));
    fs.writeFileSync(path.join(dir, kept), text);
    writeDist(dir);
    fs.writeFileSync(path.join(dir, shrinkwrap), lock);
    fs.writeFileSync(manifestPath, `${JSON.stringify(production, null, 2)}\n`);
}

export function restore(dir: string): void {
    const keptPath = path.join(dir, kept);
    if (!fs.existsSync(keptPath)) return;
    fs.writeFileSync(path.join(dir, "package.json"), fs.readFileSync(keptPath));
    fs.rmSync(path.join(dir, shrinkwrap), { force: true });
    fs.rmSync(path.join(dir, dist), { recursive: true, force: true });
    fs.rmSync(keptPath);
}

if (require.main === module) {
    const [command, dir = path.resolve(__dirname, "..", "..")] = process.argv.slice(2);
    if (command === "stage") stage(dir);
    else if (command === "restore") restore(dir);
    else {
        console.error("usage: pack-manifest stage|restore [packageDir]");
        process.exitCode = 2;
    }
}
