import { k8sPssProbeHost as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-probe-host";
import { assertBoundary, assertPasses, sharedCases, variant } from "./pss-fixtures";

describe("k8s-pss-probe-host", () => {
    sharedCases(policy, variant((s) => (s.containers[0].livenessProbe.httpGet.host = "169.254.169.254")),
        /containers\[0\]\.livenessProbe\.httpGet\.host is "169\.254\.169\.254" on container "app"; allowed: empty or absent/);

    const cases: [string, (s: Record<string, any>) => void, RegExp][] = [
        ["readinessProbe.tcpSocket", (s) => (s.containers[0].readinessProbe.tcpSocket.host = "10.0.0.1"), /readinessProbe\.tcpSocket\.host/],
        ["startupProbe.httpGet", (s) => (s.initContainers[0].startupProbe = { httpGet: { port: 80, host: "db" } }), /initContainers\[0\]\.startupProbe\.httpGet\.host .* init container "setup"/],
        ["lifecycle.preStop.httpGet", (s) => (s.containers[0].lifecycle.preStop.httpGet.host = "example.com"), /lifecycle\.preStop\.httpGet\.host/],
        ["lifecycle.postStart.tcpSocket", (s) => (s.ephemeralContainers[0].lifecycle = { postStart: { tcpSocket: { port: 1, host: "x" } } }), /ephemeralContainers\[0\]\.lifecycle\.postStart\.tcpSocket\.host .* ephemeral container "debug"/],
    ];
    for (const [what, mutate, match] of cases) {
        it(`flags a host in ${what} from v1.34 only`, () => {
            assertBoundary(policy, variant(mutate), "v1.34", "v1.33", match);
        });
    }

    it("allows an empty host", () => {
        assertPasses(policy, variant((s) => (s.containers[0].livenessProbe.httpGet.host = "")));
    });
});
