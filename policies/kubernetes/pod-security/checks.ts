// The Pod Security Standards checks, one per PSA check ID, with PSA's revisions and version boundaries
// (k8s.io/pod-security-admission/policy/check_*.go). Each revision is a pure function over a PodView.
//
// In a preview any field may be unknown. Each check judges its independent parts on their own (the pod
// level and each container, each list entry, each field): an unknown value defers only the part that
// needs it, so findings on other known fields survive, and never becomes a finding itself. Where only
// presence matters (a hostPath volume, a volume source), presence decides even when the value is unknown.
import type { ContainerRef, Dict } from "../../core";
import { asBool, asDict, asNumber, asString, isUnknown, peek, show } from "../../core";
import {
    badValue,
    CheckRegistry,
    exemptWhen,
    type Finding,
    inUserNamespace,
    isWindowsPod,
    part,
    type PodSecurityCheck,
    type PodView,
    quoteList,
    whereLabel,
} from "./pss";

type SecurityContextVisitor = (sc: Dict, path: string, c?: ContainerRef) => Finding[];

/** The pod-level securityContext (when present), then every container's, each judged on its own. */
function eachSecurityContext(pod: PodView, visit: SecurityContextVisitor): Finding[] {
    const findings = part(pod, () => {
        const sc = pod.securityContext;
        return sc ? visit(sc, `${pod.path}.securityContext`) : [];
    });
    for (const c of pod.containers) {
        findings.push(...part(pod, () => {
            const sc = asDict(c.container.securityContext);
            return sc ? visit(sc, `${c.path}.securityContext`, c) : [];
        }));
    }
    return findings;
}

/** Every container, each judged on its own. */
function eachContainerPart(pod: PodView, visit: (c: ContainerRef) => Finding[]): Finding[] {
    return pod.containers.flatMap((c) => part(pod, () => visit(c)));
}

/** Every container with its securityContext (possibly undefined), each judged on its own. */
function eachContainer(pod: PodView, visit: (c: ContainerRef, sc: Dict | undefined, path: string) => Finding[]): Finding[] {
    return eachContainerPart(pod, (c) => visit(c, asDict(c.container.securityContext), `${c.path}.securityContext`));
}

/**
 * Each element of the array `holder[key]`, judged on its own. An unknown array or element defers,
 * naming it: which values it holds decides the verdict.
 */
function eachElement(pod: PodView, holder: unknown, key: string, path: string, visit: (entry: unknown, index: number, path: string) => Finding[]): Finding[] {
    const list = peek(holder, key);
    if (isUnknown(list)) {
        pod.verdict.defer(path);
        return [];
    }
    if (!Array.isArray(list)) return [];
    const findings: Finding[] = [];
    for (let index = 0; index < list.length; index++) {
        const entry = peek(list, index);
        if (isUnknown(entry)) {
            pod.verdict.defer(`${path}[${index}]`);
            continue;
        }
        findings.push(...part(pod, () => visit(entry, index, `${path}[${index}]`)));
    }
    return findings;
}

const windowsExempt = (check: (pod: PodView) => Finding[]) => exemptWhen(isWindowsPod, check);
const userNamespaceExempt = (check: (pod: PodView) => Finding[]) => exemptWhen(inUserNamespace, check);

/** A volume's name for messages; never throws, even when unknown. */
function volumeName(volume: unknown, index: number): string {
    const name = peek(volume, "name");
    return isUnknown(name) ? `#${index}` : (asString(name) ?? `#${index}`);
}

// ---------------- baseline ----------------

const hostNamespaces: PodSecurityCheck = {
    id: "hostNamespaces",
    level: "baseline",
    title: "host namespaces",
    revisions: [{
        minVersion: 0,
        check: (pod) =>
            (["hostNetwork", "hostPID", "hostIPC"] as const).flatMap((field) =>
                part(pod, () =>
                    asBool(pod.spec[field]) !== true ? [] : [{
                        path: `${pod.path}.${field}`,
                        problem: `is true, sharing the node's ${field.slice(4)} namespace; allowed: false or absent`,
                        fix: `remove ${field} or set it to false`,
                    }],
                ),
            ),
    }],
};

