// The Pod Security Standards checks, one per PSA check ID, with PSA's revisions and version boundaries
// (k8s.io/pod-security-admission/policy/check_*.go). Each revision is a pure function over a PodView.
import type { ContainerRef, Dict } from "../../core";
import { asArray, asBool, asDict, asNumber, asString, show } from "../../core";
import {
    badValue,
    CheckRegistry,
    containerSecurityContext,
    type Finding,
    inUserNamespace,
    isWindowsPod,
    type PodSecurityCheck,
    type PodView,
    quoteList,
    whereLabel,
} from "./pss";

/** The pod-level securityContext (when present) followed by every container's. */
function securityContexts(pod: PodView): { sc: Dict; path: string; c?: ContainerRef }[] {
    const all: { sc: Dict; path: string; c?: ContainerRef }[] = [];
    if (pod.securityContext) all.push({ sc: pod.securityContext, path: `${pod.path}.securityContext` });
    for (const c of pod.containers) {
        const sc = containerSecurityContext(c);
        if (sc) all.push({ sc, path: `${c.path}.securityContext`, c });
    }
    return all;
}

/** Containers with their securityContext (possibly undefined). */
function containerContexts(pod: PodView) {
    return pod.containers.map((c) => ({ c, sc: containerSecurityContext(c), path: `${c.path}.securityContext` }));
}

const windowsExempt = (check: (pod: PodView) => Finding[]) => (pod: PodView) => (isWindowsPod(pod) ? [] : check(pod));
const userNamespaceExempt = (check: (pod: PodView) => Finding[]) => (pod: PodView) => (inUserNamespace(pod) ? [] : check(pod));

// ---------------- baseline ----------------

const hostNamespaces: PodSecurityCheck = {
    id: "hostNamespaces",
    level: "baseline",
    title: "host namespaces",
    revisions: [{
        minVersion: 0,
        check: (pod) =>
            (["hostNetwork", "hostPID", "hostIPC"] as const)
                .filter((field) => asBool(pod.spec[field]) === true)
                .map((field) => ({
                    path: `${pod.path}.${field}`,
                    problem: `is true, sharing the node's ${field.slice(4)} namespace; allowed: false or absent`,
                    fix: `remove ${field} or set it to false`,
                })),
    }],
};

const privileged: PodSecurityCheck = {
    id: "privileged",
    level: "baseline",
    title: "privileged containers",
    revisions: [{
        minVersion: 0,
        check: (pod) =>
            containerContexts(pod)
                .filter(({ sc }) => asBool(sc?.privileged) === true)
                .map(({ c, path }) => ({
                    path: `${path}.privileged`,
                    problem: `is true on ${c.label}; allowed: false or absent`,
                    fix: "remove it or set it to false, and grant only the specific capability needed in securityContext.capabilities.add",
                })),
    }],
};

export const baselineCapabilities: readonly string[] = [
    "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
    "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
];

const capabilitiesBaseline: PodSecurityCheck = {
    id: "capabilities_baseline",
    level: "baseline",
    title: "non-default capabilities",
    revisions: [{
        minVersion: 0,
        check: (pod) => {
            const findings: Finding[] = [];
            for (const { c, sc, path } of containerContexts(pod)) {
                asArray(asDict(sc?.capabilities)?.add).forEach((cap, i) => {
                    if (typeof cap === "string" && baselineCapabilities.includes(cap)) return;
                    findings.push(badValue(`${path}.capabilities.add[${i}]`, cap, c, `only ${baselineCapabilities.join(", ")}`,
                        `remove ${show(cap)} from capabilities.add`));
                });
            }
            return findings;
        },
    }],
};

