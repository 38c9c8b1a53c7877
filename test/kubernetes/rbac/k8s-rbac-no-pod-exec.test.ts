import { k8sRbacNoPodExec as policy } from "../../../policies/kubernetes/rbac/k8s-rbac-no-pod-exec";
import { roleBasics } from "./role-cases";

describe("k8s-rbac-no-pod-exec", () => {
    roleBasics(policy, {
        failing: [
        { what: "pods/exec", rules: [{ apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }], expected: /rules\[3\] grants create on pods\/exec\./ },
        { what: "pods/attach and pods/portforward via get (websocket)", rules: [{ apiGroups: [""], resources: ["pods/attach", "pods/portforward"], verbs: ["get"] }], expected: /get on pods\/attach; get on pods\/portforward/ },
        { what: "a */exec subresource wildcard", rules: [{ apiGroups: [""], resources: ["*/exec"], verbs: ["create"] }], expected: /create on pods\/exec \(through resources \["\*\/exec"\]\)/ },
        { what: "exec on named pods (subresources honour resourceNames, still exec)", rules: [{ apiGroups: [""], resources: ["pods/exec"], verbs: ["create"], resourceNames: ["debug"] }], expected: /limited to resourceNames \["debug"\]/ },
    ],
        passing: [
        { what: "pods without subresources", rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "watch"] }] },
        { what: "pods/* (which the API does not treat as a subresource wildcard)", rules: [{ apiGroups: [""], resources: ["pods/*"], verbs: ["create"] }] },
        { what: "pods/log", rules: [{ apiGroups: [""], resources: ["pods/log"], verbs: ["get"] }] },
    ],
        flagsEdit: true,
    });
});
