// Settings that providers take as a JSON or YAML string (e.g. EKS add-on configurationValues). JSON is
// parsed natively; the yaml library loads on first use, so that it is not on the pack's start path.
import type * as YAML from "yaml";

let yaml: typeof YAML | undefined;

/** Parses JSON, or YAML when the text is not JSON; throws when it is neither. */
export function parseJsonOrYaml(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        // Not JSON: try YAML, its superset.
    }
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    yaml ??= require("yaml") as typeof YAML;
    return yaml.parse(text);
}
