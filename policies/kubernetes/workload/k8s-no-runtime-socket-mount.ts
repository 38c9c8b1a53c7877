import { asArray, asDict, asString, cisKubernetes, containersOf, deploymentFix, kubernetes, peek, podSecurityStandards, type PodSpecLocation, podSpecOf, resourcePolicy } from "../../core";

/** Sockets through which a container controls the node's container runtime. */
const socketPattern = /\/(docker|containerd|crio|cri-dockerd|dockershim|podman)\.sock$/;
/** Directories that hold those sockets: mounting them exposes the socket too. */
const socketDirectories = new Set(["/", "/var", "/run", "/var/run", "/var/run/containerd", "/run/containerd", "/var/run/crio", "/run/crio", "/var/run/docker", "/run/docker", "/var/run/cri-dockerd", "/run/podman", "/var/run/podman"]);

/** The containers that mount a volume, for the message; mounts unknown in a preview are left out. */
function mountedBy(pod: PodSpecLocation, name: unknown): string[] {
    if (typeof name !== "string") return [];
    return containersOf(pod)
        .filter((c) => {
            const entry = peek(peek(pod.spec, c.list), c.index);
            const mounts = peek(entry, "volumeMounts");
            if (!Array.isArray(mounts)) return false;
            for (let i = 0; i < mounts.length; i++) if (peek(peek(mounts, i), "name") === name) return true;
            return false;
        })
        .map((c) => c.label);
}

function normalize(path: string): string {
    const collapsed = path.trim().replace(/\/+/g, "/");
    return collapsed.length > 1 ? collapsed.replace(/\/$/, "") : collapsed;
}

export const k8sNoRuntimeSocketMount = resourcePolicy<unknown>({
    name: "k8s-no-runtime-socket-mount",
    displayName: "No container runtime socket mounts",
    description:
        "No pod mounts the container runtime socket (docker.sock, containerd.sock, crio.sock) or a directory holding it " +
        "through hostPath: whoever reaches that socket controls the node.",
    severity: "critical",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload"],
    framework: cisKubernetes("5.2.12"),
    alsoCites: [
        podSecurityStandards("baseline", "HostPath Volumes"),
    ],
    why: "Whoever reaches the container runtime socket can start privileged containers and so controls the node.",
    fixExample: deploymentFix(`
        volumes:
          - name: cache
            emptyDir: {}
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            volumeMounts:
              - {name: cache, mountPath: /cache}
    `),
    remediationSteps:
        "Remove the `hostPath` volume from `spec.volumes` (and its `volumeMounts`). Build images with a daemonless builder " +
        "(e.g. BuildKit rootless, kaniko) and read container metadata through the Kubernetes API instead.",
    url: "https://kubernetes.io/docs/concepts/storage/volumes/#hostpath",
    appliesTo: kubernetes.workloads,
    validate: (props, ctx) => {
        const pod = podSpecOf(ctx.type, props);
        if (!pod) return;
        const volumes = asArray(pod.spec.volumes);
        for (let index = 0; index < volumes.length; index++) {
            ctx.judge(() => {
                const volume = asDict(volumes[index]);
                const path = asString(asDict(volume?.hostPath)?.path);
                if (!volume || path === undefined) return;
                const normalized = normalize(path);
                if (!socketPattern.test(normalized) && !socketDirectories.has(normalized)) return;
                const what = socketPattern.test(normalized) ? "the container runtime socket" : "a directory that holds the container runtime socket";
                const users = mountedBy(pod, peek(volume, "name"));
                ctx.violation(
                    `${pod.path}.volumes[${index}].hostPath.path`,
                    `is "${path}", ${what}${users.length > 0 ? `, mounted by ${users.join(", ")}` : ""}: it gives control of every container on the node`,
                    "remove the hostPath volume",
                );
            });
        }
    },
});
