import { k8sRbacNoSecretRead as policy } from "../../../policies/kubernetes/rbac/k8s-rbac-no-secret-read";
import * as assert from "assert";
import { clusterRole, types } from "../../fixtures/rbac";
import { checkResource } from "../../harness";
import { roleBasics } from "./role-cases";

describe("k8s-rbac-no-secret-read", () => {
    roleBasics(policy, {
        failing: [
        { what: "get on secrets", rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }], expected: /rules\[3\] grants get on secrets\. Fix: remove read verbs/ },
        { what: "list and watch on secrets", rules: [{ apiGroups: [""], resources: ["secrets", "configmaps"], verbs: ["list", "watch", "create"] }], expected: /grants list, watch on secrets\./ },
        { what: "a resources wildcard", rules: [{ apiGroups: [""], resources: ["*"], verbs: ["get"] }], expected: /grants get on secrets \(through resources \["\*"\]\)/ },
        { what: "a verbs and apiGroups wildcard", rules: [{ apiGroups: ["*"], resources: ["secrets"], verbs: ["*"] }], expected: /grants get, list, watch on secrets \(through apiGroups "\*", verbs "\*"\)/ },
        { what: "get limited to resourceNames (still reads those Secrets)", rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"], resourceNames: ["db-password"] }], expected: /grants get on secrets, limited to resourceNames \["db-password"\]/ },
    ],
        passing: [
        { what: "write-only access to secrets", rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["create", "update"] }] },
        { what: "secrets of another API group", rules: [{ apiGroups: ["example.com"], resources: ["secrets"], verbs: ["get"] }] },
        { what: "a secrets subresource only", rules: [{ apiGroups: [""], resources: ["secrets/status"], verbs: ["get"] }] },
    ],
        flagsEdit: true,
    });

    it("says when a ClusterRole's aggregation labels push the grant into the built-in view role", () => {
        const labelled = clusterRole([{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }]);
        labelled.metadata = { name: "secret-viewer", labels: { "rbac.authorization.k8s.io/aggregate-to-view": "true" } };
        assert.match(checkResource(policy, types.clusterRole, labelled).violations[0],
            /grants get on secrets \(its label rbac\.authorization\.k8s\.io\/aggregate-to-view=true also adds these rules to the built-in "view" role, and so to everyone bound to it\)\. Fix/);
    });
});
