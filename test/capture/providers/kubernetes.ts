// pulumi-kubernetes (v4, server-side apply), as the engine sees it. Written from
// pulumi/pulumi-kubernetes provider/pkg/provider/provider.go (Check, Create, checkpointObject) and the
// Kubernetes API defaulting (k8s.io/kubernetes pkg/apis/{core,apps,batch,networking,rbac}/v1/defaults.go,
// the ServiceAccount and DefaultTolerationSeconds admission plugins, the Job and Namespace strategies).
//
// - Check names an object that has no `metadata.name`: `<resource name>-<8 hex>` plus the annotation
//   `pulumi.com/autonamed: "true"`. The name is known in a preview.
// - In a preview, Create returns the checked inputs (unknowns kept) when they hold unknowns, when the
//   object's namespace does not exist yet, or when the cluster cannot be reached; otherwise a server-side
//   dry run, which is the live object below without `status`. The model returns the checked inputs.
// - At `pulumi up`, Create returns the live object: API defaults, server metadata (uid, resourceVersion,
//   generation, creationTimestamp, managedFields), the namespace the object landed in, admission
//   mutations and `status`. The model also carries the `kubectl.kubernetes.io/last-applied-configuration`
//   annotation, which objects applied by kubectl (and by pulumi-kubernetes before v4) hold: the whole
//   object as JSON, env literals included. Policies must neither judge nor echo it.
// - When the Kubernetes provider's own configuration is unknown in a preview (its kubeconfig comes from a
//   cluster created in the same stack), the engine does not call it: Check returns the inputs as they
//   are and Create returns nothing, so every output is unknown (AnalyzeStack gets an empty object).
import { clusterScopedKinds } from "../../../policies/core/kubernetes-objects";
import { fakeId, type ProviderAnswer, type ProviderModel, type RegisteredResource } from "../model";

type Obj = Record<string, unknown>;
const sentinels = new Set(["1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", "3eeb2bf0-c639-47a8-9e75-3b44932eb421", "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", "dd056dcd-154b-4c76-9bd3-c8f88648b5ff"]);
const secretSig = "1b47061264138c4ac30d75fd1eb44270";
const sigKey = "4dabf18193072939515e22adb298388d";

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isSecret = (v: unknown): boolean => isObj(v) && v[sigKey] === secretSig;
const objOf = (v: unknown): Obj | undefined => (isObj(v) && !isSecret(v) ? v : undefined);
const listOf = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);

/** True when a value holds an unknown anywhere (the provider then returns the inputs as they are). */
function hasUnknown(value: unknown): boolean {
    if (typeof value === "string") return sentinels.has(value);
    if (Array.isArray(value)) return value.some(hasUnknown);
    if (isObj(value)) return Object.values(value).some(hasUnknown);
    return false;
}

/** A plain deep copy (secrets stay wrapped). */
function copy<T>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
}

/** Sets `obj[key]` when absent (or null), returning the value there. */
function setDefault<T>(obj: Obj, key: string, value: T): T {
    if (obj[key] === undefined || obj[key] === null) obj[key] = value;
    return obj[key] as T;
}

/** The kind of a `kubernetes:<group>/<version>:<Kind>[Patch]` token. */
function kindOf(type: string): string {
    const kind = type.slice(type.lastIndexOf(":") + 1);
    return kind.endsWith("Patch") ? kind.slice(0, -"Patch".length) : kind;
}