const hostPathVolumes: PodSecurityCheck = {
    id: "hostPathVolumes",
    level: "baseline",
    title: "hostPath volumes",
    revisions: [{
        minVersion: 0,
        check: (pod) => {
            const findings: Finding[] = [];
            asArray(pod.spec.volumes).forEach((entry, i) => {
                const volume = asDict(entry);
                if (!volume || volume.hostPath === undefined || volume.hostPath === null) return;
                findings.push({
                    path: `${pod.path}.volumes[${i}].hostPath`,
                    problem: `is set on volume ${show(asString(volume.name) ?? `#${i}`)} (path ${show(asDict(volume.hostPath)?.path)}); allowed: no hostPath volumes`,
                    fix: "use a persistentVolumeClaim, emptyDir, configMap or secret volume instead of hostPath",
                });
            });
            return findings;
        },
    }],
};

const hostPorts: PodSecurityCheck = {
    id: "hostPorts",
    level: "baseline",
    title: "host ports",
    revisions: [{
        minVersion: 0,
        check: (pod) => {
            const findings: Finding[] = [];
            for (const c of pod.containers) {
                asArray(c.container.ports).forEach((entry, i) => {
                    const hostPort = asDict(entry)?.hostPort;
                    const n = asNumber(hostPort);
                    if (hostPort === undefined || hostPort === null || n === 0) return;
                    findings.push(badValue(`${c.path}.ports[${i}].hostPort`, hostPort, c, "0 or absent",
                        "remove hostPort and expose the port through a Service"));
                });
            }
            return findings;
        },
    }],
};

const appArmorTypes = ["RuntimeDefault", "Localhost"];
const appArmorAnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/";

const appArmorProfile: PodSecurityCheck = {
    id: "appArmorProfile",
    level: "baseline",
    title: "AppArmor profile",
    // PSA has one revision (1.0) that checks both the fields and the deprecated annotations.
    revisions: [{
        minVersion: 0,
        check: (pod) => {
            const findings: Finding[] = [];
            for (const { sc, path, c } of securityContexts(pod)) {
                const profile = asDict(sc.appArmorProfile);
                if (!profile) continue;
                const type = profile.type;
                // A patch that carries appArmorProfile without its type leaves the type to the live object.
                if (type === undefined && pod.isPatch) continue;
                if (typeof type === "string" && appArmorTypes.includes(type)) continue;
                findings.push(badValue(`${path}.appArmorProfile.type`, type, c, quoteList(appArmorTypes),
                    'set appArmorProfile.type to "RuntimeDefault" (or "Localhost" with localhostProfile)'));
            }
            for (const [key, value] of Object.entries(pod.annotations ?? {})) {
                if (!key.startsWith(appArmorAnnotationPrefix)) continue;
                if (value === "" || value === "runtime/default" || (typeof value === "string" && value.startsWith("localhost/"))) continue;
                findings.push({
                    path: `${pod.annotationsPath}["${key}"]`,
                    problem: `is ${show(value)} for container ${show(key.slice(appArmorAnnotationPrefix.length))}; allowed: "runtime/default", "localhost/<profile>" or empty`,
                    fix: 'set it to "runtime/default", or better, replace the annotation with securityContext.appArmorProfile.type: "RuntimeDefault"',
                });
            }
            return findings;
        },
    }],
};

const seLinuxTypes1_0 = ["", "container_t", "container_init_t", "container_kvm_t"];
const seLinuxTypes1_31 = [...seLinuxTypes1_0, "container_engine_t"];

function seLinuxCheck(allowedTypes: readonly string[]) {
    const allowed = quoteList(allowedTypes.filter((t) => t !== "")) + " or empty";
    return (pod: PodView): Finding[] => {
        const findings: Finding[] = [];
        for (const { sc, path, c } of securityContexts(pod)) {
            const opts = asDict(sc.seLinuxOptions);
            if (!opts) continue;
            const type = opts.type;
            if (type !== undefined && type !== null && !(typeof type === "string" && allowedTypes.includes(type))) {
                findings.push(badValue(`${path}.seLinuxOptions.type`, type, c, allowed, "remove seLinuxOptions.type or use container_t"));
            }
            for (const field of ["user", "role"] as const) {
                const value = opts[field];
                if (value === undefined || value === null || value === "") continue;
                findings.push(badValue(`${path}.seLinuxOptions.${field}`, value, c, "empty or absent", `remove seLinuxOptions.${field}`));
            }
        }
        return findings;
    };
}

