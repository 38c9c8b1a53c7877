// What ships: compiled JS that never loads a provider SDK, installed with runtime dependencies only.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { packDir } from "./e2e";

const providerSdks = ["@pulumi/aws", "@pulumi/azure-native", "@pulumi/gcp", "@pulumi/kubernetes"];

function jsFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        return e.isDirectory() ? jsFiles(full) : e.name.endsWith(".js") ? [full] : [];
    });
}

describe("packaging", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as {
        main: string;
        dependencies: Record<string, string>;
        devDependencies: Record<string, string>;
        files: string[];
    };

    it("keeps provider SDKs out of the runtime dependencies", () => {
        for (const sdk of providerSdks) {
            assert.ok(!(sdk in manifest.dependencies), `${sdk} must be a devDependency`);
            assert.ok(sdk in manifest.devDependencies, `${sdk} is used for types`);
        }
    });

    it("ships compiled JS that requires no provider SDK", () => {
        const shipped = [path.join(packDir, manifest.main), ...["policies", "engine", "cli"].flatMap((d) => jsFiles(path.join(packDir, "bin", d)))];
        assert.ok(shipped.length > 10);
        const pattern = new RegExp(`require\\("(${providerSdks.join("|")})[/"]`);
        assert.deepStrictEqual(shipped.filter((f) => pattern.test(fs.readFileSync(f, "utf8"))).map((f) => path.relative(packDir, f)), []);
    });

    it("installs only runtime dependencies at enforcement time", () => {
        const yaml = fs.readFileSync(path.join(packDir, "PulumiPolicy.yaml"), "utf8");
        assert.match(yaml, /runtime:\s*\n\s+name: nodejs\s*\n\s+options:\s*\n\s+production: true/);
        assert.ok(manifest.files.includes("bin/policies/") && !manifest.files.some((f) => f.startsWith("bin/test")));
    });
});
