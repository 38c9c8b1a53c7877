// The GCP provider model against the GKE policies: for the hardened fixtures and every single weakening of
// them, each policy gives the same verdict on the state GKE would store (the model's `pulumi up` outputs:
// computed fields and API defaults filled in, the pool's defaults taken from its cluster) as on the inputs.
import * as assert from "assert";
import type { ResourceInput } from "../../engine/runner";
import { gcpPolicies } from "../../policies/gcp";
import { type CheckResult, checkResource, checkStack, hasStackPart, type StackCheckResult } from "../harness";
import { hardenedAutopilot, hardenedCluster, hardenedPool, modelled } from "./fixtures";
import { autopilotStack, autopilotWeakenings, clusterWeakenings, poolWeakenings, standardStack, type Weakening } from "./weakenings";

const pinned = { referenceDate: "2026-11-30" };

function verdict(result: CheckResult | StackCheckResult): string {
    if (result.notApplicable !== undefined) return "not applicable";
    if (result.unknown !== undefined) return `deferred: ${result.unknown}`;
    return result.violations.length === 0 ? "pass" : "fail";
}

/**
 * A policy's verdict on each resource of a stack: its resource part, failed by any finding its stack part
 * reports on that resource (a pool that inherits an insecure setting from its cluster).
 */
function verdicts(policy: (typeof gcpPolicies)[number], stack: ResourceInput[]): string[] {
    const config = policy.name === "gke-version-supported" ? pinned : undefined;
    const flagged = new Set(hasStackPart(policy) ? checkStack(policy, stack, { dryRun: false, config }).violations.map((v) => v.urn) : []);
    return stack.map((r) => {
        const own = "validateResource" in policy ? verdict(checkResource(policy, r.type, r.props, { name: r.name, urn: r.urn, dryRun: false, config })) : "pass";
        return flagged.has(r.urn) ? "fail" : own;
    });
}

/** The (policy, resource) pairs whose verdict on state differs from the one on inputs. */
function differences(stack: ResourceInput[]): string[] {
    const inputs = stack.map((r) => ({ ...r, urn: `urn:pulumi:dev::app::${r.type}::${r.name}` }));
    const states = modelled("up", inputs);
    return gcpPolicies.flatMap((policy) => {
        const [onInputs, onState] = [verdicts(policy, inputs), verdicts(policy, states)];
        return inputs.flatMap((r, i) => (onInputs[i] === onState[i] ? [] : [`${policy.name} on ${r.name}: inputs ${onInputs[i]}, state ${onState[i]}`]));
    });
}

function cases<T>(weakenings: Weakening<T>[], base: () => T, stack: (props: T) => ResourceInput[]): [string, ResourceInput[]][] {
    return weakenings.map(([what, weaken]) => {
        const props = base();
        weaken(props);
        return [what, stack(props)];
    });
}

describe("GKE verdicts on provider state (the GCP model's pulumi up outputs) equal those on inputs", () => {
    const all: [string, ResourceInput[]][] = [
        ["hardened Standard", standardStack()],
        ["hardened Autopilot", autopilotStack()],
        ...cases(clusterWeakenings, hardenedCluster, (c) => standardStack(c)).map(([w, s]): [string, ResourceInput[]] => [`Standard: ${w}`, s]),
        ...cases(poolWeakenings, hardenedPool, (p) => standardStack(hardenedCluster(), p)).map(([w, s]): [string, ResourceInput[]] => [`NodePool: ${w}`, s]),
        ...cases(autopilotWeakenings, hardenedAutopilot, (c) => autopilotStack(c)).map(([w, s]): [string, ResourceInput[]] => [`Autopilot: ${w}`, s]),
    ];

    it(`every GKE policy, on ${all.length} stacks (the hardened fixtures and each weakening)`, () => {
        const found = all.flatMap(([what, stack]) => differences(stack).map((d) => `${what}: ${d}`));
        assert.deepStrictEqual(found, []);
    });

    it("compares states that differ from the inputs: GKE's defaults, and the pool's taken from its cluster", () => {
        const [cluster, pool] = modelled("up", standardStack()).map((r) => r.props as Record<string, unknown>);
        assert.deepStrictEqual(
            [cluster.loggingService, cluster.enableAutopilot, (cluster.releaseChannel as { channel: string }).channel, cluster.nodePools],
            ["logging.googleapis.com/kubernetes", false, "REGULAR", []],
        );
        assert.deepStrictEqual([pool.version, pool.management, (pool.nodeConfig as { diskType: string }).diskType], ["1.36.2-gke.1100000", { autoRepair: true, autoUpgrade: true }, "pd-balanced"]);
    });
});