const privileged: PodSecurityCheck = {
    id: "privileged",
    level: "baseline",
    title: "privileged containers",
    revisions: [{
        minVersion: 0,
        check: (pod) =>
            eachContainer(pod, (c, sc, path) =>
                asBool(sc?.privileged) !== true ? [] : [{
                    path: `${path}.privileged`,
                    problem: `is true on ${c.label}; allowed: false or absent`,
                    fix: "remove it or set it to false, and grant only the specific capability needed in securityContext.capabilities.add",
                }],
            ),
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
        check: (pod) =>
            eachContainer(pod, (c, sc, path) =>
                eachElement(pod, asDict(sc?.capabilities), "add", `${path}.capabilities.add`, (cap, _i, at) =>
                    typeof cap === "string" && baselineCapabilities.includes(cap)
                        ? []
                        : [badValue(at, cap, c, `only ${baselineCapabilities.join(", ")}`, `remove ${show(cap)} from capabilities.add`)],
                ),
            ),
    }],
};

const hostPathVolumes: PodSecurityCheck = {
    id: "hostPathVolumes",
    level: "baseline",
    title: "hostPath volumes",
    revisions: [{
        minVersion: 0,
        check: (pod) =>
            eachElement(pod, pod.spec, "volumes", `${pod.path}.volumes`, (entry, index, at) => {
                // Presence decides: a hostPath volume is one, whatever its (possibly unknown) path.
                const hostPath = peek(entry, "hostPath");
                if (hostPath === undefined || hostPath === null) return [];
                return [{
                    path: `${at}.hostPath`,
                    problem: `is set on volume ${show(volumeName(entry, index))} (path ${show(peek(hostPath, "path"))}); allowed: no hostPath volumes`,
                    fix: "use a persistentVolumeClaim, emptyDir, configMap or secret volume instead of hostPath",
                }];
            }),
    }],
};

const hostPorts: PodSecurityCheck = {
    id: "hostPorts",
    level: "baseline",
    title: "host ports",
    revisions: [{
        minVersion: 0,
        check: (pod) =>
            eachContainerPart(pod, (c) =>
                eachElement(pod, c.container, "ports", `${c.path}.ports`, (entry, _i, at) => {
                    const port = asDict(entry);
                    if (!port) return [];
                    const hostPort = port.hostPort;
                    if (hostPort !== undefined && hostPort !== null) {
                        return asNumber(hostPort) === 0 ? [] : [badValue(`${at}.hostPort`, hostPort, c, "0 or absent", "remove hostPort and expose the port through a Service")];
                    }
                    // The API server gives every container port of a hostNetwork pod a host port equal to its
                    // containerPort (SetDefaults_Pod), so admission, and the live Pod, see one.
                    if (pod.isPatch || c.list === "ephemeralContainers" || asBool(pod.spec.hostNetwork) !== true) return [];
                    const containerPort = port.containerPort;
                    const number = asNumber(containerPort);
                    if (number === undefined || number === 0) return [];
                    return [{
                        path: `${at}.hostPort`,
                        problem: `is absent on ${c.label}, and with ${pod.path}.hostNetwork: true Kubernetes sets it to the containerPort ${number}; allowed: 0 or absent, without hostNetwork`,
                        fix: "drop hostNetwork and expose the port through a Service",
                    }];
                }),
            ),
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
        check: (pod) => [
            ...eachSecurityContext(pod, (sc, path, c) => {
                const profile = asDict(sc.appArmorProfile);
                if (!profile) return [];
                const type = profile.type;
                // A patch that carries appArmorProfile without its type leaves the type to the live object.
                if (type === undefined && pod.isPatch) return [];
                if (typeof type === "string" && appArmorTypes.includes(type)) return [];
                return [badValue(`${path}.appArmorProfile.type`, type, c, quoteList(appArmorTypes),
                    'set appArmorProfile.type to "RuntimeDefault" (or "Localhost" with localhostProfile)')];
            }),
            ...part(pod, () => {
                const annotations = pod.annotations ?? {};
                const findings: Finding[] = [];
                for (const key of Object.keys(annotations)) {
                    if (!key.startsWith(appArmorAnnotationPrefix)) continue;
                    const value = peek(annotations, key);
                    if (isUnknown(value)) {
                        pod.verdict.defer(`${pod.annotationsPath}["${key}"]`);
                        continue;
                    }
                    if (value === "" || value === "runtime/default" || (typeof value === "string" && value.startsWith("localhost/"))) continue;
                    findings.push({
                        path: `${pod.annotationsPath}["${key}"]`,
                        problem: `is ${show(value)} for container ${show(key.slice(appArmorAnnotationPrefix.length))}; allowed: "runtime/default", "localhost/<profile>" or empty`,
                        fix: 'set it to "runtime/default", or better, replace the annotation with securityContext.appArmorProfile.type: "RuntimeDefault"',
                    });
                }
                return findings;
            }),
        ],
    }],
};

