// Large objects cost the pack little next to the SDK's own deserialisation: kinds no policy judges are
// rejected before any deep read, and a policy walks a pod's containers once. Counted, not timed.
import * as assert from "assert";
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { policies } from "../policies";
import { podSpecOf } from "../policies/core";
import { copyForRemediation } from "../policies/core/remediation";
import { checkResource } from "./harness";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as { unknownCheckingProxy<T>(value: T): T };
import { largeCrd, widePod } from "../scripts/bench/inputs";

/** Plain data behind a proxy that counts every property read, at any depth. */
function counted<T extends object>(value: T): { props: T; reads: () => number; indexReads: (array: unknown[]) => number } {
    let reads = 0;
    const perArray = new Map<unknown, number>();
    const proxies = new WeakMap<object, object>();
    const wrap = (target: object): object => {
        let proxy = proxies.get(target);
        if (!proxy) {
            proxy = new Proxy(target, {
                get(obj, key, receiver) {
                    reads++;
                    if (Array.isArray(obj) && typeof key === "string" && /^\d+$/.test(key)) perArray.set(obj, (perArray.get(obj) ?? 0) + 1);
                    const v = Reflect.get(obj, key, receiver);
                    return typeof v === "object" && v !== null ? wrap(v) : v;
                },
            });
            proxies.set(target, proxy);
        }
        return proxy;
    };
    return { props: wrap(value) as T, reads: () => reads, indexReads: (array) => perArray.get(array) ?? 0 };
}

function run(policy: ResourceValidationPolicy, type: string, props: object): void {
    const args = {
        type,
        name: "large",
        urn: `urn:pulumi:test::test::${type}::large`,
        props,
        opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
        stackTags: new Map(),
        isType: () => false,
        asType: () => undefined,
        getConfig: () => ({}),
        notApplicable: (reason?: string): never => {
            throw Object.assign(new Error(reason), { notApplicable: true });
        },
    } as unknown as ResourceValidationArgs;
    const validations = [policy.validateResource!].flat();
    try {
        for (const v of validations) v(args, () => undefined);
    } catch (e) {
        if (!(e as { notApplicable?: boolean }).notApplicable) throw e;
    }
}

const resourcePolicies = policies.filter((p): p is typeof p & ResourceValidationPolicy => "validateResource" in p);

describe("large inputs", () => {
    it("a 346 KB CRD, which no policy judges, is rejected before any deep read", () => {
        const crd = largeCrd(346 * 1024);
        for (const policy of resourcePolicies) {
            const { props, reads } = counted(crd.props);
            run(policy, crd.type, props);
            // At most apiVersion, kind and the metadata an exemption or a label needs.
            assert.ok(reads() <= 12, `${policy.name} read ${reads()} properties of a CRD`);
        }
    });

    it("a pod of 2,000 containers is walked once per policy, in time linear in its size", () => {
        const pod = widePod(2000);
        const containers = (pod.props as { spec: { containers: unknown[] } }).spec.containers;
        // As in the engine: every policy of the request reads the same deserialised data, each through its
        // own unknown-checking proxy. Learning that nothing in the pod spec is unknown is one walk per
        // request (made here, as the first policy would), after which policies read the plain data.
        const { props, indexReads, reads } = counted(pod.props);
        assert.ok(podSpecOf(pod.type, unknownCheckingProxy(props)));
        assert.strictEqual(indexReads(containers), containers.length, "one walk per request");
        for (const policy of resourcePolicies) {
            const [indexBefore, readsBefore] = [indexReads(containers), reads()];
            run(policy, pod.type, unknownCheckingProxy(props));
            const walks = (indexReads(containers) - indexBefore) / containers.length;
            assert.ok(walks <= 1, `${policy.name} read the containers ${walks} times`);
            assert.ok(reads() - readsBefore <= 40 * containers.length, `${policy.name} made ${reads() - readsBefore} reads`);
        }
    });

    it("shows a name of megabytes cut in every finding, instead of copying it into each message", () => {
        // The object's name, and its container's: every pod finding names both.
        const name = "web" + "x".repeat(1_000_000);
        const container = "app" + "y".repeat(1_000_000);
        const deployment = {
            apiVersion: "apps/v1",
            kind: "Deployment",
            metadata: { name, namespace: "shop" },
            spec: { selector: {}, template: { metadata: { labels: { app: "web" } }, spec: { hostNetwork: true, containers: [{ name: container, image: "nginx", securityContext: { privileged: true } }] } } },
        };
        let findings = 0;
        for (const policy of resourcePolicies) {
            for (const message of checkResource(policy, "kubernetes:apps/v1:Deployment", deployment).violations) {
                findings++;
                assert.ok(message.length < 2_000, `${policy.name}: ${message.length} characters`);
                assert.ok(message.includes(`"shop/web${"x".repeat(250)}... (1000003 characters)"`), `${policy.name}: ${message.slice(0, 300)}`);
            }
        }
        assert.ok(findings >= 5, `${findings} findings`);
    });

    it("copies props for remediation without recursing without bound, and keeps __proto__ as data", () => {
        let deep: Record<string, unknown> = { leaf: true };
        for (let i = 0; i < 100_000; i++) deep = { next: deep, list: [i] };
        // Deeper than any Kubernetes object: remediation leaves such props alone rather than overflow the stack.
        assert.strictEqual(copyForRemediation(deep), undefined);
        let shallow: Record<string, unknown> = { leaf: true };
        for (let i = 0; i < 50; i++) shallow = { next: shallow, list: [i] };
        assert.deepStrictEqual((copyForRemediation(shallow)!.next as Record<string, unknown>).list, [48]);
        const poisoned = copyForRemediation(JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>)!;
        assert.strictEqual(Object.getPrototypeOf(poisoned), Object.prototype);
        assert.deepStrictEqual(Object.keys(poisoned), ["__proto__"]);
    });
});