const seLinuxOptions: PodSecurityCheck = {
    id: "seLinuxOptions",
    level: "baseline",
    title: "SELinux options",
    revisions: [
        { minVersion: 0, check: seLinuxCheck(seLinuxTypes1_0) },
        { minVersion: 31, check: seLinuxCheck(seLinuxTypes1_31) },
    ],
};

/** Unconditional: procMount must be Default or absent on every container. */
function procMountStrict(pod: PodView): Finding[] {
    return containerContexts(pod)
        .filter(({ sc }) => sc?.procMount !== undefined && sc?.procMount !== null && sc?.procMount !== "Default")
        .map(({ c, sc, path }) => badValue(`${path}.procMount`, sc?.procMount, c, '"Default" or absent', 'remove procMount or set it to "Default"'));
}

const procMount: PodSecurityCheck = {
    id: "procMount",
    level: "baseline",
    title: "/proc mount type",
    revisions: [
        { minVersion: 0, check: procMountStrict },
        // From v1.35, any value is allowed for a pod in a user namespace (hostUsers: false).
        { minVersion: 35, check: userNamespaceExempt(procMountStrict) },
    ],
};

const seccompTypes = ["RuntimeDefault", "Localhost"];
const seccompPodAnnotation = "seccomp.security.alpha.kubernetes.io/pod";
const seccompContainerAnnotationPrefix = "container.seccomp.security.alpha.kubernetes.io/";

function validSeccompAnnotation(value: unknown): boolean {
    return value === "runtime/default" || value === "docker/default" || (typeof value === "string" && value.startsWith("localhost/"));
}

/** v1.0 - v1.18: the alpha seccomp annotations. */
function seccompAnnotations(pod: PodView): Finding[] {
    const annotations = pod.annotations ?? {};
    const keys = [seccompPodAnnotation, ...pod.containers.map((c) => seccompContainerAnnotationPrefix + c.name)];
    return [...new Set(keys)]
        .filter((key) => key in annotations && !validSeccompAnnotation(annotations[key]))
        .map((key) => ({
            path: `${pod.annotationsPath}["${key}"]`,
            problem: `is ${show(annotations[key])}; allowed: "runtime/default", "docker/default", "localhost/<profile>" or absent`,
            fix: 'set it to "runtime/default" (and on v1.19+ use securityContext.seccompProfile.type: "RuntimeDefault")',
        }));
}

/** Explicitly set seccompProfile types that are not RuntimeDefault or Localhost. */
function seccompExplicitlyBad(pod: PodView): Finding[] {
    const findings: Finding[] = [];
    for (const { sc, path, c } of securityContexts(pod)) {
        const profile = asDict(sc.seccompProfile);
        if (!profile) continue;
        const type = profile.type;
        if (type === undefined && pod.isPatch) continue;
        if (typeof type === "string" && seccompTypes.includes(type)) continue;
        findings.push(badValue(`${path}.seccompProfile.type`, type, c, quoteList(seccompTypes), 'set seccompProfile.type to "RuntimeDefault"'));
    }
    return findings;
}

const seccompProfileBaseline: PodSecurityCheck = {
    id: "seccompProfile_baseline",
    level: "baseline",
    title: "seccomp profile",
    revisions: [
        { minVersion: 0, check: seccompAnnotations },
        { minVersion: 19, check: seccompExplicitlyBad },
    ],
};

export const safeSysctls: Record<number, readonly string[]> = {
    0: ["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start"],
    27: ["net.ipv4.ip_local_reserved_ports"],
    29: ["net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"],
    32: ["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"],
    37: ["net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"],
};

