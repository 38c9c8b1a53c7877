// A resource monitor for `pulumi.runtime.setMocks` that records what the engine would see: every
// registration as the SDK put it on the wire (inputs with unknowns and secrets encoded, parent,
// dependencies, property dependencies), answered by the provider models in ./providers.
import { createRequire } from "module";
import type * as ResourcePb from "@pulumi/pulumi/proto/resource_pb";
import { unknownSentinels } from "../../engine/wire";
import { type Mode, type RegisteredResource } from "./model";
import { modelFor } from "./providers";

const pulumiRequire = createRequire(require.resolve("@pulumi/pulumi/runtime/mocks"));
const { MockMonitor } = pulumiRequire("./mocks") as { MockMonitor: new (mocks: object) => MockMonitorBase };
const resourcePb = pulumiRequire("../proto/resource_pb") as typeof ResourcePb;
const settings = pulumiRequire("./settings") as { getStack(): string; getProject(): string };
const structPb = pulumiRequire("google-protobuf/google/protobuf/struct_pb") as typeof import("google-protobuf/google/protobuf/struct_pb");

interface MockMonitorBase {
    resources: Map<string, { urn: string; id: string | null; state: Record<string, unknown> }>;
    newUrn(parent: string, type: string, name: string): string;
}

type Callback<T> = (err: Error | null, response?: T) => void;

/** One registration, as the engine would pass it to Analyze (inputs) and AnalyzeStack (outputs). */
export interface CapturedResource extends RegisteredResource {
    parent?: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    /** The URN of the explicit provider the resource names (`opts.provider`); none for the default provider. */
    provider?: string;
    /** What the provider returned (for components: what the program registered as outputs). */
    outputs: Record<string, unknown>;
}

/** True when a value holds one of the engine's unknown sentinels anywhere. */
function holdsUnknown(value: unknown): boolean {
    if (typeof value === "string") return (Object.values(unknownSentinels) as string[]).includes(value);
    if (Array.isArray(value)) return value.some(holdsUnknown);
    if (typeof value === "object" && value !== null) return Object.values(value).some(holdsUnknown);
    return false;
}

export function createCaptureMonitor(mode: Mode): { monitor: object; captured: CapturedResource[] } {
    const captured: CapturedResource[] = [];
    const byUrn = new Map<string, CapturedResource>();
    const invokes = {
        call: ({ token, inputs }: { token: string; inputs: Record<string, unknown> }) => modelFor(token)?.invoke?.(token, inputs) ?? {},
        newResource: () => {
            throw new Error("programs are captured through registerResource");
        },
    };
    const monitor = Object.assign(new MockMonitor(invokes), {
        // The engine qualifies a child's type with its parent's whole type chain (pkg/resource/deploy/
        // deployment.go generateURN: parent.QualifiedType()); MockMonitor keeps only the parent's own type,
        // which loses components nested in components (eks:index:Cluster$eks:index:VpcCniAddon$...).
        newUrn(parent: string, type: string, name: string): string {
            const qualified = parent ? `${parent.split("::")[2]}$${type}` : type;
            return `urn:pulumi:${settings.getStack()}::${settings.getProject()}::${qualified}::${name}`;
        },
        registerResource(req: ResourcePb.RegisterResourceRequest, callback: Callback<ResourcePb.RegisterResourceResponse>) {
            try {
                const type = req.getType();
                const name = req.getName();
                const parent = req.getParent();
                const urn = monitor.newUrn(parent, type, name);
                const inputs = (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>;
                const propertyDependencies: Record<string, string[]> = {};
                req.getPropertydependenciesMap().forEach((deps, key) => (propertyDependencies[key] = deps.getUrnsList()));
                // A provider whose configuration holds an unknown (a kubeconfig from a cluster of the same
                // stack) is not called by the engine during a preview.
                const providerRef = req.getProvider();
                const providerUrn = providerRef ? providerRef.slice(0, providerRef.lastIndexOf("::")) : undefined;
                const providerConfigUnknown = mode === "preview" && providerUrn !== undefined && holdsUnknown(byUrn.get(providerUrn)?.inputs);
                const registered: RegisteredResource = { type, name, urn, inputs, custom: req.getCustom(), ...(providerConfigUnknown ? { providerConfigUnknown } : {}) };
                const answer = req.getCustom() ? modelFor(type)?.answer(registered, mode, { earlier: captured }) : undefined;
                if (req.getCustom() && !answer) throw new Error(`no provider model for ${type}`);
                const outputs = answer?.outputs ?? {};
                const resource: CapturedResource = {
                    ...registered,
                    ...(parent ? { parent } : {}),
                    ...(providerUrn ? { provider: providerUrn } : {}),
                    dependencies: req.getDependenciesList(),
                    propertyDependencies,
                    outputs,
                };
                captured.push(resource);
                byUrn.set(urn, resource);
                monitor.resources.set(urn, { urn, id: answer?.id ?? null, state: outputs });
                const response = new resourcePb.RegisterResourceResponse();
                response.setUrn(urn);
                response.setId(answer?.id ?? "");
                response.setObject(structPb.Struct.fromJavaScript(outputs as Parameters<typeof structPb.Struct.fromJavaScript>[0]));
                callback(null, response);
            } catch (e) {
                callback(e as Error);
            }
        },
        registerResourceOutputs(req: ResourcePb.RegisterResourceOutputsRequest, callback: Callback<object>) {
            const resource = byUrn.get(req.getUrn());
            if (resource) resource.outputs = (req.getOutputs()?.toJavaScript() ?? {}) as Record<string, unknown>;
            callback(null, {});
        },
    });
    return { monitor, captured };
}
