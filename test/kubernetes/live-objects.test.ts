// `pulumi policy analyze`, `cluster-guard scan` of a stack export and Pulumi Cloud audits hand the pack
// live Kubernetes objects, not manifests: server metadata, managedFields, status, API defaults,
// admission mutations and, for objects applied by kubectl, the last-applied-configuration annotation.
// Every Kubernetes policy must find the same fields wrong on the live object as on the manifest that
// created it (test/state-shape.test.ts compares pass or fail; this compares the fields), and no message
// may echo what the annotation holds.
import * as assert from "assert";
import * as path from "path";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { readStacks } from "../../cli/inputs";
import type { ResourceInput } from "../../engine/runner";
import { policies } from "../../policies";
import { checkedInputs, liveObject } from "../capture/providers/kubernetes";
import { packDir } from "../e2e";
import { checkResource, checkStack, hasStackPart } from "../harness";

const kubernetesPolicies = policies.filter((p) => p.tags?.includes("kubernetes"));
const isResourcePolicy = (p: unknown): p is ResourceValidationPolicy => typeof (p as ResourceValidationPolicy).validateResource !== "undefined";

/** The live object the API server stores for an example resource. */
function live(resource: ResourceInput, index: number): ResourceInput {
    const urn = `urn:pulumi:dev::app::${resource.type}::${resource.name}`;
    const registered = { type: resource.type, name: resource.name, urn, inputs: resource.props as Record<string, unknown>, custom: true };
    return { ...resource, name: resource.name || `r${index}`, urn, props: liveObject(resource.type, urn, checkedInputs(registered)) };
}

/** `<label>: <field> ...` -> `<field>`: the field a finding names, whatever the label (the live object has a namespace). */
function fieldsOf(messages: readonly string[]): string[] {
    return messages.map((m) => m.slice(m.indexOf(": ") + 2).split(" ")[0]).sort();
}

describe("Kubernetes live objects: the same findings as on the manifest", () => {
    const stacks = readStacks([path.join(packDir, "examples", "kubernetes")]);

    it("models what the API server adds", () => {
        const inputs = stacks.flatMap((s) => s.inputs);
        const deployment = inputs.find((r) => r.type === "kubernetes:apps/v1:Deployment")!;
        const obj = live(deployment, 0).props as Record<string, any>;
        assert.match(obj.metadata.uid, /^[0-9a-f-]{36}$/);
        assert.ok(obj.metadata.managedFields.length > 0 && obj.metadata.resourceVersion && obj.metadata.creationTimestamp);
        assert.ok(obj.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"].includes('"kind":"Deployment"'));
        assert.deepStrictEqual(obj.spec.strategy, { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } });
        assert.strictEqual(obj.spec.progressDeadlineSeconds, 600);
        assert.strictEqual(obj.spec.template.spec.dnsPolicy, "ClusterFirst");
        assert.strictEqual(obj.spec.template.spec.containers[0].terminationMessagePath, "/dev/termination-log");
        assert.ok(obj.status.conditions.length > 0);
        const namespace = live(inputs.find((r) => r.type === "kubernetes:core/v1:Namespace")!, 0).props as Record<string, any>;
        assert.strictEqual(namespace.metadata.labels["kubernetes.io/metadata.name"], namespace.metadata.name);
        const pod = live({ type: "kubernetes:core/v1:Pod", name: "p", props: { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { hostNetwork: true, containers: [{ name: "a", image: "a:1", ports: [{ containerPort: 9100 }] }] } } }, 0).props as Record<string, any>;
        assert.strictEqual(pod.metadata.namespace, "default");
        assert.strictEqual(pod.spec.serviceAccountName, "default");
        assert.strictEqual(pod.spec.containers[0].ports[0].hostPort, 9100);
        assert.ok(pod.spec.volumes.some((v: any) => v.projected), "the API token volume");
    });

    for (const stack of stacks) {
        const name = path.relative(packDir, stack.source);
        const states = stack.inputs.map(live);

        it(`${name}: every resource policy names the same fields`, () => {
            let compared = 0;
            for (const policy of kubernetesPolicies.filter(isResourcePolicy)) {
                stack.inputs.forEach((input, i) => {
                    const onInputs = checkResource(policy, input.type, input.props, { name: input.name, dryRun: false });
                    if (onInputs.notApplicable?.startsWith("Policy does not apply")) return;
                    const onState = checkResource(policy, states[i].type, states[i].props, { name: input.name, dryRun: false });
                    assert.deepStrictEqual(fieldsOf(onState.violations), fieldsOf(onInputs.violations), `${policy.name} on ${input.type} "${input.name}"`);
                    assert.strictEqual(onState.notApplicable === undefined, onInputs.notApplicable === undefined, `${policy.name} on ${input.name}: applicability`);
                    compared++;
                });
            }
            assert.ok(compared > 10, `${compared} comparisons`);
        });

        it(`${name}: every stack policy names the same resources and fields`, () => {
            for (const policy of kubernetesPolicies.filter(hasStackPart)) {
                const onInputs = checkStack(policy, stack.inputs.map((r, i) => ({ ...r, urn: states[i].urn })), { dryRun: false });
                const onState = checkStack(policy, states, { dryRun: false });
                const key = (r: typeof onInputs) => r.violations.map((v) => `${v.urn} ${fieldsOf([v.message])[0]}`).sort();
                assert.deepStrictEqual(key(onState), key(onInputs), policy.name);
                assert.strictEqual(onState.unknown, undefined, policy.name);
            }
        });

        it(`${name}: no message echoes the last-applied-configuration annotation`, () => {
            const messages: string[] = [];
            for (const policy of kubernetesPolicies) {
                if (isResourcePolicy(policy)) states.forEach((s) => messages.push(...checkResource(policy, s.type, s.props, { dryRun: false }).violations));
                if (hasStackPart(policy)) messages.push(...checkStack(policy, states, { dryRun: false }).violations.map((v) => v.message));
            }
            assert.ok(messages.length > 0 || /hardened/.test(name));
            for (const m of messages) {
                assert.doesNotMatch(m, /last-applied-configuration|"apiVersion":|hunter2/, m);
            }
        });
    }
});
