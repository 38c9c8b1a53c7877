// Unknown values in a preview, measured for every AWS, Azure and GCP policy (issue 15, item 5), on every
// weakening of the insecure examples (each of their resources). For each policy that fires on a resource,
// every other field of it (an evenly spread sample of leaves and subtrees) is made unknown in turn:
// (a) no new finding, and none on the unknown field or inside it;
// (b) a finding on another known field is lost only to a deferral that names the unknown field, and only
//     when the finding depends on it: the unknown field holds it, is it, or lies inside it, or is one of the
//     fields listed for the policy in `dependsOn`.
// Stack parts: one field of one resource of an insecure stack is unknown at a time, with the same rules.
import * as assert from "assert";
import * as path from "path";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { readStacks } from "../cli/inputs";
import { policies } from "../policies";
import { formatPath } from "../policies/core";
import { packDir } from "./e2e";
import { checkResource, checkStack, hasStackPart } from "./harness";
import { pinnedConfig } from "./reference-date";
import { deferredFields, fieldOf, get, inside, normal, paths, related, sample, withUnknown } from "./unknown-rules";

const families = ["aws", "azure", "gcp"];
const cloudPolicies = policies.filter((p) => families.some((f) => p.tags?.includes(f)));
const isResourcePolicy = (p: unknown): p is ResourceValidationPolicy => typeof (p as ResourceValidationPolicy).validateResource !== "undefined";
const configs = pinnedConfig() as Record<string, Record<string, unknown>>;

/** Fields a check reads to decide a finding beyond the finding's own field: exact paths, `*` for one step. */
const dependsOn: Record<string, string[]> = {
    // The allowed CIDRs matter only while the public endpoint is on.
    "eks-public-access-cidrs": ["vpcConfig", "vpcConfig.endpointPublicAccess"],
    // Only associations of the admin access policies are judged.
    "eks-cluster-admin-access": ["policyArn"],
    // Only the vpc-cni add-on's configuration is judged.
    "eks-vpc-cni-network-policy": ["addonName"],
    // A private cluster's public network access is judged with its API server access profile.
    "aks-public-network-access-disabled": ["apiServerAccessProfile", "apiServerAccessProfile.enablePrivateCluster"],
    // Rotation matters only while the Key Vault add-on is enabled.
    "aks-keyvault-secrets-rotation": ["addonProfiles", "addonProfiles.azureKeyvaultSecretsProvider", "addonProfiles.azureKeyvaultSecretsProvider.enabled"],
    // Which endpoint is public (IP or DNS) decides both.
    "gke-private-endpoint": ["controlPlaneEndpointsConfig", "controlPlaneEndpointsConfig.*", "controlPlaneEndpointsConfig.*.*"],
    "gke-authorized-networks": ["controlPlaneEndpointsConfig", "controlPlaneEndpointsConfig.*", "controlPlaneEndpointsConfig.*.*", "privateClusterConfig", "privateClusterConfig.enablePrivateEndpoint"],
    // Broad scopes matter only on the Compute Engine default account.
    "gke-no-cloud-platform-scope": ["nodeConfig", "nodeConfig.serviceAccount"],
};

/**
 * Unknowns a policy resolves without deferring, by what an unknown there must be: a node service account
 * computed from another resource is a dedicated account, never the Compute Engine default (gke-nodes.ts).
 */
const resolvedUnknowns: Record<string, string[]> = {
    "gke-no-cloud-platform-scope": ["nodeConfig.serviceAccount"],
    "gke-no-default-service-account": ["nodeConfig.serviceAccount"],
};

/**
 * Fields that identify a resource to the others of its stack. In a real preview, when one is unknown the
 * fields that refer to it are unknown too and carry a property dependency; making it unknown alone, with
 * the references still literal, is a state no preview produces.
 */
const identityFields = new Set(["id", "arn", "name", "keyId", "selfLink"]);

function dependency(policy: string, field: string, unknown: string): boolean {
    if (related(field, unknown)) return true;
    return (dependsOn[policy] ?? []).some((pattern) => new RegExp(`^${pattern.replace(/[.[\]]/g, (c) => `\\${c}`).replace(/\*/g, "[^.]+")}$`).test(unknown));
}

const insecure = readStacks(["aws/eks-insecure.json", "azure/aks-insecure.json", "gcp/gke-insecure.json"].map((f) => path.join(packDir, "examples", f)));
const weakenings = insecure.flatMap((s) => s.inputs);
const pathsPerResource = 40;

/** A resource of the stack that a computed value may come from. */
const elsewhere = "urn:pulumi:dev::app::random:index/randomString:RandomString::computed";

/**
 * What the engine reports as the property dependencies of a value computed in a preview: the resources of
 * the stack whose identity the known value names (a reference), or else another resource.
 */
function sourcesOf(value: unknown, stack: { urn?: string; props: object }[]): string[] {
    const texts = new Set(paths(value).map((p) => get(value, p)).concat([value]).filter((v): v is string => typeof v === "string"));
    const referenced = stack.filter((r) => [...identityFields].some((f) => texts.has((r.props as Record<string, unknown>)[f] as string))).map((r) => r.urn!);
    return referenced.length > 0 ? referenced : [elsewhere];
}


