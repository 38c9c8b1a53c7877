// Captures the real Pulumi programs under test/programs the way the engine would see them, in a
// preview and at `pulumi up`, and turns a capture into what the engine runner sends: Analyze on each
// resource's inputs, AnalyzeStack on every resource's outputs with parent and dependencies.
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { ResourceInput } from "../../engine/runner";
import type { Mode } from "./model";
import type { CapturedResource } from "./monitor";

export type { Mode } from "./model";
export type { CapturedResource } from "./monitor";

export interface CapturedProgram {
    preview: CapturedResource[];
    up: CapturedResource[];
}

/** What the engine sends for one run of a program. */
export interface ProgramRun {
    /** Every registration with its inputs, in program order: what Analyze sees. */
    inputs: ResourceInput[];
    /** Every resource with its outputs, parent and dependencies: what AnalyzeStack sees. */
    outputs: ResourceInput[];
}

/** Compiled programs live beside this module's compiled copy: bin/test/programs/<cloud>/<name>.js. */
export const programsDir = path.resolve(__dirname, "..", "programs");

const captures = new Map<string, Promise<CapturedProgram>>();

/** Runs `test/programs/<relative>` (e.g. "aws/eks-hardened") under mocks, once per test process. */
export function captureProgram(relative: string): Promise<CapturedProgram> {
    let capture = captures.get(relative);
    if (!capture) {
        capture = runChild(path.join(programsDir, `${relative}.js`));
        captures.set(relative, capture);
    }
    return capture;
}

function runChild(program: string): Promise<CapturedProgram> {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cg-capture-")), "capture.json");
    return new Promise((resolve, reject) => {
        execFile(process.execPath, [path.join(__dirname, "child.js"), program, out], { maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
            try {
                if (error) throw new Error(`capturing ${program} failed: ${stderr || error.message}`);
                resolve(JSON.parse(fs.readFileSync(out, "utf8")) as CapturedProgram);
            } catch (e) {
                reject(e);
            } finally {
                fs.rmSync(path.dirname(out), { recursive: true, force: true });
            }
        });
    });
}

function asInput(resource: CapturedResource, props: Record<string, unknown>, byUrn: ReadonlyMap<string, CapturedResource>): ResourceInput {
    // The engine names each resource's explicit provider with the provider's inputs (step_generator.go, AnalyzeResources).
    const provider = resource.provider ? byUrn.get(resource.provider) : undefined;
    return {
        type: resource.type,
        name: resource.name,
        urn: resource.urn,
        props,
        ...(resource.parent ? { parent: resource.parent } : {}),
        dependencies: resource.dependencies,
        propertyDependencies: resource.propertyDependencies,
        ...(provider ? { provider: { type: provider.type, name: provider.name, urn: provider.urn, props: provider.inputs } } : {}),
    };
}

/** The engine's view of one mode of a captured program. */
export function programRun(program: CapturedProgram, mode: Mode): ProgramRun {
    const resources = program[mode];
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    return {
        inputs: resources.map((r) => asInput(r, r.inputs, byUrn)),
        outputs: resources.map((r) => asInput(r, r.outputs, byUrn)),
    };
}
