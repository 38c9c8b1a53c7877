import { k8sPssRestrictedVolumes as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-restricted-volumes";
import { assertFails, assertPasses, sharedCases, variant } from "./pss-fixtures";

describe("k8s-pss-restricted-volumes", () => {
    sharedCases(policy, variant((s) => s.volumes.push({ name: "share", nfs: { server: "nfs.example.com", path: "/" } })),
        /volumes\[4\] \(volume "share"\) uses "nfs"; allowed: configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret/);

    it("allows all nine types, image included at every version (PSA patched image into its 1.0 revision)", () => {
        const all = variant((s) => (s.volumes = [
            { name: "a", configMap: { name: "c" } }, { name: "b", csi: { driver: "d" } }, { name: "c", downwardAPI: {} },
            { name: "d", emptyDir: {} }, { name: "e", ephemeral: { volumeClaimTemplate: { spec: {} } } }, { name: "f", image: { reference: "r/i:1" } },
            { name: "g", persistentVolumeClaim: { claimName: "p" } }, { name: "h", projected: { sources: [] } }, { name: "i", secret: { secretName: "s" } },
            { name: "j" },
        ]));
        for (const v of ["v1.0", "v1.25", "latest"]) assertPasses(policy, all, v);
    });

    it("flags hostPath (restricted overrides the baseline hostPath check) and other types at v1.0", () => {
        assertFails(policy, variant((s) => s.volumes.push({ name: "h", hostPath: { path: "/" } })), /uses "hostPath"/, "v1.0");
        assertFails(policy, variant((s) => s.volumes.push({ name: "g", gitRepo: { repository: "r" } })), /uses "gitRepo"/);
    });
});