/** A stable fake UUID for an object. */
function uid(urn: string): string {
    const h = fakeId("", urn) + fakeId("", `${urn}#uid`) + fakeId("", `${urn}#uid2`) + fakeId("", `${urn}#uid3`);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** What Check adds: the autoname of an object without `metadata.name`. */
export function checkedInputs(resource: RegisteredResource): Obj {
    const inputs = copy(resource.inputs);
    const metadata = objOf(inputs.metadata) ?? (inputs.metadata === undefined ? (inputs.metadata = {}) as Obj : undefined);
    if (metadata && metadata.name === undefined && metadata.generateName === undefined) {
        metadata.name = `${resource.name}-${fakeId("", resource.urn)}`;
        const annotations = objOf(metadata.annotations) ?? (metadata.annotations = {}) as Obj;
        annotations["pulumi.com/autonamed"] = "true";
    }
    return inputs;
}

// ---- API defaults per object -------------------------------------------------------------------

/** The tag Kubernetes reads from an image reference (parsers.ParseImageName): "latest" when none and no digest. */
function imageTag(image: unknown): string | undefined {
    if (typeof image !== "string") return undefined;
    const withoutDigest = image.split("@")[0];
    const lastSlash = withoutDigest.lastIndexOf("/");
    const colon = withoutDigest.lastIndexOf(":");
    if (colon > lastSlash) return withoutDigest.slice(colon + 1);
    return image.includes("@") ? undefined : "latest";
}

function defaultProbe(probe: unknown): void {
    const p = objOf(probe);
    if (!p) return;
    setDefault(p, "timeoutSeconds", 1);
    setDefault(p, "periodSeconds", 10);
    setDefault(p, "successThreshold", 1);
    setDefault(p, "failureThreshold", 3);
    const httpGet = objOf(p.httpGet);
    if (httpGet) {
        setDefault(httpGet, "path", "/");
        setDefault(httpGet, "scheme", "HTTP");
    }
}

/** SetDefaults_Container, and the defaults of what a container holds. */
function defaultContainer(container: Obj): void {
    if (typeof container.image === "string" && container.imagePullPolicy === undefined) {
        container.imagePullPolicy = imageTag(container.image) === "latest" ? "Always" : "IfNotPresent";
    }
    setDefault(container, "terminationMessagePath", "/dev/termination-log");
    setDefault(container, "terminationMessagePolicy", "File");
    setDefault(container, "resources", {});
    for (const port of listOf(container.ports) ?? []) if (objOf(port)) setDefault(port as Obj, "protocol", "TCP");
    for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) defaultProbe(container[probe]);
    for (const env of listOf(container.env) ?? []) {
        const fieldRef = objOf(objOf(objOf(env)?.valueFrom)?.fieldRef);
        if (fieldRef) setDefault(fieldRef, "apiVersion", "v1");
    }
}

/** SetDefaults_PodSpec and the defaults of its containers and volumes (every object with a pod template). */
function defaultPodSpec(spec: Obj, kind: string): void {
    setDefault(spec, "dnsPolicy", "ClusterFirst");
    if (kind !== "Job" && kind !== "CronJob") setDefault(spec, "restartPolicy", "Always");
    setDefault(spec, "securityContext", {});
    setDefault(spec, "terminationGracePeriodSeconds", 30);
    setDefault(spec, "schedulerName", "default-scheduler");
    // The deprecated alias is filled from serviceAccountName when the object is read back.
    if (typeof spec.serviceAccountName === "string") setDefault(spec, "serviceAccount", spec.serviceAccountName);
    for (const list of ["containers", "initContainers", "ephemeralContainers"]) {
        for (const c of listOf(spec[list]) ?? []) if (objOf(c)) defaultContainer(c as Obj);
    }
    for (const volume of listOf(spec.volumes) ?? []) {
        const v = objOf(volume);
        if (!v) continue;
        if (Object.keys(v).every((k) => k === "name")) v.emptyDir = {};
        for (const source of ["configMap", "secret", "downwardAPI", "projected"]) {
            const s = objOf(v[source]);
            if (s) setDefault(s, "defaultMode", 420);
        }
        const hostPath = objOf(v.hostPath);
        if (hostPath) setDefault(hostPath, "type", "");
    }
}

