import { k8sRbacNoCsrApproval as policy } from "../../../policies/kubernetes/rbac/k8s-rbac-no-csr-approval";
import { roleBasics } from "./role-cases";

describe("k8s-rbac-no-csr-approval", () => {
    roleBasics(policy, {
        failing: [
        { what: "update on certificatesigningrequests/approval", rules: [{ apiGroups: ["certificates.k8s.io"], resources: ["certificatesigningrequests/approval"], verbs: ["update"] }], expected: /rules\[3\] grants update on certificatesigningrequests\/approval\.certificates\.k8s\.io\./ },
        { what: "approve on signers", rules: [{ apiGroups: ["certificates.k8s.io"], resources: ["signers"], verbs: ["approve"], resourceNames: ["kubernetes.io/kube-apiserver-client"] }], expected: /approve on signers\.certificates\.k8s\.io, limited to resourceNames/ },
    ],
        passing: [
        { what: "creating and reading CSRs", rules: [{ apiGroups: ["certificates.k8s.io"], resources: ["certificatesigningrequests"], verbs: ["create", "get", "list", "watch"] }] },
    ],
        flagsEdit: false,
    });
});
