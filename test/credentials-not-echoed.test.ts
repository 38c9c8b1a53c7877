// Issue 15, secrets: no finding message, remediation note or CLI report (text, json, sarif) repeats a value
// from a field that commonly carries a credential. Analyze hands policies secrets as plain values, so a
// policy cannot tell which values were secret: it must never echo these fields at all.
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { ResourceInput } from "../engine/runner";
import { secretValue } from "../engine/wire";
import { looksLikeCredential } from "../policies/core";
import { exampleResources, packDir, useRunner } from "./e2e";
import { pinnedConfig } from "./reference-date";
import { tempDir } from "./cli/fixtures";

/** Field names that carry credentials whatever their policy-level meaning. */
const credentialFields = new Set(["userData", "data", "stringData", "password", "adminPassword", "secret", "clientKey", "clientCertificate", "token", "connectionString", "keyData"]);

type Json = Record<string, unknown>;

class Credentials {
    readonly planted: string[] = [];
    next(): string {
        const value = `cgleak${this.planted.length}Q7zP9w`;
        this.planted.push(value);
        return value;
    }
}

/** Which fields of a resource carry credentials: env values, Secret data, and fields named like credentials. */
function isCredentialField(key: string, parentKey: string | undefined, grandKey: string | undefined): boolean {
    if (key === "value" && grandKey === "env") return true;
    if (parentKey === "data" || parentKey === "stringData") return true;
    // enableSecretRotation and the like are switches about credentials, not credentials.
    return credentialFields.has(key) || (looksLikeCredential(key) && !/^(enable|disable|is|use)[A-Z]/.test(key));
}

/** Replaces every string in a credential field with a fresh recognisable credential; returns how many. */
function plant(value: unknown, credentials: Credentials, wrap: (v: string) => unknown, keys: string[] = []): unknown {
    if (Array.isArray(value)) return value.map((v) => plant(v, credentials, wrap, [...keys, "[]"]));
    if (typeof value !== "object" || value === null) return value;
    const out: Json = {};
    for (const [key, v] of Object.entries(value)) {
        const [parent, grand] = [keys[keys.length - 1], keys[keys.length - 3]];
        if (typeof v === "string" && isCredentialField(key, parent, grand)) out[key] = key === "userData" ? Buffer.from(`#!/bin/bash\nexport TOKEN=${credentials.next()}\n`).toString("base64") : wrap(credentials.next());
        else out[key] = plant(v, credentials, wrap, [...keys, key]);
    }
    return out;
}

/** Resources that hold every kind of credential field, right-typed and wrong-typed, added to the examples. */
function credentialHolders(credentials: Credentials, wrap: (v: string) => unknown): ResourceInput[] {
    const c = () => wrap(credentials.next());
    const env = [{ name: "DB_PASSWORD", value: c() }, { name: "API_TOKEN", value: c() }, { name: "CONNECTION_STRING", value: c() }, { name: "PLAIN", value: c() }, { name: "WRONG", value: { nested: c() } }];
    const container = { name: "app", image: "registry.example.com/app:1.0", env, securityContext: { privileged: true } };
    return [
        { type: "kubernetes:core/v1:Pod", name: "shop/leaky", props: { apiVersion: "v1", kind: "Pod", metadata: { name: "leaky", namespace: "shop" }, spec: { containers: [container] } } },
        { type: "kubernetes:apps/v1:Deployment", name: "shop/leaky", props: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "leaky", namespace: "shop" }, spec: { selector: { matchLabels: { app: "l" } }, template: { metadata: { labels: { app: "l" } }, spec: { containers: [container] } } } } },
        { type: "kubernetes:core/v1:Secret", name: "shop/creds", props: { apiVersion: "v1", kind: "Secret", metadata: { name: "creds", namespace: "shop" }, type: "kubernetes.io/service-account-token", data: { token: c() }, stringData: { password: c(), wrong: { nested: c() } } } },
        { type: "kubernetes:helm.sh/v3:Release", name: "leaky", props: { chart: "app", values: { auth: { password: c(), apiKey: c(), wrong: [c()] }, env: [{ name: "SECRET_KEY", value: c() }] } } },
        { type: "aws:ec2/launchTemplate:LaunchTemplate", name: "leaky", props: { name: "leaky", userData: Buffer.from(`#!/bin/bash\n/etc/eks/bootstrap.sh c --kubelet-extra-args '--token=${credentials.next()}'\n`).toString("base64") } },
        { type: "aws:ec2/launchTemplate:LaunchTemplate", name: "leaky-wrong", props: { name: "leaky-wrong", userData: { script: c() } } },
        { type: "gcp:container/cluster:Cluster", name: "leaky", props: { name: "leaky", location: "europe-west1", initialNodeCount: 1, masterAuth: { username: "admin", password: c(), clientKey: c(), clientCertificate: c(), clientCertificateConfig: { issueClientCertificate: true } } } },
        { type: "gcp:container/cluster:Cluster", name: "leaky-wrong", props: { name: "leaky-wrong", location: "europe-west1", initialNodeCount: 1, masterAuth: { username: { nested: c() }, password: { nested: c() }, clientCertificateConfig: c() } } },
        { type: "azure-native:containerservice:ManagedCluster", name: "leaky", props: { resourceGroupName: "rg", resourceName: "leaky", dnsPrefix: "l", servicePrincipalProfile: { clientId: "x", secret: c() }, windowsProfile: { adminUsername: "a", adminPassword: c() }, linuxProfile: { adminUsername: "a", ssh: { publicKeys: [{ keyData: c() }] } } } },
        { type: "azure-native:containerservice:ManagedCluster", name: "leaky-wrong", props: { resourceGroupName: "rg", resourceName: "leaky-wrong", dnsPrefix: "l", servicePrincipalProfile: { clientId: "x", secret: { nested: c() } }, windowsProfile: { adminPassword: [c()] } } },
    ];
}

