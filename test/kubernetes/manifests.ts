// Loads Kubernetes example manifests (multi-document YAML) as the resources a scan registers.
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import type { ResourceInput } from "../../engine/runner";
import { kubernetesTokenFor } from "../../policies/core/types";

export const examplesDir = path.resolve(__dirname, "..", "..", "..", "examples");

export type Manifest = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The objects of a multi-document YAML file under examples/. */
export function loadManifests(relative: string): Manifest[] {
    const text = fs.readFileSync(path.join(examplesDir, relative), "utf8");
    return YAML.parseAllDocuments(text)
        .map((d) => d.toJS() as Manifest | null)
        .filter((o): o is Manifest => o !== null);
}

/** Objects as resources named namespace/name, like Pulumi's YAML support names them. */
export function asResources(objects: Manifest[]): ResourceInput[] {
    return objects.map((o, i) => {
        const namespace = o.metadata?.namespace;
        const name = o.metadata?.name ?? `${String(o.kind).toLowerCase()}-${i}`;
        return { type: kubernetesTokenFor(o.apiVersion, o.kind), name: `${namespace ? `${namespace}/` : ""}${o.kind}/${name}`, props: o };
    });
}
