import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { InputError, mergeStacks, readStacks } from "../../cli/inputs";
import { secretSig, signatureKey, unknownSentinels } from "../../engine/wire";

function tempFiles(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-inputs-"));
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
    return dir;
}

describe("cli/inputs", () => {
    it("reads multi-document YAML and List kinds into Kubernetes tokens", () => {
        const dir = tempFiles({
            "a.yaml": [
                "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: shop}",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}",
                "",
                "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}",
            ].join("\n---\n"),
        });
        const [stack] = readStacks([dir]);
        assert.deepStrictEqual(stack.inputs.map((r) => [r.type, r.name]), [
            ["kubernetes:core/v1:Namespace", "shop"],
            ["kubernetes:apps/v1:Deployment", "shop/web"],
            ["kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", "reader"],
        ]);
        assert.strictEqual(stack.outputs, stack.inputs);
    });

    it("reads the simple [{type, name, props}] format", () => {
        const dir = tempFiles({ "r.json": JSON.stringify([{ type: "aws:eks/cluster:Cluster", name: "prod", props: { version: "1.31" } }]) });
        const [stack] = readStacks([dir]);
        assert.deepStrictEqual(stack.inputs, [{ type: "aws:eks/cluster:Cluster", name: "prod", props: { version: "1.31" } }]);
    });

    it("reads a stack export: inputs for Analyze, outputs for AnalyzeStack, secrets decoded or unknown", () => {
        const urn = "urn:pulumi:prod::infra::aws:eks/cluster:Cluster::main";
        const exported = {
            version: 3,
            deployment: {
                resources: [
                    { urn: "urn:pulumi:prod::infra::pulumi:pulumi:Stack::infra-prod", type: "pulumi:pulumi:Stack", custom: false },
                    { urn: "urn:pulumi:prod::infra::pulumi:providers:aws::default", type: "pulumi:providers:aws", custom: true },
                    {
                        urn,
                        type: "aws:eks/cluster:Cluster",
                        custom: true,
                        inputs: { version: "1.31", token: { [signatureKey]: secretSig, ciphertext: "AAAA" } },
                        outputs: { version: "1.31", arn: "arn:aws:eks:x", token: { [signatureKey]: secretSig, plaintext: '"s3cret"' } },
                        dependencies: ["urn:pulumi:prod::infra::aws:iam/role:Role::r"],
                    },
                ],
            },
        };
        const [stack] = readStacks([tempFiles({ "export.json": JSON.stringify(exported) })]);
        assert.strictEqual(stack.inputs.length, 1);
        assert.strictEqual(stack.inputs[0].name, "main");
        assert.strictEqual(stack.inputs[0].urn, urn);
        assert.strictEqual((stack.inputs[0].props as Record<string, unknown>).token, unknownSentinels.string);
        assert.deepStrictEqual((stack.outputs[0].props as Record<string, unknown>).token, { [signatureKey]: secretSig, value: "s3cret" });
        assert.deepStrictEqual(stack.outputs[0].dependencies, ["urn:pulumi:prod::infra::aws:iam/role:Role::r"]);
    });

    it("merges files into one stack", () => {
        const dir = tempFiles({ "a.yaml": "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}", "b.yaml": "apiVersion: v1\nkind: Namespace\nmetadata: {name: b}" });
        assert.deepStrictEqual(mergeStacks(readStacks([dir])).inputs.map((r) => r.name), ["a", "b"]);
    });

    it("rejects what it cannot read with the file named", () => {
        assert.throws(() => readStacks([tempFiles({ "bad.yaml": "a: [" })]), (e: Error) => e instanceof InputError && /bad\.yaml: invalid YAML/.test(e.message));
        assert.throws(() => readStacks([tempFiles({ "bad.json": "{" })]), /bad\.json: invalid JSON/);
        assert.throws(() => readStacks([tempFiles({ "x.yaml": "just: data" })]), /not a Kubernetes object/);
        assert.throws(() => readStacks(["/no/such/path"]), /no such file or directory/);
    });
});
