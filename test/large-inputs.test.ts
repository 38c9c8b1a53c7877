// Large objects cost the pack little next to the SDK's own deserialisation: kinds no policy judges are
// rejected before any deep read, and a policy walks a pod's containers once. Counted, not timed.
import * as assert from "assert";
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { policies } from "../policies";
import { copyForRemediation } from "../policies/core/remediation";
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
        for (const policy of resourcePolicies) {
            const { props, indexReads, reads } = counted(pod.props);
            run(policy, pod.type, props);
            assert.ok(indexReads(containers) <= containers.length, `${policy.name} read the containers ${indexReads(containers) / containers.length} times`);
            assert.ok(reads() <= 40 * containers.length, `${policy.name} made ${reads()} reads`);
        }
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