/** What only a Pod gets: SetDefaults_Pod, and the ServiceAccount and toleration admission plugins. */
function defaultPod(pod: Obj, urn: string): void {
    const spec = objOf(pod.spec);
    if (!spec) return;
    setDefault(spec, "enableServiceLinks", true);
    setDefault(spec, "priority", 0);
    setDefault(spec, "preemptionPolicy", "PreemptLowerPriority");
    const account = setDefault(spec, "serviceAccountName", "default");
    setDefault(spec, "serviceAccount", account);
    spec.nodeName = "node-1";
    const tolerations = listOf(spec.tolerations) ?? (spec.tolerations = []) as unknown[];
    for (const key of ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]) {
        tolerations.push({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 });
    }
    for (const list of ["containers", "initContainers"]) {
        for (const c of listOf(spec[list]) ?? []) {
            const container = objOf(c);
            if (!container) continue;
            // Limits without requests: requests default to the limits.
            const resources = objOf(container.resources);
            const limits = objOf(resources?.limits);
            if (resources && limits) Object.assign(setDefault(resources, "requests", {} as Obj), { ...limits, ...objOf(resources.requests) });
            // With host networking every container port is also a host port.
            if (spec.hostNetwork === true) {
                for (const port of listOf(container.ports) ?? []) {
                    const p = objOf(port);
                    if (p && (p.hostPort === undefined || p.hostPort === 0)) p.hostPort = p.containerPort;
                }
            }
        }
    }
    // The ServiceAccount admission plugin mounts the API token unless the pod opts out.
    if (spec.automountServiceAccountToken !== false) {
        const volumeName = `kube-api-access-${fakeId("", urn).slice(0, 5)}`;
        (listOf(spec.volumes) ?? (spec.volumes = []) as unknown[]).push({
            name: volumeName,
            projected: {
                defaultMode: 420,
                sources: [
                    { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
                    { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
                    { downwardAPI: { items: [{ path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } }] } },
                ],
            },
        });
        for (const list of ["containers", "initContainers"]) {
            for (const c of listOf(spec[list]) ?? []) {
                const container = objOf(c);
                if (!container) continue;
                (listOf(container.volumeMounts) ?? (container.volumeMounts = []) as unknown[]).push({
                    name: volumeName,
                    mountPath: "/var/run/secrets/kubernetes.io/serviceaccount",
                    readOnly: true,
                });
            }
        }
    }
    pod.status = {
        phase: "Running",
        hostIP: "10.0.1.17",
        podIP: "10.244.1.23",
        podIPs: [{ ip: "10.244.1.23" }],
        qosClass: "Burstable",
        startTime: "2026-11-30T10:00:00Z",
        conditions: [{ type: "Ready", status: "True", lastTransitionTime: "2026-11-30T10:00:05Z" }],
    };
}

/** Where each workload kind keeps its pod template. */
const templatePaths: Record<string, readonly string[]> = {
    PodTemplate: ["template"],
    ReplicationController: ["spec", "template"],
    Deployment: ["spec", "template"],
    StatefulSet: ["spec", "template"],
    DaemonSet: ["spec", "template"],
    ReplicaSet: ["spec", "template"],
    Job: ["spec", "template"],
    CronJob: ["spec", "jobTemplate", "spec", "template"],
};

function at(obj: Obj, path: readonly string[]): Obj | undefined {
    let current: Obj | undefined = obj;
    for (const key of path) current = objOf(current?.[key]);
    return current;
}

const rolling = (maxUnavailable: unknown, maxSurge: unknown) => ({ type: "RollingUpdate", rollingUpdate: { maxUnavailable, maxSurge } });

