// Turns the paths on the command line into the files to read. Anything that cannot or should not be
// read becomes a warning naming the path; Helm charts and kustomizations get the command that renders them.
import * as fs from "fs";
import * as path from "path";
import type { Warn } from "./warnings";
import { systemErrorText } from "../values";

export const stdinPath = "<stdin>";

const manifestExtension = /\.(ya?ml|json)$/i;
const kustomizationNames = new Set(["kustomization.yaml", "kustomization.yml", "Kustomization"]);
// Files and folders of a chart that hold templates or chart metadata, not manifests. crds/ is plain YAML.
const chartOnly = /^(Chart\.ya?ml|Chart\.lock|values.*\.(ya?ml|json)|templates|charts)$/;

export function helmAdvice(dir: string): string {
    return `a Helm chart: its templates are not manifests, so render it first: helm template my-release ${shellQuote(dir)} | cluster-guard scan -`;
}

export function kustomizeAdvice(dir: string): string {
    return `a kustomization: render the overlay first: kubectl kustomize ${shellQuote(dir)} | cluster-guard scan - (other files here are scanned as they are)`;
}

function shellQuote(p: string): string {
    return /^[\w./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}

function describeSpecial(stat: fs.Stats): string | undefined {
    if (stat.isFIFO()) return "a FIFO";
    if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
    if (stat.isSocket()) return "a socket";
    return undefined;
}

/** stat that follows links, with broken and looping links told apart from missing paths. */
function statFollowing(p: string, warn: Warn): fs.Stats | undefined {
    try {
        return fs.statSync(p);
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const isLink = fs.lstatSync(p, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
        if (code === "ELOOP") warn({ file: p, reason: "skipped: symbolic link loop" });
        else if (code === "ENOENT" && isLink) warn({ file: p, reason: `skipped: dangling symbolic link to ${fs.readlinkSync(p)}` });
        else if (code === "ENOENT" || code === "ENOTDIR") warn({ file: p, reason: "skipped: no such file or directory" });
        else warn({ file: p, reason: `skipped: ${systemErrorText(e)}` });
        return undefined;
    }
}

/**
 * The files under `paths`, in order, directories walked recursively (sorted, manifests by extension only),
 * each file once. `-` is stdin. Chart.yaml and kustomization files are skipped with a warning saying how
 * to render them; directories seen twice through links are walked once.
 */
export function locateInputs(paths: string[], warn: Warn): string[] {
    const files: string[] = [];
    const seenFiles = new Set<string>();
    const seenDirs = new Set<string>();

    const addFile = (p: string, stat: fs.Stats) => {
        const special = describeSpecial(stat);
        if (special) return warn({ file: p, reason: `skipped: ${special}, not a regular file` });
        const key = `${stat.dev}:${stat.ino}`;
        if (seenFiles.has(key)) return;
        seenFiles.add(key);
        const base = path.basename(p);
        if (base === "Chart.yaml" || base === "Chart.yml") return warn({ file: p, reason: helmAdvice(path.dirname(p)) });
        if (kustomizationNames.has(base)) return warn({ file: p, reason: kustomizeAdvice(path.dirname(p)) });
        files.push(p);
    };

    const walk = (dir: string, stat: fs.Stats) => {
        const key = `${stat.dev}:${stat.ino}`;
        if (seenDirs.has(key)) return warn({ file: dir, reason: "skipped: directory already scanned (a symbolic link loop or a repeated path)" });
        seenDirs.add(key);
        let entries: string[];
        try {
            entries = fs.readdirSync(dir).sort();
        } catch (e) {
            return warn({ file: dir, reason: `skipped: ${systemErrorText(e)}` });
        }
        const chartFile = entries.find((e) => e === "Chart.yaml" || e === "Chart.yml");
        const isChart = chartFile !== undefined;
        if (isChart) warn({ file: path.join(dir, chartFile), reason: helmAdvice(dir) });
        for (const entry of entries) {
            if (isChart && chartOnly.test(entry)) continue;
            const child = path.join(dir, entry);
            const isLink = fs.lstatSync(child, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
            if (!isLink && !manifestExtension.test(entry) && !kustomizationNames.has(entry)) {
                // Only folders matter among the other names; avoid a stat per file in big trees.
                const lstat = fs.lstatSync(child, { throwIfNoEntry: false });
                if (lstat?.isDirectory()) walk(child, lstat);
                continue;
            }
            const childStat = statFollowing(child, warn);
            if (!childStat) continue;
            if (childStat.isDirectory()) walk(child, childStat);
            else if (manifestExtension.test(entry) || kustomizationNames.has(entry)) addFile(child, childStat);
        }
    };

    for (const p of paths) {
        if (p === "-") {
            files.push(stdinPath);
            continue;
        }
        const stat = statFollowing(p, warn);
        if (!stat) continue;
        if (!stat.isDirectory()) {
            addFile(p, stat);
            continue;
        }
        const before = files.length;
        walk(p, stat);
        if (files.length === before) warn({ file: p, reason: "no manifests here: no .yaml, .yml or .json files to scan" });
    }
    return files;
}
