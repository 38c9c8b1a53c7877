import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkePrivateEndpoint } from "../../policies/gcp/gke-private-endpoint";
import { checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-private-endpoint", () => {
    it("passes a private endpoint (privateClusterConfig) and a disabled IP endpoint with an internal-only DNS endpoint", () => {
        assert.deepStrictEqual(checkCluster(gkePrivateEndpoint, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkePrivateEndpoint, hardenedAutopilot()).violations, []);
        const dnsOnly: ClusterArgs = { controlPlaneEndpointsConfig: { ipEndpointsConfig: { enabled: false } } };
        assert.deepStrictEqual(checkCluster(gkePrivateEndpoint, dnsOnly).violations, []);
    });

    it("flags an absent setting, whose default is a public IP endpoint", () => {
        const r = checkCluster(gkePrivateEndpoint, {}, { name: "gke" });
        assert.deepStrictEqual(r.violations.length, 1);
        assert.match(r.violations[0], /^Cluster "gke": privateClusterConfig\.enablePrivateEndpoint is absent and controlPlaneEndpointsConfig/);
    });

    it("flags enablePrivateEndpoint: false", () => {
        const cluster: ClusterArgs = { ...hardenedCluster(), privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: false } };
        assert.match(checkCluster(gkePrivateEndpoint, cluster).violations[0], /enablePrivateEndpoint is false/);
    });

    it("flags an IP endpoint explicitly enabled without a private endpoint", () => {
        const cluster: ClusterArgs = { controlPlaneEndpointsConfig: { ipEndpointsConfig: { enabled: true } } };
        assert.strictEqual(checkCluster(gkePrivateEndpoint, cluster).violations.length, 1);
    });

    it("flags a DNS endpoint that allows external traffic, in either generation", () => {
        const autopilot: ClusterArgs = {
            ...hardenedAutopilot(),
            controlPlaneEndpointsConfig: { ipEndpointsConfig: { enabled: false }, dnsEndpointConfig: { allowExternalTraffic: true } },
        };
        assert.match(checkCluster(gkePrivateEndpoint, autopilot).violations[0], /dnsEndpointConfig\.allowExternalTraffic is true/);
        const standard: ClusterArgs = { ...hardenedCluster(), controlPlaneEndpointsConfig: { dnsEndpointConfig: { allowExternalTraffic: true } } };
        assert.strictEqual(checkCluster(gkePrivateEndpoint, standard).violations.length, 1);
    });

    it("treats wrong types as absent, and leaves unknown values to the SDK", () => {
        assert.strictEqual(checkCluster(gkePrivateEndpoint, { privateClusterConfig: "private" } as unknown as ClusterArgs).violations.length, 1);
        const r = checkCluster(gkePrivateEndpoint, { controlPlaneEndpointsConfig: { ipEndpointsConfig: { enabled: unknownValue<boolean>("bool") } } });
        assert.ok(r.unknown);
    });
});
