// Compliance frameworks policies cite. Names, versions and recommendation titles come from the benchmark
// data (benchmarks.ts), so a benchmark update is one edit and a citation cannot drift from its title.
import type { PolicyComplianceFramework } from "@pulumi/policy";
import {
    type Benchmark,
    cisAksBenchmark,
    cisEksBenchmark,
    cisGkeBenchmark,
    cisKubernetesBenchmark,
    nsaHardeningBenchmark,
    podSecurityStandardsBenchmark,
} from "./benchmarks";

/** Cites a CIS recommendation by number; the title is the benchmark's unless given. */
function numbered(benchmark: Benchmark) {
    return (reference: string, specification?: string): PolicyComplianceFramework => ({
        name: benchmark.name,
        version: benchmark.version,
        reference,
        specification: specification ?? benchmark.recommendations.find((r) => r.id === reference)?.title ?? "",
    });
}

/** Cites a control by its pair of names (level and control, chapter and section). */
function named(benchmark: Benchmark) {
    return (reference: string, specification: string): PolicyComplianceFramework => ({
        name: benchmark.name,
        version: benchmark.version,
        reference,
        specification,
    });
}

export const cisEks = numbered(cisEksBenchmark);
export const cisAks = numbered(cisAksBenchmark);
export const cisGke = numbered(cisGkeBenchmark);
export const cisKubernetes = numbered(cisKubernetesBenchmark);
/** Pod Security Standards: reference is the level ("baseline" or "restricted"), specification the control. */
export const podSecurityStandards = named(podSecurityStandardsBenchmark);
/** NSA/CISA Kubernetes Hardening Guidance: reference is the chapter, specification the section. */
export const nsaHardening = named(nsaHardeningBenchmark);

/** The citations of the checks that traffic into the cluster is encrypted (Ingress, Gateway API and Istio Gateway TLS). */
export const trafficEncryption = {
    framework: nsaHardening("Network separation and hardening", "Encryption"),
    alsoCites: [cisEks("5.4.5"), cisAks("5.4.5")],
};

/** The framework references a policy cites, primary first. */
export function citationsOf(policy: { framework?: PolicyComplianceFramework; guide?: { alsoCites?: readonly PolicyComplianceFramework[] } }): PolicyComplianceFramework[] {
    return [...(policy.framework ? [policy.framework] : []), ...(policy.guide?.alsoCites ?? [])];
}
