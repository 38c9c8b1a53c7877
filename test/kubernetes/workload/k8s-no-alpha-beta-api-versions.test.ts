import * as assert from "assert";
import { k8sNoAlphaBetaApiVersions as policy, stableApiVersion } from "../../../policies/kubernetes/workload/k8s-no-alpha-beta-api-versions";
import { checkResource } from "../../harness";

describe("k8s-no-alpha-beta-api-versions", () => {
    it("passes stable versions of any kind, including core and custom resources", () => {
        for (const type of ["kubernetes:apps/v1:Deployment", "kubernetes:core/v1:Service", "kubernetes:networking.k8s.io/v1:IngressPatch", "kubernetes:cert-manager.io/v1:Certificate", "kubernetes:helm.sh/v3:Release", "kubernetes:yaml/v2:ConfigGroup"]) {
            assert.deepStrictEqual(checkResource(policy, type, {}).violations, [], type);
        }
    });

    const cases: [string, RegExp][] = [
        ["kubernetes:extensions/v1beta1:Deployment", /^Deployment "x": apiVersion is "extensions\/v1beta1", a beta API\. Fix: use apiVersion "apps\/v1"/],
        ["kubernetes:apps/v1beta2:DaemonSet", /"apps\/v1beta2", a beta API\. Fix: use apiVersion "apps\/v1"/],
        ["kubernetes:batch/v2alpha1:CronJob", /"batch\/v2alpha1", an alpha API/],
        ["kubernetes:batch/v1beta1:CronJobPatch", /use apiVersion "batch\/v1"/],
        ["kubernetes:networking.k8s.io/v1beta1:Ingress", /use apiVersion "networking\.k8s\.io\/v1"/],
        ["kubernetes:extensions/v1beta1:Ingress", /use apiVersion "networking\.k8s\.io\/v1"/],
        ["kubernetes:policy/v1beta1:PodSecurityPolicy", /PodSecurityPolicy has no stable version/],
        ["kubernetes:autoscaling/v2beta2:HorizontalPodAutoscaler", /use apiVersion "autoscaling\/v2"/],
        ["kubernetes:rbac.authorization.k8s.io/v1alpha1:ClusterRole", /use apiVersion "rbac\.authorization\.k8s\.io\/v1"/],
        ["kubernetes:example.com/v1beta1:Widget", /use the stable version of this API once the project ships one/],
    ];
    for (const [type, expected] of cases) {
        it(`flags ${type}`, () => {
            const r = checkResource(policy, type, { metadata: { name: "x" } });
            assert.strictEqual(r.violations.length, 1);
            assert.match(r.violations[0], expected);
        });
    }

    it("knows stable versions per group and kind", () => {
        assert.strictEqual(stableApiVersion("extensions", "ReplicaSet"), "apps/v1");
        assert.strictEqual(stableApiVersion("extensions", "PodSecurityPolicy"), null);
        assert.strictEqual(stableApiVersion("example.com", "Widget"), undefined);
    });

    it("accepts group/versions allowed in config", () => {
        const config = { allowedApiVersions: ["gateway.networking.k8s.io/v1beta1", "example.com/*"] };
        assert.deepStrictEqual(checkResource(policy, "kubernetes:gateway.networking.k8s.io/v1beta1:ReferenceGrant", {}, { config }).violations, []);
        assert.deepStrictEqual(checkResource(policy, "kubernetes:example.com/v1alpha1:Widget", {}, { config }).violations, []);
        assert.strictEqual(checkResource(policy, "kubernetes:apps/v1beta1:Deployment", {}, { config }).violations.length, 1);
    });

    it("ignores other clouds' resources", () => {
        assert.ok(checkResource(policy, "aws:eks/cluster:Cluster", {}).notApplicable);
    });
});