const seLinuxTypes1_0 = ["", "container_t", "container_init_t", "container_kvm_t"];
const seLinuxTypes1_31 = [...seLinuxTypes1_0, "container_engine_t"];

function seLinuxCheck(allowedTypes: readonly string[]) {
    const allowed = quoteList(allowedTypes.filter((t) => t !== "")) + " or empty";
    return (pod: PodView): Finding[] =>
        eachSecurityContext(pod, (sc, path, c) => {
            const opts = asDict(sc.seLinuxOptions);
            if (!opts) return [];
            const findings = part(pod, () => {
                const type = opts.type;
                if (type === undefined || type === null || (typeof type === "string" && allowedTypes.includes(type))) return [];
                return [badValue(`${path}.seLinuxOptions.type`, type, c, allowed, "remove seLinuxOptions.type or use container_t")];
            });
            for (const field of ["user", "role"] as const) {
                findings.push(...part(pod, () => {
                    const value = opts[field];
                    if (value === undefined || value === null || value === "") return [];
                    return [badValue(`${path}.seLinuxOptions.${field}`, value, c, "empty or absent", `remove seLinuxOptions.${field}`)];
                }));
            }
            return findings;
        });
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
    return eachContainer(pod, (c, sc, path) => {
        const value = sc?.procMount;
        if (value === undefined || value === null || value === "Default") return [];
        return [badValue(`${path}.procMount`, value, c, '"Default" or absent', 'remove procMount or set it to "Default"')];
    });
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

/** v1.0 - v1.18: the alpha seccomp annotations of the pod and of each container, by container name. */
function seccompAnnotations(pod: PodView): Finding[] {
    return part(pod, () => {
        const annotations = pod.annotations ?? {};
        const named = new Set(pod.containers.map((c) => c.name).filter((n): n is string => n !== undefined));
        const unnamed = pod.containers.filter((c) => c.nameUnknown);
        const findings: Finding[] = [];
        for (const key of Object.keys(annotations)) {
            const isPod = key === seccompPodAnnotation;
            if (!isPod && !key.startsWith(seccompContainerAnnotationPrefix)) continue;
            // An annotation for a container the pod does not have is ignored, unless a name is unknown.
            const applies = isPod || named.has(key.slice(seccompContainerAnnotationPrefix.length));
            if (!applies && unnamed.length === 0) continue;
            const value = peek(annotations, key);
            if (validSeccompAnnotation(value)) continue;
            if (isUnknown(value)) {
                pod.verdict.defer(`${pod.annotationsPath}["${key}"]`);
                continue;
            }
            if (!applies) {
                for (const c of unnamed) pod.verdict.defer(`${c.path}.name`);
                continue;
            }
            findings.push({
                path: `${pod.annotationsPath}["${key}"]`,
                problem: `is ${show(value)}; allowed: "runtime/default", "docker/default", "localhost/<profile>" or absent`,
                fix: 'set it to "runtime/default" (and on v1.19+ use securityContext.seccompProfile.type: "RuntimeDefault")',
            });
        }
        return findings;
    });
}

/** Explicitly set seccompProfile types that are not RuntimeDefault or Localhost. */
function seccompExplicitlyBad(pod: PodView): Finding[] {
    return eachSecurityContext(pod, (sc, path, c) => {
        const profile = asDict(sc.seccompProfile);
        if (!profile) return [];
        const type = profile.type;
        if (type === undefined && pod.isPatch) return [];
        if (typeof type === "string" && seccompTypes.includes(type)) return [];
        return [badValue(`${path}.seccompProfile.type`, type, c, quoteList(seccompTypes), 'set seccompProfile.type to "RuntimeDefault"')];
    });
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
    return (pod: PodView): Finding[] =>
        part(pod, () =>
            eachElement(pod, pod.securityContext, "sysctls", `${pod.path}.securityContext.sysctls`, (entry, _i, at) => {
                const name = asDict(entry)?.name;
                if (typeof name === "string" && allowed.includes(name)) return [];
                return [badValue(`${at}.name`, name, undefined, `the safe sysctls of v1.${minVersion}+: ${allowed.join(", ")}`, `remove sysctl ${show(name)}`)];
            }),
        );
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
            eachSecurityContext(pod, (sc, path, c) =>
                asBool(asDict(sc.windowsOptions)?.hostProcess) !== true ? [] : [{
                    path: `${path}.windowsOptions.hostProcess`,
                    problem: `is true ${whereLabel(c)}; allowed: false or absent`,
                    fix: "remove windowsOptions.hostProcess or set it to false",
                }],
            ),
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
        check: (pod) =>
            pod.containers.flatMap((c) => {
                const handlers: [string, () => unknown][] = [
                    ...probeFields.map((f): [string, () => unknown] => [f, () => (c.container as Dict)[f]]),
                    ...lifecycleFields.map((f): [string, () => unknown] => [`lifecycle.${f}`, () => asDict(c.container.lifecycle)?.[f]]),
                ];
                return handlers.flatMap(([field, handler]) =>
                    ["httpGet", "tcpSocket"].flatMap((action) =>
                        part(pod, () => {
                            const host = asDict(asDict(handler())?.[action])?.host;
                            if (host === undefined || host === null || host === "") return [];
                            return [badValue(`${c.path}.${field}.${action}.host`, host, c, "empty or absent (the pod's own IP)",
                                `remove ${action}.host so the kubelet targets the pod itself`)];
                        }),
                    ),
                );
            }),
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
        check: (pod) =>
            eachElement(pod, pod.spec, "volumes", `${pod.path}.volumes`, (entry, index, at) => {
                const volume = asDict(entry);
                if (!volume) return [];
                // Presence decides: a source key counts whatever its (possibly unknown) content.
                const sources = Object.keys(volume).filter((k) => k !== "name" && peek(volume, k) !== undefined && peek(volume, k) !== null);
                // No source at all is defaulted to emptyDir by the API server.
                if (sources.length === 0 || sources.some((s) => restrictedVolumeTypes.includes(s))) return [];
                return [{
                    path: at,
                    problem: `(volume ${show(volumeName(volume, index))}) uses ${quoteList(sources)}; allowed: ${restrictedVolumeTypes.join(", ")}`,
                    fix: "use one of the allowed volume types, e.g. a persistentVolumeClaim, csi, or ephemeral volume",
                }];
            }),
    }],
};

