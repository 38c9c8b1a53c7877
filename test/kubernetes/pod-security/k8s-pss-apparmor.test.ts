import { k8sPssApparmor as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-apparmor";
import { assertFails, assertPasses, hardenedSpec, sharedCases, variant } from "./pss-fixtures";

describe("k8s-pss-apparmor", () => {
    sharedCases(policy, variant((s) => (s.securityContext.appArmorProfile = { type: "Unconfined" })),
        /securityContext\.appArmorProfile\.type is "Unconfined" at pod level; allowed: "RuntimeDefault", "Localhost"/);

    it("checks the container field in every container list, at every version (PSA has one revision)", () => {
        for (const list of ["containers", "initContainers", "ephemeralContainers"]) {
            for (const v of ["v1.0", "v1.29", "latest"]) {
                assertFails(policy, variant((s) => (s[list][0].securityContext.appArmorProfile = { type: "Unconfined" })), new RegExp(`${list}\\[0\\]\\.securityContext\\.appArmorProfile\\.type is "Unconfined"`), v);
            }
        }
        assertPasses(policy, variant((s) => (s.containers[0].securityContext.appArmorProfile = { type: "Localhost", localhostProfile: "k8s-nginx" })));
    });

    it("checks the legacy annotations: runtime/default, localhost/* and empty pass; unconfined fails", () => {
        const key = "container.apparmor.security.beta.kubernetes.io/app";
        assertFails(policy, hardenedSpec, /annotations\["container\.apparmor\.security\.beta\.kubernetes\.io\/app"\] is "unconfined" for container "app"; allowed: "runtime\/default", "localhost\/<profile>" or empty/, "v1.0", { [key]: "unconfined" });
        for (const ok of ["runtime/default", "localhost/k8s-nginx", ""]) assertPasses(policy, hardenedSpec, "latest", { [key]: ok });
    });
});
