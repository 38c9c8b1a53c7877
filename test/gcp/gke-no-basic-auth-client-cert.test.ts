import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeNoBasicAuthClientCert } from "../../policies/gcp/gke-no-basic-auth-client-cert";
import { assertWrongType, checkCluster, hardenedAutopilot, hardenedCluster, problems } from "./fixtures";

describe("gke-no-basic-auth-client-cert", () => {
    it("passes client certificates off, and an absent masterAuth (off by default)", () => {
        assert.deepStrictEqual(checkCluster(gkeNoBasicAuthClientCert, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeNoBasicAuthClientCert, hardenedAutopilot()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeNoBasicAuthClientCert, {}).violations, []);
    });

    it("flags issueClientCertificate: true", () => {
        const cluster: ClusterArgs = { ...hardenedCluster(), masterAuth: { clientCertificateConfig: { issueClientCertificate: true } } };
        assert.match(checkCluster(gkeNoBasicAuthClientCert, cluster).violations[0], /masterAuth\.clientCertificateConfig\.issueClientCertificate is true/);
    });

    it("flags basic-auth username and password sent by older programs, and ignores empty ones", () => {
        const legacy = { masterAuth: { username: "admin", password: "secret", clientCertificateConfig: { issueClientCertificate: false } } };
        assert.deepStrictEqual(checkCluster(gkeNoBasicAuthClientCert, legacy as ClusterArgs).violations.length, 2);
        const cleared = { masterAuth: { username: "", password: "", clientCertificateConfig: { issueClientCertificate: false } } };
        assert.deepStrictEqual(checkCluster(gkeNoBasicAuthClientCert, cleared as ClusterArgs).violations, []);
    });

    it("reports wrong types; an unknown value defers only its own check", () => {
        assertWrongType(checkCluster(gkeNoBasicAuthClientCert, { masterAuth: "x" as never }), "masterAuth", "an object", 'string "x"');
        const r = checkCluster(gkeNoBasicAuthClientCert, { masterAuth: { clientCertificateConfig: { issueClientCertificate: unknownValue<boolean>("bool") }, username: "admin" } as never });
        assert.match(r.unknown ?? "", /Cluster "test": masterAuth\.clientCertificateConfig\.issueClientCertificate is computed/);
        assert.deepStrictEqual(problems(r), ['Cluster "test": masterAuth.username is set, which enables basic authentication']);
    });
});
