// The shipped JavaScript, bundled by esbuild: the published pack loads one file for its own code instead
// of some two hundred small modules (about 75 ms less CPU at start, measured in docs/PERFORMANCE.md), and
// installs in fewer disk blocks. Packages stay external: they are required from the pack's node_modules,
// so @pulumi/policy and @pulumi/pulumi are the very modules the Pulumi CLI's runner loaded. The one
// exception is ajv, which only the CLI uses (to validate settings): bundled into dist/cli.js, it and its
// dependencies (3 MiB installed) stay out of the production install. No source maps: the bundle is the
// compiled code, unminified, and names are kept for readable stack traces.
import * as esbuild from "esbuild";
import * as fs from "fs";
import * as path from "path";

export const dist = "dist";

/** Packages bundled into the CLI instead of installed: development dependencies the shipped code uses. */
export const bundledPackages = ["ajv"];
/** The bundled packages and, transitively, the packages they depend on, as their manifests declare. */
function bundledWithDependencies(): Set<string> {
    const names = new Set<string>();
    const pending = [...bundledPackages];
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
        if (names.has(name)) continue;
        names.add(name);
        const manifest = require(`${name}/package.json`) as { dependencies?: Record<string, string> };
        pending.push(...Object.keys(manifest.dependencies ?? {}));
    }
    return names;
}

/** The packages of package.json (the production dependencies), left external: required from node_modules. */
function installedPackages(dir: string): string[] {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
    return Object.keys(manifest.dependencies ?? {}).flatMap((name) => [name, `${name}/*`]);
}

/** The compiled entry points (under bin/) and the files they become in dist/. */
const entries = { index: "bin/index.js", cli: "bin/cli/main.js" };

/** `<dir>/dist/index.js` (the pack) and `<dir>/dist/cli.js` (the CLI), bundled from `<dir>/bin`. */
export function writeDist(dir: string): void {
    const out = path.join(dir, dist);
    fs.rmSync(out, { recursive: true, force: true });
    const result = esbuild.buildSync({
        absWorkingDir: dir,
        entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, path.join(dir, file)])),
        outdir: out,
        bundle: true,
        external: installedPackages(dir),
        // The bundled packages come from this checkout's node_modules, also when `dir` is a staged copy.
        nodePaths: [path.join(dir, "node_modules"), path.resolve(__dirname, "..", "..", "node_modules")],
        metafile: true,
        platform: "node",
        target: "node20",
        format: "cjs",
        keepNames: true,
        logLevel: "warning",
    });
    // Only the packages meant to be bundled may end up in the bundles: anything else must be a dependency.
    const bundled = bundledWithDependencies();
    const strays = Object.keys(result.metafile!.inputs).filter((file) => {
        const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
        return match !== null && !bundled.has(match[1]);
    });
    if (strays.length > 0) throw new Error(`bundle: ${strays[0]} is not a dependency; add its package to dependencies or bundledPackages`);
    fs.chmodSync(path.join(out, "cli.js"), 0o755);
}
