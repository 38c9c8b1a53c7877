// End to end: the compiled pack through the engine runner, on the example manifests.
import * as assert from "assert";
import type { ResourceInput } from "../../../engine/runner";
import { podSecurityPolicies } from "../../../policies/kubernetes/pod-security";
import { diagnosticsOf, exampleResources, useRunner } from "../../e2e";

const family = new Set(podSecurityPolicies.map((p) => p.name));

function familyDiagnostics(evaluation: { resources: { result: { diagnostics: { policyName: string; message: string }[] } }[]; stack: { diagnostics: { policyName: string; message: string }[] } }) {
    return [...evaluation.resources.flatMap((r) => r.result.diagnostics), ...evaluation.stack.diagnostics].filter((d) => family.has(d.policyName));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mutable = Record<string, any>;

describe("pod security (end to end, engine runner)", () => {
    describe("with podSecurityVersion configured", () => {
        const runner = useRunner({
            "k8s-pss-sysctls": { podSecurityVersion: "v1.26" },
            "k8s-pss-probe-host": { podSecurityVersion: "v1.33" },
            "k8s-pss-restricted-capabilities": { enforcementLevel: "mandatory", podSecurityVersion: "v1.30" },
        });

        it("publishes the config schema with the podSecurityVersion default", () => {
            for (const p of runner().info.policies.filter((i) => family.has(i.name))) {
                assert.strictEqual((p.configSchema?.properties?.podSecurityVersion as { default?: string })?.default, "latest", p.name);
            }
        });

        it("passes the hardened example clean", async () => {
            assert.deepStrictEqual(familyDiagnostics(await runner().evaluate(exampleResources("kubernetes/pod-security-hardened.yaml"))), []);
        });

        it("catches every single weakening of the hardened Deployment", async () => {
            const base = exampleResources("kubernetes/pod-security-hardened.yaml");
            const weakenings: [string, (spec: Mutable) => void][] = [
                ["k8s-pss-host-namespaces", (s) => (s.hostIPC = true)],
                ["k8s-no-privileged-containers", (s) => (s.containers[0].securityContext.privileged = true)],
                ["k8s-pss-baseline-capabilities", (s) => (s.initContainers[0].securityContext.capabilities.add = ["SYS_PTRACE"])],
                ["k8s-pss-host-path-volumes", (s) => (s.volumes[0] = { name: "tmp", hostPath: { path: "/tmp" } })],
                ["k8s-pss-host-ports", (s) => (s.containers[0].ports[0].hostPort = 8080)],
                ["k8s-pss-apparmor", (s) => (s.securityContext.appArmorProfile = { type: "Unconfined" })],
                ["k8s-pss-selinux", (s) => (s.securityContext.seLinuxOptions = { type: "spc_t" })],
                ["k8s-pss-proc-mount", (s) => (s.containers[0].securityContext.procMount = "Unmasked")],
                ["k8s-pss-baseline-seccomp", (s) => (s.containers[0].securityContext.seccompProfile = { type: "Unconfined" })],
                ["k8s-pss-sysctls", (s) => (s.securityContext.sysctls = [{ name: "net.ipv4.ip_local_reserved_ports", value: "30000" }])],
                ["k8s-pss-windows-host-process", (s) => (s.securityContext.windowsOptions = { hostProcess: true })],
                ["k8s-pss-restricted-volumes", (s) => (s.volumes[0] = { name: "tmp", nfs: { server: "n", path: "/" } })],
                ["k8s-pss-privilege-escalation", (s) => delete s.containers[0].securityContext.allowPrivilegeEscalation],
                ["k8s-pss-run-as-non-root", (s) => (s.securityContext.runAsNonRoot = false)],
                ["k8s-pss-run-as-user", (s) => (s.securityContext.runAsUser = 0)],
                ["k8s-pss-restricted-seccomp", (s) => delete s.securityContext.seccompProfile],
                ["k8s-pss-restricted-capabilities", (s) => (s.initContainers[0].securityContext.capabilities.drop = [])],
                ["k8s-pss-restricted-proc-mount", (s) => { s.hostUsers = false; s.containers[0].securityContext.procMount = "Unmasked"; }],
            ];
            for (const [policy, weaken] of weakenings) {
                const resources = JSON.parse(JSON.stringify(base)) as ResourceInput[];
                const deployment = resources.find((r) => r.type === "kubernetes:apps/v1:Deployment")!;
                weaken((deployment.props as Mutable).spec.template.spec);
                const evaluation = await runner().evaluate(resources);
                const found = familyDiagnostics(evaluation);
                assert.ok(found.some((d) => d.policyName === policy), `${policy}: ${JSON.stringify(found.map((d) => d.policyName))}`);
                // The namespace enforces restricted:latest, so the stack policy sees it too (except what PSA itself allows).
                const stackCaught = evaluation.stack.diagnostics.some((d) => d.policyName === "k8s-pss-namespace-admission");
                assert.strictEqual(stackCaught, policy !== "k8s-pss-sysctls", `${policy}: namespace-admission`);
            }
        });

        it("applies the configured version: the v1.34 probe-host rule is off at v1.33 while the namespace (latest) still catches it", async () => {
            const base = exampleResources("kubernetes/pod-security-hardened.yaml");
            const deployment = base.find((r) => r.type === "kubernetes:apps/v1:Deployment")!;
            const spec = (deployment.props as Mutable).spec.template.spec;
            spec.containers[0].livenessProbe.httpGet.host = "10.0.0.1";
            const result = await runner().analyze(deployment);
            assert.deepStrictEqual(diagnosticsOf(result, "k8s-pss-probe-host"), []);
            const stack = await runner().analyzeStack(base);
            assert.match(diagnosticsOf(stack, "k8s-pss-namespace-admission")[0].message, /livenessProbe\.httpGet\.host is "10\.0\.0\.1".*restricted:latest/);
        });

        it("reports the insecure example, with levels and severities", async () => {
            const evaluation = await runner().evaluate(exampleResources("kubernetes/pod-security-insecure.yaml"));
            const names = new Set(familyDiagnostics(evaluation).map((d) => d.policyName));
            for (const expected of [
                "k8s-pss-host-namespaces", "k8s-no-privileged-containers", "k8s-pss-baseline-capabilities", "k8s-pss-host-path-volumes",
                "k8s-pss-host-ports", "k8s-pss-apparmor", "k8s-pss-baseline-seccomp", "k8s-pss-sysctls", "k8s-pss-proc-mount",
                "k8s-pss-privilege-escalation", "k8s-pss-run-as-non-root", "k8s-pss-run-as-user", "k8s-pss-restricted-seccomp",
                "k8s-pss-restricted-capabilities", "k8s-pss-restricted-volumes", "k8s-pss-namespace-admission",
            ]) {
                assert.ok(names.has(expected), expected);
            }
            const stack = diagnosticsOf(evaluation.stack, "k8s-pss-namespace-admission");
            assert.ok(stack.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high"));
            assert.ok(stack.some((d) => /DaemonSet "agents\/node-agent".*baseline:v1\.30/.test(d.message)));
            assert.ok(stack.some((d) => /CronJob "web\/report".*ephemeral container "debug".*restricted:latest/.test(d.message)));
            const cronJob = evaluation.resources.find((r) => r.resource.type === "kubernetes:batch/v1:CronJob")!;
            const ape = diagnosticsOf(cronJob.result, "k8s-pss-privilege-escalation");
            assert.ok(ape.length > 0 && ape.every((d) => d.enforcementLevel === "advisory"));
            const caps = diagnosticsOf(cronJob.result, "k8s-pss-restricted-capabilities");
            assert.ok(caps.length > 0 && caps.every((d) => d.enforcementLevel === "mandatory"));
        });
    });

    describe("at remediate enforcement", () => {
        const runner = useRunner({
            "k8s-pss-privilege-escalation": "remediate",
            "k8s-pss-restricted-capabilities": "remediate",
            "k8s-pss-restricted-seccomp": "remediate",
        });

        it("applies the safe fixes, and the remediated Deployment passes them; runAsNonRoot is left alone", async () => {
            const base = exampleResources("kubernetes/pod-security-hardened.yaml");
            const deployment = base.find((r) => r.type === "kubernetes:apps/v1:Deployment")!;
            const spec = (deployment.props as Mutable).spec.template.spec;
            delete spec.securityContext.seccompProfile;
            delete spec.securityContext.runAsNonRoot;
            for (const c of [...spec.containers, ...spec.initContainers]) delete c.securityContext;
            const evaluation = await runner().evaluate([deployment]);
            const [r] = evaluation.resources;
            assert.deepStrictEqual(r.remediations.map((x) => x.policyName).sort(), ["k8s-pss-privilege-escalation", "k8s-pss-restricted-capabilities", "k8s-pss-restricted-seccomp"]);
            for (const name of ["k8s-pss-privilege-escalation", "k8s-pss-restricted-capabilities", "k8s-pss-restricted-seccomp"]) {
                assert.deepStrictEqual(diagnosticsOf(r.result, name), [], name);
            }
            assert.ok(diagnosticsOf(r.result, "k8s-pss-run-as-non-root").length > 0);
        });
    });
});
