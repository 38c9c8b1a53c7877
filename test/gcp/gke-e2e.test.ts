// End to end through the engine runner (the compiled pack, started like `pulumi preview` does): the
// hardened GKE stacks and examples pass clean, and every single weakening of them is caught.
import * as assert from "assert";
import { gcpPolicies } from "../../policies/gcp";
import { exampleResources, reportedPolicies, useRunner } from "../e2e";
import { pinnedConfig } from "../reference-date";
import { hardenedAutopilot, hardenedCluster, hardenedPool } from "./fixtures";
import { autopilotStack, autopilotWeakenings, clusterWeakenings, poolWeakenings, standardStack } from "./weakenings";

describe("GKE end to end (engine runner)", () => {
    const runner = useRunner(pinnedConfig());

    it("passes the hardened Standard stack (default pool removed, plus a NodePool) with no diagnostics at all", async () => {
        const evaluation = await runner().evaluate(standardStack());
        assert.deepStrictEqual(reportedPolicies(evaluation), []);
        const cluster = evaluation.resources[0].result;
        assert.match(cluster.notApplicable.find((n) => n.policyName === "gke-metadata-server")?.reason ?? "", /removeDefaultNodePool is true/);
    });

    it("passes the hardened Autopilot cluster with no diagnostics, node-level policies not applicable with a reason", async () => {
        const evaluation = await runner().evaluate(autopilotStack());
        assert.deepStrictEqual(reportedPolicies(evaluation), []);
        const notApplicable = evaluation.resources[0].result.notApplicable;
        for (const name of ["gke-metadata-server", "gke-secure-boot", "gke-node-auto-upgrade", "gke-shielded-nodes", "gke-workload-identity"]) {
            assert.match(notApplicable.find((n) => n.policyName === name)?.reason ?? "", /^Autopilot cluster/, name);
        }
    });

    it("passes the hardened examples clean and flags every GKE policy on the insecure example", async () => {
        for (const file of ["gke-hardened.json", "gke-autopilot-hardened.json"]) {
            assert.deepStrictEqual(reportedPolicies(await runner().evaluate(exampleResources(`gcp/${file}`))), [], file);
        }
        const insecure = reportedPolicies(await runner().evaluate(exampleResources(`gcp/${"gke-insecure.json"}`)));
        assert.deepStrictEqual(insecure, gcpPolicies.map((p) => p.name).sort());
    });

    for (const [what, weaken, policy] of clusterWeakenings) {
        it(`Standard cluster: catches ${what} (${policy})`, async () => {
            const cluster = hardenedCluster();
            weaken(cluster);
            assert.ok(reportedPolicies(await runner().evaluate(standardStack(cluster))).includes(policy));
        });
    }

    for (const [what, weaken, policy] of poolWeakenings) {
        it(`NodePool: catches ${what} (${policy})`, async () => {
            const pool = hardenedPool();
            weaken(pool);
            assert.ok(reportedPolicies(await runner().evaluate(standardStack(hardenedCluster(), pool))).includes(policy));
        });
    }

    for (const [what, weaken, policy] of autopilotWeakenings) {
        it(`Autopilot: catches ${what} (${policy})`, async () => {
            const cluster = hardenedAutopilot();
            weaken(cluster);
            assert.ok(reportedPolicies(await runner().evaluate(autopilotStack(cluster))).includes(policy));
        });
    }

    it("covers every GKE policy with at least one weakening", () => {
        const covered = new Set([...clusterWeakenings, ...poolWeakenings, ...autopilotWeakenings].map(([, , p]) => p));
        assert.deepStrictEqual(gcpPolicies.map((p) => p.name).filter((n) => !covered.has(n)), []);
    });
});