/** The defaults of each kind's own spec (apps/v1, batch/v1, core/v1, networking/v1, rbac/v1 defaults.go). */
function defaultKind(kind: string, obj: Obj, urn: string): void {
    const spec = objOf(obj.spec);
    switch (kind) {
        case "Deployment":
            if (!spec) return;
            setDefault(spec, "replicas", 1);
            setDefault(spec, "strategy", rolling("25%", "25%"));
            setDefault(spec, "revisionHistoryLimit", 10);
            setDefault(spec, "progressDeadlineSeconds", 600);
            obj.status = { observedGeneration: 1, replicas: spec.replicas, readyReplicas: spec.replicas, availableReplicas: spec.replicas, updatedReplicas: spec.replicas, conditions: [{ type: "Available", status: "True", reason: "MinimumReplicasAvailable" }, { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable" }] };
            return;
        case "StatefulSet":
            if (!spec) return;
            setDefault(spec, "replicas", 1);
            setDefault(spec, "podManagementPolicy", "OrderedReady");
            setDefault(spec, "updateStrategy", { type: "RollingUpdate", rollingUpdate: { partition: 0 } });
            setDefault(spec, "revisionHistoryLimit", 10);
            setDefault(spec, "persistentVolumeClaimRetentionPolicy", { whenDeleted: "Retain", whenScaled: "Retain" });
            obj.status = { observedGeneration: 1, replicas: spec.replicas, readyReplicas: spec.replicas, currentRevision: `${urn.length}`, updateRevision: `${urn.length}` };
            return;
        case "DaemonSet":
            if (!spec) return;
            setDefault(spec, "updateStrategy", rolling(1, 0));
            setDefault(spec, "revisionHistoryLimit", 10);
            obj.status = { observedGeneration: 1, currentNumberScheduled: 3, desiredNumberScheduled: 3, numberReady: 3, numberMisscheduled: 0 };
            return;
        case "ReplicaSet":
        case "ReplicationController":
            if (spec) setDefault(spec, "replicas", 1);
            obj.status = { observedGeneration: 1, replicas: spec?.replicas ?? 1, readyReplicas: spec?.replicas ?? 1 };
            return;
        case "Job":
            if (spec) defaultJob(spec, obj, urn);
            obj.status = { active: 1, startTime: "2026-11-30T10:00:00Z" };
            return;
        case "CronJob": {
            if (!spec) return;
            setDefault(spec, "concurrencyPolicy", "Allow");
            setDefault(spec, "suspend", false);
            setDefault(spec, "successfulJobsHistoryLimit", 3);
            setDefault(spec, "failedJobsHistoryLimit", 1);
            const jobSpec = at(spec, ["jobTemplate", "spec"]);
            if (jobSpec) {
                setDefault(jobSpec, "backoffLimit", 6);
                setDefault(jobSpec, "completionMode", "NonIndexed");
                setDefault(jobSpec, "suspend", false);
            }
            obj.status = {};
            return;
        }
        case "Service":
            if (spec) defaultService(spec, obj, urn);
            return;
        case "Namespace": {
            const metadata = objOf(obj.metadata);
            if (metadata && typeof metadata.name === "string") {
                (objOf(metadata.labels) ?? (metadata.labels = {}) as Obj)["kubernetes.io/metadata.name"] = metadata.name;
            }
            obj.spec = { finalizers: ["kubernetes"], ...objOf(obj.spec) };
            obj.status = { phase: "Active" };
            return;
        }
        case "NetworkPolicy": {
            if (!spec) return;
            if (!listOf(spec.policyTypes)?.length) spec.policyTypes = ["Ingress", ...(listOf(spec.egress)?.length ? ["Egress"] : [])];
            for (const direction of ["ingress", "egress"]) {
                for (const rule of listOf(spec[direction]) ?? []) {
                    for (const port of listOf(objOf(rule)?.ports) ?? []) if (objOf(port)) setDefault(port as Obj, "protocol", "TCP");
                }
            }
            return;
        }
        case "Ingress":
            obj.status = { loadBalancer: { ingress: [{ ip: "203.0.113.40" }] } };
            return;
        case "Secret":
            defaultSecret(obj);
            return;
        case "ConfigMap":
            setDefault(obj, "data", {});
            return;
        case "RoleBinding":
        case "ClusterRoleBinding": {
            const ref = objOf(obj.roleRef);
            if (ref) setDefault(ref, "apiGroup", "rbac.authorization.k8s.io");
            for (const subject of listOf(obj.subjects) ?? []) {
                const s = objOf(subject);
                if (s && s.apiGroup === undefined) s.apiGroup = s.kind === "ServiceAccount" ? "" : "rbac.authorization.k8s.io";
            }
            return;
        }
        case "ClusterRole":
            // The aggregation controller writes the rules of the roles an aggregated ClusterRole selects.
            if (objOf(obj.aggregationRule)) obj.rules = aggregatedRules(objOf(obj.aggregationRule)!);
            return;
        case "LimitRange":
            for (const item of listOf(spec?.limits) ?? []) defaultLimitRangeItem(objOf(item));
            return;
        case "ResourceQuota":
            obj.status = { hard: objOf(spec?.hard) ?? {}, used: Object.fromEntries(Object.keys(objOf(spec?.hard) ?? {}).map((k) => [k, "0"])) };
            return;
    }
}

function defaultJob(spec: Obj, obj: Obj, urn: string): void {
    if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
    setDefault(spec, "parallelism", 1);
    setDefault(spec, "backoffLimit", 6);
    setDefault(spec, "completionMode", "NonIndexed");
    setDefault(spec, "suspend", false);
    setDefault(spec, "podReplacementPolicy", "TerminatingOrFailed");
    // The Job strategy selects the pods by the Job's uid and labels the template with it.
    const controllerUid = uid(urn);
    const name = objOf(obj.metadata)?.name;
    const jobLabels = { "batch.kubernetes.io/controller-uid": controllerUid, "batch.kubernetes.io/job-name": name, "controller-uid": controllerUid, "job-name": name };
    const template = objOf(spec.template);
    if (template) {
        const metadata = objOf(template.metadata) ?? (template.metadata = {}) as Obj;
        metadata.labels = { ...objOf(metadata.labels), ...jobLabels };
    }
    setDefault(spec, "selector", { matchLabels: { "batch.kubernetes.io/controller-uid": controllerUid } });
    setDefault(spec, "manualSelector", false);
}

function defaultService(spec: Obj, obj: Obj, urn: string): void {
    const type = setDefault<unknown>(spec, "type", "ClusterIP");
    setDefault(spec, "sessionAffinity", "None");
    const clusterIP = `10.96.${fakeId("", urn).charCodeAt(0) % 250}.${fakeId("", urn).charCodeAt(1) % 250}`;
    if (type !== "ExternalName") {
        setDefault(spec, "clusterIP", clusterIP);
        setDefault(spec, "clusterIPs", [spec.clusterIP]);
        setDefault(spec, "ipFamilies", ["IPv4"]);
        setDefault(spec, "ipFamilyPolicy", "SingleStack");
        setDefault(spec, "internalTrafficPolicy", "Cluster");
    }
    (listOf(spec.ports) ?? []).forEach((port, i) => {
        const p = objOf(port);
        if (!p) return;
        setDefault(p, "protocol", "TCP");
        setDefault(p, "targetPort", p.port);
        if (type === "NodePort" || type === "LoadBalancer") setDefault(p, "nodePort", 30000 + ((fakeId("", urn).charCodeAt(2) * 7 + i) % 2767));
    });
    if (type === "NodePort" || type === "LoadBalancer") setDefault(spec, "externalTrafficPolicy", "Cluster");
    if (type === "LoadBalancer") setDefault(spec, "allocateLoadBalancerNodePorts", true);
    obj.status = { loadBalancer: type === "LoadBalancer" ? { ingress: [{ ip: "203.0.113.41", ipMode: "VIP" }] } : {} };
}

function defaultSecret(obj: Obj): void {
    setDefault(obj, "type", "Opaque");
    const stringData = objOf(obj.stringData);
    if (stringData) {
        const data = objOf(obj.data) ?? (obj.data = {}) as Obj;
        for (const [key, value] of Object.entries(stringData)) data[key] = typeof value === "string" ? Buffer.from(value).toString("base64") : value;
        delete obj.stringData;
    }
    if (obj.type === "kubernetes.io/service-account-token") {
        // The token controller fills in a token that never expires.
        obj.data = { ...objOf(obj.data), token: Buffer.from("eyJhbGciOiJSUzI1NiJ9.fake.token").toString("base64"), "ca.crt": "LS0tLS1CRUdJTg==", namespace: Buffer.from(String(objOf(obj.metadata)?.namespace ?? "default")).toString("base64") };
        const annotations = objOf(objOf(obj.metadata)?.annotations);
        if (annotations) annotations["kubernetes.io/service-account.uid"] = "0b1c2d3e-0000-4000-8000-000000000001";
    }
}

function defaultLimitRangeItem(item: Obj | undefined): void {
    if (!item || item.type !== "Container") return;
    const defaults = setDefault(item, "default", {} as Obj);
    const requests = setDefault(item, "defaultRequest", {} as Obj);
    for (const [key, value] of Object.entries(objOf(item.max) ?? {})) if (defaults[key] === undefined) defaults[key] = value;
    for (const [key, value] of Object.entries(defaults)) if (requests[key] === undefined) requests[key] = value;
    for (const [key, value] of Object.entries(objOf(item.min) ?? {})) if (requests[key] === undefined) requests[key] = value;
}

/** The rules the aggregation controller writes: an empty selector aggregates cluster-admin's "*". */
function aggregatedRules(aggregationRule: Obj): unknown[] {
    const selectors = listOf(aggregationRule.clusterRoleSelectors) ?? [];
    const selectsEverything = selectors.some((s) => isObj(s) && Object.keys(s).length === 0);
    return selectsEverything ? [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, { nonResourceURLs: ["*"], verbs: ["*"] }] : [];
}

// ---- the live object ----------------------------------------------------------------------------

/** The object as the API server stores it after an apply of `checked`. */
export function liveObject(type: string, urn: string, checked: Obj): Obj {
    const kind = kindOf(type);
    const applied = copy(checked);
    const obj = copy(checked);
    const metadata = objOf(obj.metadata) ?? (obj.metadata = {}) as Obj;
    if (!clusterScopedKinds.has(kind) && (metadata.namespace === undefined || metadata.namespace === "")) metadata.namespace = "default";
    metadata.uid = uid(urn);
    metadata.resourceVersion = String(100000 + (fakeId("", urn).charCodeAt(3) % 9000));
    metadata.creationTimestamp = "2026-11-30T10:00:00Z";
    if (kind in templatePaths || ["Pod", "Service", "NetworkPolicy", "Ingress"].includes(kind)) metadata.generation = 1;
    metadata.managedFields = [{
        manager: "pulumi-kubernetes-0a1b2c3d",
        operation: "Apply",
        apiVersion: typeof obj.apiVersion === "string" ? obj.apiVersion : "v1",
        time: "2026-11-30T10:00:00Z",
        fieldsType: "FieldsV1",
        fieldsV1: { "f:metadata": { "f:name": {} }, ...(isObj(applied.spec) ? { "f:spec": {} } : {}) },
    }];
    const annotations = objOf(metadata.annotations) ?? (metadata.annotations = {}) as Obj;
    annotations["kubectl.kubernetes.io/last-applied-configuration"] = `${JSON.stringify(applied)}\n`;
    const template = templatePaths[kind] ? at(obj, templatePaths[kind]) : undefined;
    const podSpec = kind === "Pod" ? objOf(obj.spec) : objOf(template?.spec);
    if (podSpec) defaultPodSpec(podSpec, kind);
    if (template && !objOf(template.metadata)) template.metadata = {};
    if (kind === "Pod") defaultPod(obj, urn);
    defaultKind(kind, obj, urn);
    return obj;
}

/** The answer of a provider whose configuration is unknown in a preview: the engine returns no outputs. */
function unconfiguredPreview(): ProviderAnswer {
    return { outputs: {} };
}

export const kubernetesModel: ProviderModel = {
    package: "kubernetes",
    answer: (resource, mode) => {
        if (mode === "preview" && resource.providerConfigUnknown) return unconfiguredPreview();
        const checked = checkedInputs(resource);
        const metadata = objOf(checked.metadata);
        const namespace = typeof metadata?.namespace === "string" ? `${metadata.namespace}/` : "";
        const id = `${namespace}${typeof metadata?.name === "string" ? metadata.name : resource.name}`;
        if (mode === "preview") return { outputs: checked };
        if (hasUnknown(checked)) throw new Error(`${resource.urn}: an input is still unknown at pulumi up`);
        const live = liveObject(resource.type, resource.urn, checked);
        const liveMetadata = objOf(live.metadata);
        const liveId = `${clusterScopedKinds.has(kindOf(resource.type)) ? "" : `${String(liveMetadata?.namespace)}/`}${String(liveMetadata?.name ?? id)}`;
        return { id: liveId, outputs: live };
    },
    invoke: (token, args) => {
        // yaml.ConfigFile and yaml.ConfigGroup (v1) parse their YAML through the provider.
        if (token === "kubernetes:yaml:decode") {
            // eslint-disable-next-line @typescript-eslint/no-var-requires
            const { parseAllDocuments } = require("yaml") as typeof import("yaml");
            const text = typeof args.text === "string" ? args.text : "";
            return { result: parseAllDocuments(text).map((d) => d.toJS()).filter((d) => d !== null) };
        }
        return {};
    },
};
