// Releases the V8 debugger that the Pulumi Node SDK turns on before it loads a policy pack.
//
// @pulumi/pulumi's run-policy-pack (source: sdk/nodejs/cmd/run-policy-pack/index.ts, `initializeHooks`;
// in 3.248.0 cmd/run-policy-pack/index.js lines 92-103) awaits
// `require("../../runtime/closure/v8Hooks").isInitializedAsync()` before it requires the pack; older
// versions import that module at the top and await the same call. That module (source:
// sdk/nodejs/runtime/closure/v8Hooks.ts, `createInspectorSessionAsync`; in 3.248.0
// runtime/closure/v8Hooks.js lines 38-47) connects an in-process inspector.Session and posts
// `Debugger.enable`, so that closure serialisation can map script ids to files. A policy pack never
// serialises closures, but while the debugger is on V8 does debugger work on every throw, and the SDK's
// not-applicable answer is a throw: about a hundred per resource here.
//
// Only a session that run-policy-pack already opened is released: the module must be loaded (it is
// internal, and may move or vanish in another SDK version), and the session is disabled and
// disconnected only once it exists. Anything unexpected leaves it as it is.
import type * as inspector from "inspector";

interface V8Hooks {
    getSessionAsync(): Promise<inspector.Session>;
}

const v8HooksModule = /[\\/]@pulumi[\\/]pulumi[\\/]runtime[\\/]closure[\\/]v8Hooks\.js$/;

/** Turns off the debugger session the SDK opened, if there is one; never throws. */
export function releaseSdkDebugger(): void {
    for (const [file, loaded] of Object.entries(require.cache)) {
        if (!v8HooksModule.test(file)) continue;
        const hooks = loaded?.exports as Partial<V8Hooks> | undefined;
        if (typeof hooks?.getSessionAsync !== "function") continue;
        hooks.getSessionAsync().then(release, () => undefined);
    }
}

function release(session: inspector.Session): void {
    try {
        session.post("Debugger.disable", () => {
            try {
                session.disconnect();
            } catch {
                // Already disconnected: nothing left to release.
            }
        });
    } catch {
        // Not connected: the debugger is not on.
    }
}
