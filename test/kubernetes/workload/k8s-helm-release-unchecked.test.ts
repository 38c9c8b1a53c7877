import * as assert from "assert";
import type { ReleaseArgs } from "@pulumi/kubernetes/helm/v3/release";
import { unknownValue } from "../../../engine/wire";
import { k8sHelmReleaseUnchecked as policy } from "../../../policies/kubernetes/workload/k8s-helm-release-unchecked";
import { checkResource } from "../../harness";

const type = "kubernetes:helm.sh/v3:Release";
const release: ReleaseArgs = {
    name: "ingress",
    chart: "ingress-nginx",
    version: "4.12.1",
    namespace: "ingress-nginx",
    repositoryOpts: { repo: "https://kubernetes.github.io/ingress-nginx" },
    values: { controller: { replicaCount: 2 } },
};

describe("k8s-helm-release-unchecked", () => {
    it("says once per Release that its manifests are unseen, with the way to get them checked", () => {
        const r = checkResource(policy, type, release, { name: "ingress" });
        assert.deepStrictEqual(r.violations, [
            'Release "ingress": chart is "ingress-nginx": the Kubernetes provider renders this Release\'s manifests at deploy time, so no policy sees the objects it creates. ' +
                "Fix: deploy it with kubernetes.helm.v4.Chart (or helm.v3.Chart), whose objects the policies check, or check the rendering with the Release's values in values.yaml: " +
                "helm template ingress ingress-nginx --repo https://kubernetes.github.io/ingress-nginx --version 4.12.1 --namespace ingress-nginx -f values.yaml | cluster-guard scan -",
        ]);
        assert.strictEqual(policy.enforcementLevel, "advisory");
    });

    it("fills placeholders for what is absent, of the wrong type or unknown in a preview, and never defers", () => {
        const bare = checkResource(policy, type, { chart: "./charts/app" });
        assert.match(bare.violations[0], /chart is "\.\/charts\/app".*helm template <release> \.\/charts\/app -f values\.yaml \| cluster-guard scan -$/);
        const odd = checkResource(policy, type, { chart: 7, name: {}, version: 3, repositoryOpts: "x" });
        assert.match(odd.violations[0], /chart is 7: .*helm template <release> <chart> -f values\.yaml/);
        const preview = checkResource(policy, type, { ...release, chart: unknownValue("string"), name: unknownValue("string"), values: unknownValue("object") });
        assert.strictEqual(preview.violations.length, 1);
        assert.match(preview.violations[0], /chart is \(unknown until deploy\): .*helm template <release> <chart> --repo/);
        assert.strictEqual(preview.unknown, undefined);
        assert.match(checkResource(policy, type, {}).violations[0], /chart is absent/);
    });

    it("gives the same verdict on the Release's state, and is not applicable to charts whose objects the policies see", () => {
        const state = { ...release, status: { name: "ingress", namespace: "ingress-nginx", revision: 3, status: "deployed", chart: "ingress-nginx", version: "4.12.1", appVersion: "1.12.1" }, createNamespace: false, maxHistory: 0 };
        assert.deepStrictEqual(checkResource(policy, type, state, { name: "ingress", dryRun: false }).violations, checkResource(policy, type, release, { name: "ingress" }).violations);
        for (const other of ["kubernetes:helm.sh/v4:Chart", "kubernetes:helm.sh/v3:Chart", "kubernetes:apps/v1:Deployment"]) {
            assert.match(checkResource(policy, other, {}).notApplicable ?? "", /does not apply/, other);
        }
        assert.match(checkResource(policy, type, release, { name: "ingress", config: { excludeResourceNames: ["ingress"] } }).notApplicable ?? "", /excludeResourceNames/);
    });
});
