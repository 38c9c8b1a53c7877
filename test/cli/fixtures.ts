// Inputs for the CLI tests: temp directories of manifests, and the directory of issue 13's "Done when".
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export function tempDir(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-cli-"));
    for (const [name, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), content);
    }
    return dir;
}

/** A privileged Deployment: `privileged: true` is on line 14 of its document. */
export function privilegedDeployment(name: string, annotations = ""): string {
    return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop${annotations ? `\n  annotations:\n${annotations}` : ""}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
        - name: app
          image: "nginx:1.27"
          securityContext: {privileged: true}
`;
}

/**
 * Good manifests (two documents; the second object is exempt from the privileged check by annotation),
 * a broken YAML file, a Chart.yaml and a kustomization.yaml.
 */
export function mixedDirectory(): string {
    return tempDir({
        "app.yaml": `${privilegedDeployment("web")}---\n${privilegedDeployment("debug", '    exempt.clusterguard.io/k8s-no-privileged-containers: "break-glass debugging"')}`,
        "broken.yaml": "apiVersion: v1\nkind: [\n",
        "Chart.yaml": "apiVersion: v2\nname: app\nversion: 1.0.0\n",
        "kustomization.yaml": "resources: [app.yaml]\n",
    });
}

/** `helm template` output: several documents, `# Source:` comments, an empty template. */
export const helmTemplateOutput = `---
# Source: app/templates/serviceaccount.yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: app
  namespace: shop
---
# Source: app/templates/deployment.yaml
${privilegedDeployment("app")}`;