function sysctlsCheck(minVersion: number) {
    const allowed = Object.entries(safeSysctls)
        .filter(([v]) => Number(v) <= minVersion)
        .flatMap(([, names]) => names);
    return (pod: PodView): Finding[] => {
        const findings: Finding[] = [];
        asArray(pod.securityContext?.sysctls).forEach((entry, i) => {
            const name = asDict(entry)?.name;
            if (typeof name === "string" && allowed.includes(name)) return;
            findings.push(badValue(`${pod.path}.securityContext.sysctls[${i}].name`, name, undefined,
                `the safe sysctls of v1.${minVersion}+: ${allowed.join(", ")}`, `remove sysctl ${show(name)}`));
        });
        return findings;
    };
}

const sysctls: PodSecurityCheck = {
    id: "sysctls",
    level: "baseline",
    title: "sysctls",
    revisions: Object.keys(safeSysctls).map(Number).sort((a, b) => a - b).map((v) => ({ minVersion: v, check: sysctlsCheck(v) })),
};

const windowsHostProcess: PodSecurityCheck = {
    id: "windowsHostProcess",
    level: "baseline",
    title: "Windows HostProcess",
    revisions: [{
        minVersion: 0,
        check: (pod) =>
            securityContexts(pod)
                .filter(({ sc }) => asBool(asDict(sc.windowsOptions)?.hostProcess) === true)
                .map(({ path, c }) => ({
                    path: `${path}.windowsOptions.hostProcess`,
                    problem: `is true ${whereLabel(c)}; allowed: false or absent`,
                    fix: "remove windowsOptions.hostProcess or set it to false",
                })),
    }],
};

const probeFields = ["livenessProbe", "readinessProbe", "startupProbe"] as const;
const lifecycleFields = ["postStart", "preStop"] as const;

const hostProbesAndHostLifecycle: PodSecurityCheck = {
    id: "hostProbesAndHostLifecycle",
    level: "baseline",
    title: "probe and lifecycle hosts",
    revisions: [{
        minVersion: 34,
        check: (pod) => {
            const findings: Finding[] = [];
            for (const c of pod.containers) {
                const lifecycle = asDict(c.container.lifecycle);
                const handlers: [string, Dict | undefined][] = [
                    ...probeFields.map((f): [string, Dict | undefined] => [f, asDict((c.container as Dict)[f])]),
                    ...lifecycleFields.map((f): [string, Dict | undefined] => [`lifecycle.${f}`, asDict(lifecycle?.[f])]),
                ];
                for (const [field, handler] of handlers) {
                    for (const action of ["httpGet", "tcpSocket"]) {
                        const host = asDict(handler?.[action])?.host;
                        if (host === undefined || host === null || host === "") continue;
                        findings.push(badValue(`${c.path}.${field}.${action}.host`, host, c, "empty or absent (the pod's own IP)",
                            `remove ${action}.host so the kubelet targets the pod itself`));
                    }
                }
            }
            return findings;
        },
    }],
};

// ---------------- restricted ----------------

export const restrictedVolumeTypes: readonly string[] = [
    "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret",
];

const restrictedVolumes: PodSecurityCheck = {
    id: "restrictedVolumes",
    level: "restricted",
    title: "restricted volume types",
    // One revision at 1.0: PSA added `image` to the 1.0 function itself, so every version allows it.
    revisions: [{
        minVersion: 0,
        overrides: ["hostPathVolumes"],
        check: (pod) => {
            const findings: Finding[] = [];
            asArray(pod.spec.volumes).forEach((entry, i) => {
                const volume = asDict(entry);
                if (!volume) return;
                const sources = Object.keys(volume).filter((k) => k !== "name" && volume[k] !== undefined && volume[k] !== null);
                // No source at all is defaulted to emptyDir by the API server.
                if (sources.length === 0 || sources.some((s) => restrictedVolumeTypes.includes(s))) return;
                findings.push({
                    path: `${pod.path}.volumes[${i}]`,
                    problem: `(volume ${show(asString(volume.name) ?? `#${i}`)}) uses ${quoteList(sources)}; allowed: ${restrictedVolumeTypes.join(", ")}`,
                    fix: "use one of the allowed volume types, e.g. a persistentVolumeClaim, csi, or ephemeral volume",
                });
            });
            return findings;
        },
    }],
};

