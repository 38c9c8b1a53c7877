// One file for the shipped JavaScript: the published pack loads a single script instead of some two
// hundred small modules (fewer file lookups at start, fewer disk blocks installed). tsc's CommonJS
// modules are kept as they are, each in a function that gets its own `require`, `module`, `__filename`
// and `__dirname` (those of its place under bin/); relative requires resolve inside the bundle, any
// other request is required from the bundle's own location, i.e. from the pack's node_modules.
import * as fs from "fs";
import * as path from "path";

/** The compiled modules reachable from `entries` (paths relative to `root`, e.g. "bin/index.js"). */
export function reachableModules(root: string, entries: readonly string[]): Map<string, string> {
    const modules = new Map<string, string>();
    const pending = [...entries];
    while (pending.length > 0) {
        const id = pending.pop()!;
        if (modules.has(id)) continue;
        const source = fs
            .readFileSync(path.join(root, id), "utf8")
            .replace(/^#!.*\n/, "")
            .replace(/\n\/\/# sourceMappingURL=.*$/m, "");
        modules.set(id, source);
        for (const match of source.matchAll(/\brequire\("(\.{1,2}\/[^"]+)"\)/g)) pending.push(resolveRelative(root, id, match[1]));
    }
    return modules;
}

function resolveRelative(root: string, from: string, request: string): string {
    const target = path.posix.join(path.posix.dirname(from), request);
    for (const candidate of [target, `${target}.js`, `${target}/index.js`]) {
        if (candidate.endsWith(".js") && fs.existsSync(path.join(root, candidate))) return candidate;
    }
    throw new Error(`${from}: cannot resolve ${request}`);
}

const loader = `
const path = require("path");
const root = path.join(__dirname, "..");
const cache = new Map();
function resolveIn(from, request) {
    const target = path.posix.join(path.posix.dirname(from), request);
    for (const candidate of [target, target + ".js", target + "/index.js"]) if (modules[candidate]) return candidate;
    return undefined;
}
function load(id, asMain) {
    const cached = cache.get(id);
    if (cached) return cached.exports;
    const module = { id, exports: {}, loaded: false };
    cache.set(id, module);
    const moduleRequire = (request) => {
        if (request.startsWith("./") || request.startsWith("../")) {
            const target = resolveIn(id, request);
            if (target) return load(target, false);
        }
        return require(request);
    };
    moduleRequire.resolve = require.resolve;
    moduleRequire.cache = require.cache;
    moduleRequire.main = asMain ? module : require.main;
    const filename = path.join(root, id);
    modules[id].call(module.exports, module.exports, moduleRequire, module, filename, path.dirname(filename));
    module.loaded = true;
    return module.exports;
}
module.exports = load;
`;

/** The bundle's source: every module, then the loader; `require("./bundle.js")(id)` loads one. */
export function bundleSource(modules: Map<string, string>): string {
    const entries = [...modules].map(([id, source]) => `${JSON.stringify(id)}: function (exports, require, module, __filename, __dirname) {\n${source}\n}`);
    return `"use strict";\nconst modules = {\n${entries.join(",\n")}\n};\n${loader}`;
}

export const dist = "dist";
/** The compiled entry points the bundle starts from. */
const packEntry = "bin/index.js";
const cliEntry = "bin/cli/main.js";

/** `<dir>/dist/`: the bundle of `<dir>/bin`, and the two files that start the pack and the CLI from it. */
export function writeDist(dir: string): void {
    const out = path.join(dir, dist);
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "bundle.js"), bundleSource(reachableModules(dir, [packEntry, cliEntry])));
    fs.writeFileSync(path.join(out, "index.js"), `"use strict";\nmodule.exports = require("./bundle.js")(${JSON.stringify(packEntry)});\n`);
    fs.writeFileSync(path.join(out, "cli.js"), `#!/usr/bin/env node\n"use strict";\nrequire("./bundle.js")(${JSON.stringify(cliEntry)}, true);\n`, { mode: 0o755 });
}
