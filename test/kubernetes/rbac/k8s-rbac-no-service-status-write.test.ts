import * as assert from "assert";
import { k8sRbacNoServiceStatusWrite as policy } from "../../../policies/kubernetes/rbac/k8s-rbac-no-service-status-write";
import { liveObject } from "../../fixtures/live-object";
import { clusterRole, types } from "../../fixtures/rbac";
import { checkResource } from "../../harness";
import { roleBasics } from "./role-cases";

describe("k8s-rbac-no-service-status-write", () => {
    roleBasics(policy, {
        failing: [
            { what: "patch on services/status", rules: [{ apiGroups: [""], resources: ["services/status"], verbs: ["patch"] }], expected: /rules\[3\] grants patch on services\/status\. Fix: remove update and patch on services\/status/ },
            { what: "update and patch through a verbs wildcard", rules: [{ apiGroups: [""], resources: ["services/status", "services"], verbs: ["*"] }], expected: /grants update, patch on services\/status \(through verbs "\*"\)/ },
            { what: "a */status resource wildcard", rules: [{ apiGroups: [""], resources: ["*/status"], verbs: ["update"] }], expected: /grants update on services\/status \(through resources \["\*\/status"\]\)/ },
            { what: "a write limited to resourceNames (still writes those Services' status)", rules: [{ apiGroups: [""], resources: ["services/status"], verbs: ["patch"], resourceNames: ["web"] }], expected: /grants patch on services\/status, limited to resourceNames \["web"\]/ },
        ],
        passing: [
            { what: "read-only services/status and write on services", rules: [{ apiGroups: [""], resources: ["services/status"], verbs: ["get", "list", "watch"] }, { apiGroups: [""], resources: ["services"], verbs: ["update", "patch"] }] },
            { what: "services/status of another API group", rules: [{ apiGroups: ["example.com"], resources: ["services/status"], verbs: ["patch"] }] },
            { what: "pods/status", rules: [{ apiGroups: [""], resources: ["pods/status"], verbs: ["patch"] }] },
        ],
        flagsEdit: false,
    });

    it("judges the live ClusterRole like the manifest", () => {
        const manifest = clusterRole([{ apiGroups: [""], resources: ["services/status"], verbs: ["update"] }], "lb-controller");
        const live = liveObject(manifest);
        assert.deepStrictEqual(checkResource(policy, types.clusterRole, live, { dryRun: false }).violations, checkResource(policy, types.clusterRole, manifest).violations);
        assert.strictEqual(checkResource(policy, types.clusterRole, manifest).violations.length, 1);
        assert.match(checkResource(policy, types.clusterRole, manifest, { config: { excludeResourceNames: ["lb-controller"] } }).notApplicable ?? "", /excludeResourceNames/);
    });
});