const exampleFiles = ["aws/eks-insecure.json", "azure/aks-insecure.json", "gcp/gke-insecure.json", "kubernetes/pod-security-insecure.yaml", "kubernetes/rbac-insecure.yaml", "kubernetes/network-insecure.yaml"];

function leakyResources(credentials: Credentials, wrap: (v: string) => unknown): ResourceInput[] {
    const examples = exampleFiles.flatMap((f) => exampleResources(f)).map((r) => ({ ...r, props: plant(r.props, credentials, wrap) as Json }));
    return [...examples, ...credentialHolders(credentials, wrap)];
}

function leaksIn(text: string, credentials: Credentials): string[] {
    return credentials.planted.filter((c) => text.includes(c) || text.includes(Buffer.from(c).toString("base64").slice(0, 12)));
}

const remediating = { "k8s-pss-restricted-seccomp": "remediate", "k8s-pss-privilege-escalation": "remediate", "k8s-pss-restricted-capabilities": "remediate" } as const;

describe("credentials are never echoed", () => {
    describe("in findings and remediations (engine runner, credentials sent as secrets)", () => {
        const runner = useRunner({ ...pinnedConfig(), ...remediating });
        it("no finding message or remediation note repeats a planted credential; remediated props keep them secret", async () => {
            const credentials = new Credentials();
            const evaluation = await runner().evaluate(leakyResources(credentials, (v) => secretValue(v)));
            assert.ok(credentials.planted.length >= 30, `${credentials.planted.length} credentials planted`);
            const messages = [...evaluation.resources.flatMap((r) => r.result.diagnostics), ...evaluation.stack.diagnostics].map((d) => `${d.policyName}: ${d.message}`);
            assert.ok(messages.length > 50);
            const leaking = messages.filter((m) => leaksIn(m, credentials).length > 0);
            assert.deepStrictEqual(leaking, []);
            const notes = evaluation.resources.flatMap((r) => r.remediations.map((x) => x.diagnostic ?? ""));
            assert.deepStrictEqual(notes.filter((n) => leaksIn(n, credentials).length > 0), []);
            const remediated = evaluation.resources.flatMap((r) => r.remediations.filter((x) => x.properties));
            assert.ok(remediated.length > 0);
            for (const r of remediated) {
                const outsideSecrets = JSON.stringify(r.properties, (_k, v) => (v && typeof v === "object" && v["4dabf18193072939515e22adb298388d"] ? "<secret>" : v));
                assert.deepStrictEqual(leaksIn(outsideSecrets, credentials), [], r.policyName);
            }
        });
    });

    it("in the CLI's text, json and sarif reports", function () {
        this.timeout(600_000);
        const credentials = new Credentials();
        const resources = leakyResources(credentials, (v) => v).map((r) => ({ type: r.type, name: r.name, props: r.props }));
        const dir = tempDir({ "resources.json": JSON.stringify(resources), "config.json": JSON.stringify(pinnedConfig()) });
        for (const format of ["text", "json", "sarif"]) {
            const result = spawnSync(process.execPath, [path.join(packDir, "bin", "cli", "main.js"), "scan", path.join(dir, "resources.json"), "--config", path.join(dir, "config.json"), "--format", format],
                { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 64 * 1024 * 1024 });
            assert.strictEqual(result.status, 1, result.stderr);
            assert.ok(result.stdout.length > 1000, format);
            assert.deepStrictEqual(leaksIn(result.stdout + result.stderr, credentials), [], format);
        }
        fs.rmSync(dir, { recursive: true, force: true });
    });
});
