import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sNoRemovedApiVersions as policy, removalOf, removalTableReviewedOn, removedApis, replacementAt } from "../../../policies/kubernetes/workload/k8s-no-removed-api-versions";
import { k8sNoAlphaBetaApiVersions } from "../../../policies/kubernetes/workload/k8s-no-alpha-beta-api-versions";
import { liveObject } from "../../fixtures/live-object";
import { checkResource } from "../../harness";

const daemonSet = { apiVersion: "extensions/v1beta1", kind: "DaemonSet", metadata: { name: "agent", namespace: "ops" }, spec: { template: { spec: { containers: [{ name: "a", image: "a:1" }] } } } };

describe("k8s-no-removed-api-versions", () => {
    it("is mandatory, in the upgrades area, and states the table's review date; the alpha/beta policy stays advisory", () => {
        assert.strictEqual(policy.enforcementLevel, "mandatory");
        assert.deepStrictEqual(policy.tags, ["kubernetes", "upgrades"]);
        assert.match(policy.description, new RegExp(`reviewed on ${removalTableReviewedOn} \\(removals up to v1\\.32\\)`));
        assert.strictEqual(k8sNoAlphaBetaApiVersions.enforcementLevel, "advisory");
        assert.strictEqual((policy.configSchema?.properties.targetVersion as { default?: string }).default, "1.32");
    });

    const removed: [string, RegExp][] = [
        ["kubernetes:extensions/v1beta1:DaemonSet", /^DaemonSet "ops\/agent": apiVersion is "extensions\/v1beta1", which Kubernetes stopped serving for DaemonSet in v1\.16, so an API server at the target version v1\.32 rejects the object\. Fix: use apiVersion "apps\/v1"/],
        ["kubernetes:apps/v1beta2:StatefulSetPatch", /"apps\/v1beta2", which Kubernetes stopped serving for StatefulSet in v1\.16/],
        ["kubernetes:extensions/v1beta1:NetworkPolicy", /use apiVersion "networking\.k8s\.io\/v1"/],
        ["kubernetes:networking.k8s.io/v1beta1:Ingress", /in v1\.22.*use apiVersion "networking\.k8s\.io\/v1"/],
        ["kubernetes:rbac.authorization.k8s.io/v1beta1:ClusterRoleBinding", /in v1\.22/],
        ["kubernetes:storage.k8s.io/v1beta1:StorageClass", /in v1\.22.*"storage\.k8s\.io\/v1"/],
        ["kubernetes:batch/v1beta1:CronJob", /in v1\.25.*"batch\/v1"/],
        ["kubernetes:policy/v1beta1:PodDisruptionBudget", /in v1\.25.*use apiVersion "policy\/v1"/],
        ["kubernetes:policy/v1beta1:PodSecurityPolicy", /in v1\.25.*Fix: PodSecurityPolicy has no replacement API: remove it and enforce Pod Security Admission labels/],
        ["kubernetes:extensions/v1beta1:PodSecurityPolicy", /in v1\.16.*Fix: PodSecurityPolicy has no replacement API/],
        ["kubernetes:autoscaling/v2beta2:HorizontalPodAutoscaler", /in v1\.26.*"autoscaling\/v2"/],
        ["kubernetes:storage.k8s.io/v1beta1:CSIStorageCapacity", /in v1\.27/],
        ["kubernetes:flowcontrol.apiserver.k8s.io/v1beta1:FlowSchema", /in v1\.26.*use apiVersion "flowcontrol\.apiserver\.k8s\.io\/v1"/],
        ["kubernetes:flowcontrol.apiserver.k8s.io/v1beta3:PriorityLevelConfiguration", /in v1\.32/],
        ["kubernetes:apps/v1beta1:DeploymentList", /stopped serving for DeploymentList in v1\.16/],
    ];
    for (const [type, expected] of removed) {
        it(`flags ${type} at the default target`, () => {
            const r = checkResource(policy, type, type.includes("DaemonSet") ? daemonSet : { metadata: { name: "x" } });
            assert.strictEqual(r.violations.length, 1, r.violations.join("\n"));
            assert.match(r.violations[0], expected);
        });
    }

    it("passes served versions: stable, beta still served, core, custom resources, Helm and YAML components", () => {
        for (const type of [
            "kubernetes:apps/v1:DaemonSet", "kubernetes:core/v1:Pod", "kubernetes:policy/v1:PodDisruptionBudget", "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
            "kubernetes:flowcontrol.apiserver.k8s.io/v1:FlowSchema", "kubernetes:resource.k8s.io/v1beta1:ResourceClaim", "kubernetes:cert-manager.io/v1beta1:Certificate",
            "kubernetes:helm.sh/v3:Release", "kubernetes:yaml/v2:ConfigGroup", "kubernetes:core/v1:ConfigMapList",
        ]) {
            assert.deepStrictEqual(checkResource(policy, type, { metadata: { name: "x" } }).violations, [], type);
        }
    });

    it("judges against targetVersion: an older cluster still serves what later releases removed", () => {
        const at = (targetVersion: string, type: string) => checkResource(policy, type, { metadata: { name: "x" } }, { config: { targetVersion } }).violations;
        assert.deepStrictEqual(at("1.24", "kubernetes:policy/v1beta1:PodDisruptionBudget"), []);
        assert.strictEqual(at("1.25", "kubernetes:policy/v1beta1:PodDisruptionBudget").length, 1);
        assert.deepStrictEqual(at("v1.31", "kubernetes:flowcontrol.apiserver.k8s.io/v1beta3:FlowSchema"), []);
        assert.match(at("1.27", "kubernetes:flowcontrol.apiserver.k8s.io/v1beta1:FlowSchema")[0], /target version v1\.27 .*use apiVersion "flowcontrol\.apiserver\.k8s\.io\/v1beta3"/);
        assert.match(at("1.20", "kubernetes:extensions/v1beta1:PodSecurityPolicy")[0], /use apiVersion "policy\/v1beta1"/);
        assert.strictEqual(at("1.40", "kubernetes:extensions/v1beta1:DaemonSet").length, 1);
        assert.deepStrictEqual(at("1.15", "kubernetes:extensions/v1beta1:DaemonSet"), []);
    });

    it("rejects a targetVersion that is not a minor version", () => {
        for (const bad of ["1.32.1", "latest", "2.0", "132"]) {
            assert.throws(() => checkResource(policy, "kubernetes:apps/v1:Deployment", {}, { config: { targetVersion: bad } }), /targetVersion/, bad);
        }
        assert.throws(() => checkResource(policy, "kubernetes:apps/v1:Deployment", {}, { config: { targetVersion: 1.3 } }), /targetVersion/);
    });

    it("keeps a table with one entry per apiVersion and kind, each removal in a release the guide lists", () => {
        const keys = removedApis.flatMap((r) => r.kinds.map((k) => `${r.groupVersion}:${k}`));
        assert.strictEqual(new Set(keys).size, keys.length);
        assert.deepStrictEqual([...new Set(removedApis.map((r) => r.removedIn))].sort((a, b) => a - b), [16, 22, 25, 26, 27, 29, 32]);
        assert.strictEqual(removalOf("batch/v1", "CronJob"), undefined);
        assert.strictEqual(replacementAt(removalOf("flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema")!, "FlowSchema", 32), "flowcontrol.apiserver.k8s.io/v1");
    });

    it("judges by type alone: unknown fields in a preview, wrong-typed and absent fields, and the live object give the same verdict", () => {
        const type = "kubernetes:extensions/v1beta1:DaemonSet";
        const unknownSpec = { ...daemonSet, metadata: { name: "agent", namespace: "ops", labels: unknownValue("object") }, spec: unknownValue("object") };
        const r = checkResource(policy, type, unknownSpec);
        assert.strictEqual(r.violations.length, 1);
        assert.strictEqual(r.unknown, undefined);
        assert.strictEqual(checkResource(policy, type, { apiVersion: 7, kind: null }).violations.length, 1);
        assert.strictEqual(checkResource(policy, type, {}).violations.length, 1);
        const live = liveObject(daemonSet, { status: { numberReady: 3, desiredNumberScheduled: 3 } });
        assert.deepStrictEqual(checkResource(policy, type, live, { dryRun: false }).violations, checkResource(policy, type, daemonSet).violations);
    });

    it("is not applicable to other clouds' resources and honours the exemption annotation", () => {
        assert.match(checkResource(policy, "aws:eks/cluster:Cluster", {}).notApplicable ?? "", /does not apply/);
        const exempt = { ...daemonSet, metadata: { ...daemonSet.metadata, annotations: { "exempt.clusterguard.io/k8s-no-removed-api-versions": "cluster pinned at 1.15 until MIG-12" } } };
        assert.match(checkResource(policy, "kubernetes:extensions/v1beta1:DaemonSet", exempt).notApplicable ?? "", /MIG-12/);
    });
});