function allowPrivilegeEscalationCheck(pod: PodView): Finding[] {
    const findings: Finding[] = [];
    for (const { c, sc, path } of containerContexts(pod)) {
        const value = sc?.allowPrivilegeEscalation;
        if (asBool(value) === false) continue;
        if (value === undefined && pod.isPatch) continue;
        findings.push({
            path: `${path}.allowPrivilegeEscalation`,
            problem: value === undefined
                ? `is absent on ${c.label}, and Linux then lets its processes gain privileges (setuid); allowed: false`
                : `is ${show(value)} on ${c.label}; allowed: false`,
            fix: "set securityContext.allowPrivilegeEscalation: false",
        });
    }
    return findings;
}

const allowPrivilegeEscalation: PodSecurityCheck = {
    id: "allowPrivilegeEscalation",
    level: "restricted",
    title: "allowPrivilegeEscalation != false",
    revisions: [
        { minVersion: 8, check: allowPrivilegeEscalationCheck },
        // From v1.25, pods with spec.os.name: windows are exempt.
        { minVersion: 25, check: windowsExempt(allowPrivilegeEscalationCheck) },
    ],
};

function runAsNonRootCheck(pod: PodView): Finding[] {
    const findings: Finding[] = [];
    const podValue = pod.securityContext?.runAsNonRoot;
    const podTrue = asBool(podValue) === true;
    const podPath = `${pod.path}.securityContext.runAsNonRoot`;
    if (podValue !== undefined && !podTrue) {
        findings.push(badValue(podPath, podValue, undefined, "true", "set runAsNonRoot: true"));
    }
    const implicit: ContainerRef[] = [];
    for (const { c, sc, path } of containerContexts(pod)) {
        const value = sc?.runAsNonRoot;
        if (value !== undefined) {
            if (asBool(value) !== true) findings.push(badValue(`${path}.runAsNonRoot`, value, c, "true (or absent when the pod sets true)", "set runAsNonRoot: true"));
        } else if (!podTrue && !pod.isPatch) {
            implicit.push(c);
        }
    }
    for (const c of implicit) {
        findings.push({
            path: `${c.path}.securityContext.runAsNonRoot`,
            problem: `is absent on ${c.label} and ${podPath} is ${podValue === undefined ? "absent" : show(podValue)}, so the image may run as root; allowed: true here or at pod level`,
            fix: `set ${podPath}: true (and runAsUser to a non-zero UID if the image's user is root)`,
        });
    }
    return findings;
}

const runAsNonRoot: PodSecurityCheck = {
    id: "runAsNonRoot",
    level: "restricted",
    title: "runAsNonRoot != true",
    revisions: [
        { minVersion: 0, check: runAsNonRootCheck },
        // From v1.35, any value is allowed for a pod in a user namespace (hostUsers: false).
        { minVersion: 35, check: userNamespaceExempt(runAsNonRootCheck) },
    ],
};

function runAsUserCheck(pod: PodView): Finding[] {
    return securityContexts(pod)
        .filter(({ sc }) => sc.runAsUser !== undefined && sc.runAsUser !== null && asNumber(sc.runAsUser) === 0)
        .map(({ sc, path, c }) => badValue(`${path}.runAsUser`, sc.runAsUser, c, "a non-zero UID or absent", "set runAsUser to a non-zero UID, or remove it"));
}

