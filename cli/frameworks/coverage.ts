// Framework coverage: for each benchmark, which recommendations the pack's policies cite (primary or
// alsoCites) and which none does. Built from the policies' metadata and the benchmark data only.
import { type Benchmark, benchmarks, citationsOf, type ClusterGuardPolicy, type Recommendation } from "../../policies/core";
import { policies as packPolicies } from "../../policies";

export interface RecommendationCoverage extends Recommendation {
    /** Names of the policies that cite it, in pack order; empty when not covered. */
    policies: string[];
}

export interface BenchmarkCoverage {
    key: string;
    name: string;
    version: string;
    source: string;
    scope: string;
    covered: number;
    total: number;
    recommendations: RecommendationCoverage[];
}

const citesIn = (benchmark: Benchmark, r: Recommendation) => (p: ClusterGuardPolicy) =>
    citationsOf(p).some((c) => c.name === benchmark.name && c.version === benchmark.version && c.reference === r.id && c.specification === r.title);

export function frameworkCoverage(policies: readonly ClusterGuardPolicy[] = packPolicies): BenchmarkCoverage[] {
    return benchmarks.map((b) => {
        const recommendations = b.recommendations.map((r) => ({ ...r, policies: policies.filter(citesIn(b, r)).map((p) => p.name) }));
        return {
            key: b.key,
            name: b.name,
            version: b.version,
            source: b.source,
            scope: b.scope,
            covered: recommendations.filter((r) => r.policies.length > 0).length,
            total: recommendations.length,
            recommendations,
        };
    });
}
