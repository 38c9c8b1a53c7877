// Runs one Pulumi program under mocks, in a preview and then as an update, and writes what the engine
// would have seen to a JSON file: `node child.js <program.js> <out.json>`. A process of its own, because
// the Pulumi runtime keeps its state in globals.
import * as fs from "fs";
import type { Mode } from "./model";
import { type CapturedResource, createCaptureMonitor } from "./monitor";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const settings = require("@pulumi/pulumi/runtime/settings") as {
    setMockOptions(monitor: object, project: string, stack: string, preview: boolean): void;
    waitForRPCs(): Promise<void>;
};
// eslint-disable-next-line @typescript-eslint/no-var-requires
const pulumi = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");

export const project = "app";
export const stack = "dev";

async function run(program: string, mode: Mode): Promise<CapturedResource[]> {
    // setMocks sets the runtime's feature flags (secrets, resource references); the monitor is ours.
    await pulumi.runtime.setMocks({ newResource: () => ({ id: "", state: {} }), call: () => ({}) }, project, stack, mode === "preview");
    const { monitor, captured } = createCaptureMonitor(mode);
    settings.setMockOptions(monitor, project, stack, mode === "preview");
    delete require.cache[require.resolve(program)];
    require(program);
    await settings.waitForRPCs();
    return captured;
}

async function main(): Promise<void> {
    const [program, out] = process.argv.slice(2);
    const preview = await run(program, "preview");
    const up = await run(program, "up");
    fs.writeFileSync(out, JSON.stringify({ preview, up }));
}

if (require.main === module) {
    main().catch((e: Error) => {
        process.stderr.write(`${e.stack ?? e.message}\n`);
        process.exitCode = 1;
    });
}