describe("unknown values: known findings survive, unknowns are never findings (AWS, Azure, GCP)", () => {
    for (const policy of cloudPolicies.filter(isResourcePolicy)) {
        it(`${policy.name}: rules (a) and (b) on every weakening`, () => {
            const config = configs[policy.name];
            let measured = 0;
            for (const weakened of weakenings) {
                const known = checkResource(policy, weakened.type, weakened.props, { name: weakened.name, config });
                if (known.violations.length === 0) continue;
                const knownFields = known.violations.map(fieldOf);
                for (const at of sample(paths(weakened.props), pathsPerResource)) {
                    const unknownField = normal(formatPath(at));
                    const r = checkResource(policy, weakened.type, withUnknown(weakened.props, at) as object, { name: weakened.name, config });
                    const where = `${weakened.type} ${weakened.name}, ${unknownField} unknown`;
                    const found = r.violations.map(fieldOf);
                    for (const f of found) {
                        assert.ok(knownFields.includes(f), `${where}: new finding on ${f}`);
                        assert.ok(!inside(f, unknownField), `${where}: finding claims the unknown ${f}`);
                    }
                    const deferred = deferredFields(r.unknown);
                    for (const d of deferred) assert.ok(related(d.field, unknownField), `${where}: deferral names the known field ${d.field}`);
                    // Rule (b) is about findings on the other, known fields.
                    for (const f of knownFields.filter((k) => !found.includes(k) && !inside(k, unknownField))) {
                        const resolved = (resolvedUnknowns[policy.name] ?? []).includes(unknownField);
                        assert.ok(deferred.length > 0 || resolved, `${where}: the finding on ${f} was lost without a deferral (${r.unknown ?? "no note"})`);
                        assert.ok(dependency(policy.name, f, unknownField), `${where}: the finding on ${f} does not depend on it`);
                    }
                    measured++;
                }
            }
            assert.ok(measured > 0 || !firesOnInsecureExamples.has(policy.name), "no weakening makes this policy fire");
        });
    }

    // Each stack also holds the resource that computed values come from (its URN is `elsewhere`).
    const source = { type: "random:index/randomString:RandomString", name: "computed", urn: elsewhere, props: { length: 8 } };
    const stacks = insecure.map((s) => [...s.inputs.map((r, i) => ({ ...r, urn: r.urn ?? `urn:pulumi:dev::app::${r.type}::r${i}` })), source]);
    for (const policy of cloudPolicies.filter(hasStackPart)) {
        it(`${policy.name} (stack): rules (a) and (b) for every resource of the insecure stacks`, () => {
            const config = configs[policy.name];
            for (const stack of stacks) {
                const known = checkStack(policy, stack, { config });
                if (known.violations.length === 0) continue;
                const key = (v: { urn?: string; message: string }) => `${v.urn} ${fieldOf(v.message)}`;
                const knownKeys = known.violations.map(key);
                stack.forEach((resource, index) => {
                    for (const at of sample(paths(resource.props).filter((p) => !(p.length === 1 && identityFields.has(String(p[0])))), 16)) {
                        const unknownField = normal(formatPath(at));
                        const props = withUnknown(resource.props, at) as object;
                        const propertyDependencies = { [String(at[0])]: sourcesOf(get(resource.props, at), stack) };
                        const r = checkStack(policy, stack.map((s, j) => (j === index ? { ...s, props, propertyDependencies } : s)), { config });
                        const where = `${resource.type} ${resource.name}, ${unknownField} unknown`;
                        const found = r.violations.map(key);
                        for (const [n, k] of found.entries()) {
                            // A finding on the unknown field may judge what it is computed from, a known resource.
                            const aboutSource = r.violations[n].message.includes(`${k.slice(k.indexOf(" ") + 1)} is computed from `);
                            // The same finding may name the list rather than the entry (`subnetIds is computed from Subnet "a"`).
                            const [urn, field] = [k.slice(0, k.indexOf(" ")), k.slice(k.indexOf(" ") + 1)];
                            assert.ok(knownKeys.some((known) => known.startsWith(`${urn} `) && related(known.slice(urn.length + 1), field)), `${where}: new finding ${k}`);
                            if (k.startsWith(`${resource.urn} `) && !aboutSource) assert.ok(!inside(k.slice(resource.urn!.length + 1), unknownField), `${where}: finding claims the unknown ${k}`);
                        }
                        const deferred = deferredFields(r.unknown);
                        for (const d of deferred) assert.ok(related(d.field, unknownField), `${where}: deferral names the known field ${d.label}: ${d.field}`);
                        const survives = (k: string) => found.some((f) => f.startsWith(k.slice(0, k.indexOf(" ") + 1)) && related(f.slice(k.indexOf(" ") + 1), k.slice(k.indexOf(" ") + 1)));
                        for (const lost of knownKeys.filter((k) => !survives(k))) {
                            assert.ok(deferred.length > 0, `${where}: ${lost} was lost without a deferral`);
                        }
                    }
                });
            }
        });
    }
});

/** Resource policies some insecure example resource makes fire, so each must be measured at least once. */
const firesOnInsecureExamples = new Set(
    cloudPolicies.filter(isResourcePolicy).filter((p) => weakenings.some((w) => checkResource(p, w.type, w.props, { name: w.name, config: configs[p.name] }).violations.length > 0)).map((p) => p.name),
);