function allowPrivilegeEscalationCheck(pod: PodView): Finding[] {
    return eachContainer(pod, (c, sc, path) => {
        const value = sc?.allowPrivilegeEscalation;
        if (asBool(value) === false) return [];
        if (value === undefined && pod.isPatch) return [];
        return [{
            path: `${path}.allowPrivilegeEscalation`,
            problem: value === undefined
                ? `is absent on ${c.label}, and Linux then lets its processes gain privileges (setuid); allowed: false`
                : `is ${show(value)} on ${c.label}; allowed: false`,
            fix: "set securityContext.allowPrivilegeEscalation: false",
        }];
    });
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
    const podPath = `${pod.path}.securityContext.runAsNonRoot`;
    // The pod-level value is read inside each part that needs it, so an unknown one defers only those.
    const podValue = () => pod.securityContext?.runAsNonRoot;
    const findings = part(pod, () => {
        const value = podValue();
        return value !== undefined && asBool(value) !== true ? [badValue(podPath, value, undefined, "true", "set runAsNonRoot: true")] : [];
    });
    findings.push(...eachContainer(pod, (c, sc, path) => {
        const value = sc?.runAsNonRoot;
        if (value !== undefined) {
            return asBool(value) !== true ? [badValue(`${path}.runAsNonRoot`, value, c, "true (or absent when the pod sets true)", "set runAsNonRoot: true")] : [];
        }
        if (pod.isPatch) return [];
        const inherited = podValue();
        if (asBool(inherited) === true) return [];
        return [{
            path: `${path}.runAsNonRoot`,
            problem: `is absent on ${c.label} and ${podPath} is ${inherited === undefined ? "absent" : show(inherited)}, so the image may run as root; allowed: true here or at pod level`,
            fix: `set ${podPath}: true (and runAsUser to a non-zero UID if the image's user is root)`,
        }];
    }));
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
    return eachSecurityContext(pod, (sc, path, c) => {
        const value = sc.runAsUser;
        if (value === undefined || value === null || asNumber(value) !== 0) return [];
        return [badValue(`${path}.runAsUser`, value, c, "a non-zero UID or absent", "set runAsUser to a non-zero UID, or remove it")];
    });
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
    if (pod.isPatch) return findings;
    // The pod-level profile is read inside each container's part, so an unknown one defers only those.
    const podType = () => asDict(pod.securityContext?.seccompProfile)?.type;
    findings.push(...eachContainer(pod, (c, sc, path) => {
        if (asDict(sc?.seccompProfile)) return [];
        const type = podType();
        if (typeof type === "string" && seccompTypes.includes(type)) return [];
        return [{
            path: `${path}.seccompProfile`,
            problem: `is absent on ${c.label} and ${pod.path}.securityContext.seccompProfile is ${type === undefined ? "absent" : "not allowed"}, so the container runs Unconfined; allowed: type "RuntimeDefault" or "Localhost" here or at pod level`,
            fix: `set ${pod.path}.securityContext.seccompProfile.type: "RuntimeDefault"`,
        }];
    }));
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
    return eachContainer(pod, (c, sc, path) => {
        const caps = asDict(sc?.capabilities);
        const findings = part(pod, () => {
            const drop = caps?.drop;
            if (pod.isPatch && drop === undefined) return [];
            // Only a known "ALL" satisfies the check; an unknown entry might be it.
            let unknownEntry: string | undefined;
            if (Array.isArray(drop)) {
                for (let i = 0; i < drop.length; i++) {
                    const entry = peek(drop, i);
                    if (entry === "ALL") return [];
                    if (isUnknown(entry)) unknownEntry ??= `${path}.capabilities.drop[${i}]`;
                }
            }
            if (unknownEntry) {
                pod.verdict.defer(unknownEntry);
                return [];
            }
            return [{
                path: `${path}.capabilities.drop`,
                problem: `is ${show(drop)} on ${c.label}; allowed: a list containing "ALL" (case-sensitive)`,
                fix: 'set securityContext.capabilities.drop: ["ALL"]',
            }];
        });
        findings.push(...eachElement(pod, caps, "add", `${path}.capabilities.add`, (cap, _i, at) =>
            cap === "NET_BIND_SERVICE" ? [] : [badValue(at, cap, c, '"NET_BIND_SERVICE" only', `remove ${show(cap)} from capabilities.add`)],
        ));
        return findings;
    });
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
