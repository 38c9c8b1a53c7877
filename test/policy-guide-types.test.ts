// The TypeScript fix examples compile against the provider SDKs' types, so the fields they set are real.
// Names an example takes from the surrounding program (a cluster, a key, subnet ids) are declared as any.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { policies } from "../policies";

const root = path.resolve(__dirname, "..", "..");
const programNames = ["clusterRole", "privateSubnetIds", "key", "teamRole", "nodeSecurityGroup", "vpc", "bastion", "cluster", "nodeRole", "group", "adminGroupId", "vault", "diskEncryptionSet", "workspace", "nodes", "config"];

describe("TypeScript fix examples", () => {
    it("compile against @pulumi/aws, azure-native, gcp and kubernetes", function () {
        this.timeout(300_000);
        const examples = policies.filter((p) => p.guide.fixExample?.language === "typescript");
        const source = [
            'import * as aws from "@pulumi/aws";',
            'import * as azure_native from "@pulumi/azure-native";',
            'import * as gcp from "@pulumi/gcp";',
            'import * as k8s from "@pulumi/kubernetes";',
            ...programNames.map((n) => `declare const ${n}: any;`),
            ...examples.map((p) => `// ${p.name}\n{\n${p.guide.fixExample!.code}}`),
        ].join("\n");
        const dir = fs.mkdtempSync(path.join(root, ".fix-examples-"));
        try {
            const file = path.join(dir, "examples.ts");
            fs.writeFileSync(file, source);
            const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 });
            const errors = ts.getPreEmitDiagnostics(program).map((d) => {
                const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
                return `line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
            });
            assert.deepStrictEqual(errors, []);
            assert.ok(examples.length > 70);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