const runAsUser: PodSecurityCheck = {
    id: "runAsUser",
    level: "restricted",
    title: "runAsUser=0",
    revisions: [
        { minVersion: 23, check: runAsUserCheck },
        { minVersion: 35, check: userNamespaceExempt(runAsUserCheck) },
    ],
};

function seccompRestrictedCheck(pod: PodView): Finding[] {
    const findings = seccompExplicitlyBad(pod);
    const podType = asDict(pod.securityContext?.seccompProfile)?.type;
    const podSet = typeof podType === "string" && seccompTypes.includes(podType);
    if (podSet || pod.isPatch) return findings;
    for (const { c, sc, path } of containerContexts(pod)) {
        if (asDict(sc?.seccompProfile)) continue;
        findings.push({
            path: `${path}.seccompProfile`,
            problem: `is absent on ${c.label} and ${pod.path}.securityContext.seccompProfile is ${podType === undefined ? "absent" : "not allowed"}, so the container runs Unconfined; allowed: type "RuntimeDefault" or "Localhost" here or at pod level`,
            fix: `set ${pod.path}.securityContext.seccompProfile.type: "RuntimeDefault"`,
        });
    }
    return findings;
}

const seccompProfileRestricted: PodSecurityCheck = {
    id: "seccompProfile_restricted",
    level: "restricted",
    title: "seccompProfile",
    revisions: [
        { minVersion: 19, check: seccompRestrictedCheck, overrides: ["seccompProfile_baseline"] },
        { minVersion: 25, check: windowsExempt(seccompRestrictedCheck), overrides: ["seccompProfile_baseline"] },
    ],
};

function capabilitiesRestrictedCheck(pod: PodView): Finding[] {
    const findings: Finding[] = [];
    for (const { c, sc, path } of containerContexts(pod)) {
        const caps = asDict(sc?.capabilities);
        const drop = caps?.drop;
        const dropsAll = asArray(drop).includes("ALL");
        if (!dropsAll && !(pod.isPatch && drop === undefined)) {
            findings.push({
                path: `${path}.capabilities.drop`,
                problem: `is ${show(drop)} on ${c.label}; allowed: a list containing "ALL" (case-sensitive)`,
                fix: 'set securityContext.capabilities.drop: ["ALL"]',
            });
        }
        asArray(caps?.add).forEach((cap, i) => {
            if (cap === "NET_BIND_SERVICE") return;
            findings.push(badValue(`${path}.capabilities.add[${i}]`, cap, c, '"NET_BIND_SERVICE" only', `remove ${show(cap)} from capabilities.add`));
        });
    }
    return findings;
}

const capabilitiesRestricted: PodSecurityCheck = {
    id: "capabilities_restricted",
    level: "restricted",
    title: "unrestricted capabilities",
    revisions: [
        { minVersion: 22, check: capabilitiesRestrictedCheck, overrides: ["capabilities_baseline"] },
        { minVersion: 25, check: windowsExempt(capabilitiesRestrictedCheck), overrides: ["capabilities_baseline"] },
    ],
};

const procMountRestricted: PodSecurityCheck = {
    id: "procMount_restricted",
    level: "restricted",
    title: "/proc mount type",
    // From v1.35 baseline relaxes procMount for user-namespace pods; restricted keeps it unconditional.
    revisions: [{ minVersion: 35, check: procMountStrict, overrides: ["procMount"] }],
};

/** Every check, baseline first, as PSA registers them. */
export const podSecurityChecks = new CheckRegistry([
    hostNamespaces,
    privileged,
    capabilitiesBaseline,
    hostPathVolumes,
    hostPorts,
    appArmorProfile,
    seLinuxOptions,
    procMount,
    seccompProfileBaseline,
    sysctls,
    windowsHostProcess,
    hostProbesAndHostLifecycle,
    restrictedVolumes,
    allowPrivilegeEscalation,
    runAsNonRoot,
    runAsUser,
    seccompProfileRestricted,
    capabilitiesRestricted,
    procMountRestricted,
]);
