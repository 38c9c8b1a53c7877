import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { InputError, mergeStacks, readInputs, readStacks } from "../../cli/inputs";
import { jsonPositions } from "../../cli/inputs/positions";
import { secretSig, signatureKey, unknownSentinels } from "../../engine/wire";

function tempFiles(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-inputs-"));
    for (const [name, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), content);
    }
    return dir;
}

/** Reasons of the warnings, with the temp dir cut off the paths. */
function warningsOf(paths: string[], options: Parameters<typeof readInputs>[1] = {}, dir = paths[0]): string[] {
    return readInputs(paths, options).warnings.map((w) => `${path.relative(dir, w.file) || "."}${w.line ? `:${w.line}` : ""}: ${w.reason}`);
}

const pod = (name: string, ns?: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}${ns ? `, namespace: ${ns}` : ""}}\nspec:\n  containers: [{name: a, image: "nginx:1"}]\n`;

describe("cli/inputs", () => {
    it("reads multi-document YAML and List kinds, each object located to its line", () => {
        const dir = tempFiles({
            "a.yaml": [
                "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: shop}",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}",
                "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}",
            ].join("\n---\n"),
        });
        const [stack] = readStacks([dir]);
        const file = path.join(dir, "a.yaml");
        assert.deepStrictEqual(
            stack.inputs.map((r) => [r.type, r.name, r.location?.line, r.location?.pointer]),
            [
                ["kubernetes:core/v1:Namespace", `shop@${file}:4:3`, 4, "/0/items/0"],
                ["kubernetes:apps/v1:Deployment", `shop/web@${file}:8:1`, 8, "/1"],
                ["kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", `reader@${file}:12:1`, 12, "/2"],
            ],
        );
        assert.strictEqual(stack.outputs, stack.inputs);
    });

    it("never merges objects with the same kind and name from different files or documents", () => {
        const dir = tempFiles({ "a.yaml": pod("web", "shop"), "b.yaml": `${pod("web", "shop")}---\n${pod("web", "shop")}` });
        const merged = mergeStacks(readStacks([dir]));
        assert.strictEqual(new Set(merged.inputs.map((r) => r.name)).size, 3);
        assert.deepStrictEqual(merged.inputs.map((r) => (r.props as { metadata: { name: string } }).metadata.name), ["web", "web", "web"]);
    });

    it("gives duplicate URNs of [{type, name, props}] files distinct names when merged", () => {
        const entry = JSON.stringify([{ type: "aws:eks/cluster:Cluster", name: "prod", props: {} }]);
        const merged = mergeStacks(readStacks([tempFiles({ "a.json": entry, "b.json": entry })]));
        assert.strictEqual(merged.inputs.length, 2);
        assert.notStrictEqual(merged.inputs[0].name, merged.inputs[1].name);
    });

    it("reads the simple [{type, name, props}] format with pointers", () => {
        const dir = tempFiles({ "r.json": JSON.stringify([{ type: "aws:eks/cluster:Cluster", name: "prod", props: { version: "1.31" } }]) });
        const [stack] = readStacks([dir]);
        assert.deepStrictEqual(stack.inputs, [
            { type: "aws:eks/cluster:Cluster", name: "prod", props: { version: "1.31" }, location: { file: path.join(dir, "r.json"), pointer: "/0", propsPointer: "/0/props" } },
        ]);
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
        assert.strictEqual(stack.inputs[0].location?.propsPointer, "/deployment/resources/2/inputs");
        assert.strictEqual((stack.inputs[0].props as Record<string, unknown>).token, unknownSentinels.string);
        // AnalyzeStack gets the providers too, as `pulumi policy analyze` hands them.
        assert.deepStrictEqual(stack.outputs.map((r) => r.type), ["pulumi:providers:aws", "aws:eks/cluster:Cluster"]);
        const cluster = stack.outputs[1];
        assert.deepStrictEqual((cluster.props as Record<string, unknown>).token, { [signatureKey]: secretSig, value: "s3cret" });
        assert.deepStrictEqual(cluster.dependencies, ["urn:pulumi:prod::infra::aws:iam/role:Role::r"]);
    });

    it("reads a stack export's provider references: each resource names its provider with the provider's inputs", () => {
        const providerUrn = "urn:pulumi:prod::apps::pulumi:providers:kubernetes::blue";
        const clusterUrn = "urn:pulumi:prod::apps::gcp:container/cluster:Cluster::blue";
        const kubeconfig = { [signatureKey]: secretSig, ciphertext: "AAAA" };
        const exported = {
            version: 3,
            deployment: {
                resources: [
                    { urn: providerUrn, type: "pulumi:providers:kubernetes", custom: true, inputs: { kubeconfig }, outputs: { kubeconfig }, propertyDependencies: { kubeconfig: [clusterUrn] } },
                    {
                        urn: "urn:pulumi:prod::apps::kubernetes:apps/v1:Deployment::web",
                        type: "kubernetes:apps/v1:Deployment",
                        custom: true,
                        provider: `${providerUrn}::4f0f3e4c-0000-4000-8000-000000000000`,
                        inputs: { metadata: { name: "web" } },
                        outputs: { metadata: { name: "web" } },
                    },
                ],
            },
        };
        const [stack] = readStacks([tempFiles({ "export.json": JSON.stringify(exported) })]);
        assert.deepStrictEqual(stack.inputs.map((r) => r.type), ["kubernetes:apps/v1:Deployment"]);
        const web = stack.outputs.find((r) => r.type === "kubernetes:apps/v1:Deployment")!;
        assert.deepStrictEqual(web.provider, { type: "pulumi:providers:kubernetes", name: "blue", urn: providerUrn, props: { kubeconfig: unknownSentinels.string } });
        assert.deepStrictEqual(stack.outputs.find((r) => r.urn === providerUrn)?.propertyDependencies, { kubeconfig: [clusterUrn] });
    });

    it("sets --namespace on namespaced objects without one, and leaves cluster-scoped kinds alone", () => {
        const dir = tempFiles({ "a.yaml": `${pod("p")}---\n${pod("q", "other")}---\napiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n` });
        const namespaces = (ns?: string) => readStacks([dir], { namespace: ns })[0].inputs.map((r) => (r.props as { metadata: { namespace?: string } }).metadata.namespace);
        assert.deepStrictEqual(namespaces("shop"), ["shop", "other", undefined]);
        assert.deepStrictEqual(namespaces(), [undefined, "other", undefined]);
    });

    it("maps network policies of other engines to custom-resource tokens, and keeps --namespace off the cluster-wide ones", () => {
        const objects = [
            "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: a}\nspec: {endpointSelector: {}}\n",
            "apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {name: b}\nspec: {endpointSelector: {}}\n",
            "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: c}\nspec: {selector: all()}\n",
            "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: d}\nspec: {priority: 1}\n",
        ];
        const dir = tempFiles({ "net.yaml": objects.join("---\n") });
        const inputs = readStacks([dir], { namespace: "shop" })[0].inputs;
        assert.deepStrictEqual(inputs.map((r) => r.type), [
            "kubernetes:cilium.io/v2:CiliumNetworkPolicy",
            "kubernetes:cilium.io/v2:CiliumClusterwideNetworkPolicy",
            "kubernetes:projectcalico.org/v3:GlobalNetworkPolicy",
            "kubernetes:policy.networking.k8s.io/v1alpha1:AdminNetworkPolicy",
        ]);
        assert.deepStrictEqual(inputs.map((r) => (r.props as { metadata: { namespace?: string } }).metadata.namespace), ["shop", undefined, undefined, undefined]);
    });

    it("warns per file and per document and keeps scanning the rest (issue 15 item 8)", () => {
        const dir = tempFiles({
            "good.yaml": pod("p", "shop"),
            "broken.yaml": `${pod("ok", "shop")}---\na: [\n---\n${pod("later", "shop")}`,
            "bad.json": '{"password": hunter2secret}',
            "data.yaml": "just: data",
            "empty.yaml": "",
            "comments.yaml": "# nothing here\n# at all\n",
            "nulls.yaml": `${pod("n", "shop")}---\nnull\n`,
            "list.yaml": "apiVersion: v1\nkind: List\nitems: null\n",
            "simple.json": JSON.stringify([{ type: "aws:eks/cluster:Cluster", name: "a", props: "oops" }, { type: "aws:eks/cluster:Cluster", name: "b", props: {} }, 7]),
            "export.json": JSON.stringify({ deployment: { resources: [7, { type: "aws:eks/cluster:Cluster" }, { urn: "urn:pulumi:s::p::aws:eks/cluster:Cluster::c", type: "aws:eks/cluster:Cluster", inputs: {} }] } }),
            "bom.json": `\uFEFF${JSON.stringify({ apiVersion: "v1", kind: "Namespace", metadata: { name: "bom" } })}`,
        });
        const read = readInputs([dir]);
        const names = read.stacks.flatMap((s) => s.inputs.map((r) => `${path.basename(r.location!.file)} ${r.name.split("@")[0]}`));
        assert.deepStrictEqual(names.sort(), ["bom.json bom", "broken.yaml shop/later", "broken.yaml shop/ok", "export.json c", "good.yaml shop/p", "nulls.yaml shop/n", "simple.json b"]);
        const warnings = warningsOf([dir]).sort();
        assert.match(warnings[0], /^bad\.json: skipped: not valid JSON: Unexpected token/);
        assert.doesNotMatch(warnings.join("\n"), /hunter2/, "warnings never repeat file content");
        assert.match(warnings[1], /^broken\.yaml:8: document 2 skipped: it is not valid YAML: /);
        assert.deepStrictEqual(warnings.slice(2), [
            "comments.yaml: no Kubernetes objects: the file is empty or holds only comments",
            "data.yaml:1: document 1 skipped: not a Kubernetes object (apiVersion and kind are required)",
            "empty.yaml: no Kubernetes objects: the file is empty or holds only comments",
            "export.json: deployment.resources[0] skipped: not a resource (an object with string type and urn)",
            "export.json: deployment.resources[1] skipped: not a resource (an object with string type and urn)",
            "list.yaml:1: document 1 skipped: a List with no items (items: null)",
            "nulls.yaml:7: document 2 skipped: it is empty (null)",
            "simple.json: entry 0 skipped: props must be an object, got a string",
            'simple.json: entry 2 skipped: expected {"type": "<token>", "name": "<name>", "props": {...}}',
        ]);
    });

    it("tells how to render Helm charts and kustomizations, and skips Go templates", () => {
        const dir = tempFiles({
            "chart/Chart.yaml": "apiVersion: v2\nname: web\nversion: 1.0.0\n",
            "chart/values.yaml": "replicas: 2\n",
            "chart/templates/deploy.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n",
            "chart/crds/crd.yaml": "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: webs.example.com}\n",
            "overlay/kustomization.yaml": "resources: [deploy.yaml]\n",
            "overlay/deploy.yaml": pod("p", "shop"),
            "loose/template.yaml": "{{- if .Values.enabled }}\napiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n{{- end }}\n",
            "loose/rules.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: rules, namespace: shop}\ndata:\n  alert: |\n    {{ $labels.instance }} is down\n",
        });
        const read = readInputs([dir]);
        assert.deepStrictEqual(read.stacks.map((s) => path.relative(dir, s.source)).sort(), ["chart/crds/crd.yaml", "loose/rules.yaml", "overlay/deploy.yaml"]);
        const warnings = warningsOf([dir]).sort();
        assert.deepStrictEqual(warnings.length, 3, warnings.join("\n"));
        assert.match(warnings[0], /^chart\/Chart\.yaml: a Helm chart: .* helm template my-release .*chart \| cluster-guard scan -$/);
        assert.match(warnings[1], /^loose\/template\.yaml: skipped: contains Go-template \{\{ \}\} directives; .*helm template/);
        assert.match(warnings[2], /^overlay\/kustomization\.yaml: a kustomization: render the overlay first: kubectl kustomize .*overlay \| cluster-guard scan -/);
        // A Kustomization object in a file of another name is not scanned as a cluster object either.
        assert.match(warningsOf([tempFiles({ "k.yaml": "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n" })])[0], /kubectl kustomize/);
    });

    it("refuses FIFOs, devices, dangling and looping links, and oversized files without reading them (issue 15 item 7)", function () {
        const dir = tempFiles({ "good.yaml": pod("p", "shop") });
        execFileSync("mkfifo", [path.join(dir, "x.yaml")]);
        fs.symlinkSync(path.join(dir, "missing.yaml"), path.join(dir, "dangling.yaml"));
        fs.symlinkSync(path.join(dir, "loop.yaml"), path.join(dir, "loop.yaml"));
        fs.symlinkSync(dir, path.join(dir, "again"));
        // A sparse 200 MB file: refused by its size on stat, never read.
        fs.closeSync(fs.openSync(path.join(dir, "huge.yaml"), "w"));
        fs.truncateSync(path.join(dir, "huge.yaml"), 200 * 1024 * 1024);
        const started = Date.now();
        const read = readInputs([dir, "/dev/null", "/no/such/path"]);
        assert.ok(Date.now() - started < 2000, "nothing blocks or reads 200 MB");
        assert.deepStrictEqual(read.stacks.map((s) => path.basename(s.source)), ["good.yaml"]);
        assert.deepStrictEqual(
            read.warnings.map((w) => `${path.basename(w.file)}: ${w.reason}`).sort(),
            [
                "again: skipped: directory already scanned (a symbolic link loop or a repeated path)",
                "dangling.yaml: skipped: dangling symbolic link to " + path.join(dir, "missing.yaml"),
                "huge.yaml: skipped: 200.0 MiB, over the 32.0 MiB input limit (raise it with --max-file-size MiB)",
                "loop.yaml: skipped: symbolic link loop",
                "null: skipped: a device, not a regular file",
                "path: skipped: no such file or directory",
                "x.yaml: skipped: a FIFO, not a regular file",
            ],
        );
    });

    it("bounds YAML aliases and nesting with clear warnings; ordinary aliases still work (issue 15 item 6)", () => {
        const ordinary = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\ndata:\n  base: &x v\n${Array.from({ length: 150 }, (_, i) => `  k${i}: *x`).join("\n")}\n`;
        const laughs = ["a: &a [x, x, x, x, x, x, x, x, x]"];
        for (let i = 1; i < 10; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
        // A List nested 20,000 deep, written as text: JSON.stringify itself cannot go that deep.
        const deepList = `${'{"apiVersion": "v1", "kind": "List", "items": ['.repeat(20000)}${"]}".repeat(20000)}`;
        const dir = tempFiles({
            "ordinary.yaml": ordinary,
            "bomb.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n${laughs.join("\n")}\n`,
            "deep.yaml": `${"[".repeat(20000)}${"]".repeat(20000)}\n`,
            "deep.json": deepList,
        });
        const read = readInputs([dir]);
        assert.deepStrictEqual(read.stacks.map((s) => path.basename(s.source)), ["ordinary.yaml"]);
        assert.strictEqual(Object.keys((read.stacks[0].inputs[0].props as { data: object }).data).length, 151);
        assert.deepStrictEqual(warningsOf([dir]), [
            "bomb.yaml:1: document 1 skipped: it uses YAML aliases that expand too far (alias limit 10000)",
            "deep.json: skipped: the file is nested more than 200 levels deep",
            "deep.yaml:1: document 1 skipped: it is nested too deeply to parse (limit 200 levels)",
        ]);
    });

    it("refuses input over a configured size limit", () => {
        const dir = tempFiles({ "a.yaml": pod("p", "shop") });
        assert.match(warningsOf([dir], { limits: { maxFileBytes: 10 } })[0], /^a\.yaml: skipped: \d+ bytes, over the 10 bytes input limit/);
    });

    it("reads large inputs in linear time and locates every object in one pass", function () {
        this.timeout(60_000);
        const pods = Array.from({ length: 20_000 }, (_, i) => ({ apiVersion: "v1", kind: "Pod", metadata: { name: `p${i}`, namespace: "shop" }, spec: { containers: [{ name: "a", image: "nginx:1" }] } }));
        const text = JSON.stringify(pods, null, 1);
        const dir = tempFiles({ "pods.json": text });
        const started = Date.now();
        const [stack] = readStacks([dir]);
        const elapsed = Date.now() - started;
        assert.strictEqual(stack.inputs.length, 20_000);
        assert.strictEqual(stack.inputs[19_999].location?.line, text.split("\n").findIndex((l) => l.includes('"p19999"')) - 3);
        // Linear work takes well under a second alone; the bound leaves room for a loaded machine, not for a quadratic.
        assert.ok(elapsed < 30_000, `${elapsed} ms for ${text.length} bytes`);
    });

    it("maps JSON pointers to lines, falling back to the deepest existing ancestor", () => {
        const text = '{\n  "a": [\n    {"b": 1},\n    {"c": {"d": true}}\n  ]\n}\n';
        assert.deepStrictEqual(jsonPositions(text).positionsOf(["/a/1/c/d", "/a/0/missing", "", "/zzz"]), [
            { line: 4, column: 12 },
            { line: 3, column: 5 },
            { line: 1, column: 1 },
            { line: 1, column: 1 },
        ]);
    });

    it("readStacks, for inputs that must be good, throws the first warning", () => {
        assert.throws(() => readStacks([tempFiles({ "bad.yaml": "a: [" })]), (e: Error) => e instanceof InputError && /bad\.yaml:1: document 1 skipped: it is not valid YAML/.test(e.message));
    });
});
