// Most policies match several tokens, so the SDK calls them for every resource and each one declares
// itself not applicable to the other types: about a hundred times per resource. The SDK's notApplicable
// builds a new error, with a stack trace, on every call. Its reason depends only on the type, so the
// error is made once per type (without a stack) and thrown again; the SDK reads only its class and reason.

type NotApplicable = (reason?: string) => never;

/** Errors per thrower (the SDK has one; tests have their own) and per type. */
const errorsByThrower = new WeakMap<NotApplicable, Map<string, unknown>>();
/** Types are few in practice; the bound keeps an unusual stream of tokens from growing the cache. */
const maxTypesPerThrower = 1024;

/** Stops a policy for a resource of a type it does not judge. */
export function notApplicableToType(notApplicable: NotApplicable, type: string): never {
    let errors = errorsByThrower.get(notApplicable);
    if (!errors) {
        errors = new Map();
        errorsByThrower.set(notApplicable, errors);
    }
    let error = errors.get(type);
    if (error === undefined) {
        error = thrownBy(() => notApplicable(`Policy does not apply to resources of type '${type}'`));
        if (errors.size >= maxTypesPerThrower) errors.clear();
        errors.set(type, error);
    }
    throw error;
}

/** What `fn` throws, built without a stack trace. */
function thrownBy(fn: () => never): unknown {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        fn();
    } catch (e) {
        return e;
    } finally {
        Error.stackTraceLimit = limit;
    }
    throw new Error("notApplicable returned instead of throwing");
}
