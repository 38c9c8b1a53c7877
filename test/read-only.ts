// Props behind a proxy that fails on any write, at any depth. The pack shares one deserialised props
// object among all policies of a request (policies/core/deserialize-once), so no policy may write to it.

const views = new WeakMap<object, object>();

function refuse(what: string, key: PropertyKey): never {
    throw new TypeError(`a policy tried to ${what} ${String(key)} on props that every policy shares`);
}

const trap: ProxyHandler<object> = {
    get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        return typeof value === "object" && value !== null ? readOnly(value) : value;
    },
    set: (_target, key) => refuse("set", key),
    defineProperty: (_target, key) => refuse("define", key),
    deleteProperty: (_target, key) => refuse("delete", key),
    setPrototypeOf: () => refuse("replace the prototype of", "an object"),
    preventExtensions: () => refuse("freeze", "an object"),
};

/** A view of `value` that throws on set, define, delete, freeze or prototype change, at any depth. */
export function readOnly<T extends object>(value: T): T {
    let view = views.get(value);
    if (!view) {
        view = new Proxy(value, trap);
        views.set(value, view);
    }
    return view as T;
}
