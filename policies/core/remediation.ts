// Copies of props for remediation that keep secrets secret. In Remediate, @pulumi/policy hands a policy the
// props behind two proxies: one that throws on unknowns, and one that unwraps its `Secret`s on read and
// re-wraps a value written over a secret. A copy made by reading through them would return a secret
// input as plaintext, and the engine would then store it in the state unencrypted.
import { Secret } from "@pulumi/policy";
import { types } from "util";
import { plainTargetOf } from "./unknowns";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { secretsPreservingProxy } = require("@pulumi/policy/secret") as { secretsPreservingProxy<T>(value: T): T };

/** The data behind every layer of the SDK's proxies. */
function rawOf(value: unknown): unknown {
    let current = value;
    for (let layers = 0; layers < 4 && typeof current === "object" && current !== null && types.isProxy(current); layers++) {
        const target = plainTargetOf(current);
        if (target === current) break;
        current = target;
    }
    return current;
}

/** Thrown inside the copy for a value that cannot be copied faithfully; remediation then leaves the props alone. */
class NotCopyable extends Error {}

const maxDepth = 200;

function copyRaw(value: unknown, depth: number): unknown {
    const raw = rawOf(value);
    if (typeof raw !== "object" || raw === null) return raw;
    if (depth > maxDepth) throw new NotCopyable("nested too deep");
    if (raw instanceof Secret) return new Secret(copyRaw(raw.value, depth + 1));
    if (Array.isArray(raw)) {
        const copy: unknown[] = [];
        for (let i = 0; i < raw.length; i++) copy.push(copyRaw(raw[i], depth + 1));
        return copy;
    }
    const prototype = Object.getPrototypeOf(raw);
    // A `__proto__` key that the SDK's deserializer turned into a prototype: its keys are not the object's
    // own, and the SDK's serializer would send them as real fields. Do not remediate such props.
    if (prototype !== Object.prototype && prototype !== null) throw new NotCopyable("an object with a foreign prototype");
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(raw)) {
        // defineProperty: a key named `__proto__` stays data.
        Object.defineProperty(copy, key, { value: copyRaw((raw as Record<string, unknown>)[key], depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return copy;
}

/**
 * A deep copy of `props` to change and return from a remediation: reads see plain values, writes over a
 * secret stay secret, and the SDK serializes every secret of the input as a secret again. Undefined when
 * the props cannot be copied faithfully (see copyRaw).
 */
export function copyForRemediation(props: unknown): Record<string, unknown> | undefined {
    try {
        const copy = copyRaw(props, 0);
        if (typeof copy !== "object" || copy === null || Array.isArray(copy) || copy instanceof Secret) return undefined;
        return secretsPreservingProxy(copy as Record<string, unknown>);
    } catch (error) {
        if (error instanceof NotCopyable) return undefined;
        throw error;
    }
}
