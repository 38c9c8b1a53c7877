// What the fuzz mutates: every example resource (read by the CLI's own reader) and the workload
// fixtures, each tagged with its family and whether it comes from a hardened (clean) example.
import * as path from "path";
import { readStacks } from "../../cli/inputs";
import type { ResourceInput } from "../../engine/runner";
import { packDir } from "../e2e";
import { everyWorkload, patchWorkloads, type PodSpecInput } from "../fixtures/workloads";

export const families = ["aws", "azure", "gcp", "kubernetes"] as const;
export type Family = (typeof families)[number];

export interface CorpusResource extends ResourceInput {
    family: Family;
    /** The example file (relative to the pack) or `test/fixtures/workloads`. */
    source: string;
    /** From a hardened example, which must stay clean. */
    hardened: boolean;
}

export interface CorpusStack {
    source: string;
    family: Family;
    hardened: boolean;
    resources: CorpusResource[];
}

/** A pod spec with every kind of container, so workload policies find something in each. */
export const fixturePodSpec: PodSpecInput = {
    containers: [{ name: "app", image: "registry.example.com/app:1.0", securityContext: { privileged: false, capabilities: { drop: ["ALL"] } } }],
    initContainers: [{ name: "init", image: "registry.example.com/init:1.0" }],
    ephemeralContainers: [{ name: "debug", image: "registry.example.com/debug:1.0" }],
};

function familyOf(source: string): Family {
    const family = families.find((f) => source.split(path.sep).includes(f));
    if (!family) throw new Error(`${source}: not under examples/<family>/`);
    return family;
}

/** Every example file as a stack, plus one stack of workload fixtures (every kind and the Patch variants). */
export function corpusStacks(): CorpusStack[] {
    const examples = readStacks([path.join(packDir, "examples")]).map((s): CorpusStack => {
        const source = path.relative(packDir, s.source);
        const family = familyOf(source);
        const hardened = /hardened/.test(source);
        return { source, family, hardened, resources: s.inputs.map((r) => ({ ...r, family, source, hardened })) };
    });
    const fixtureSource = "test/fixtures/workloads";
    const fixtures = [...everyWorkload(fixturePodSpec), ...patchWorkloads(fixturePodSpec)].map(
        (w, i): CorpusResource => ({ type: w.type, name: `fixture-${i}`, props: w.props, family: "kubernetes", source: fixtureSource, hardened: false }),
    );
    return [...examples, { source: fixtureSource, family: "kubernetes", hardened: false, resources: fixtures }];
}

export function corpusResources(stacks: CorpusStack[] = corpusStacks()): CorpusResource[] {
    return stacks.flatMap((s) => s.resources);
}
