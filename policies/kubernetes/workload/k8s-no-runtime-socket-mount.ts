import { asArray, asDict, asString, cisKubernetes, containersOf, deploymentFix, kubernetes, podSecurityStandards, podSpecOf, resourcePolicy } from "../../core";

/** Sockets through which a container controls the node's container runtime. */
const socketPattern = /\/(docker|containerd|crio|cri-dockerd|dockershim|podman)\.sock$/;
/** Directories that hold those sockets: mounting them exposes the socket too. */
const socketDirectories = new Set(["/", "/var", "/run", "/var/run", "/var/run/containerd", "/run/containerd", "/var/run/crio", "/run/crio", "/var/run/docker", "/run/docker", "/var/run/cri-dockerd", "/run/podman", "/var/run/podman"]);

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
        asArray(pod.spec.volumes).forEach((entry, index) => {
            const volume = asDict(entry);
            const path = asString(asDict(volume?.hostPath)?.path);
            if (!volume || path === undefined) return;
            const normalized = normalize(path);
            if (!socketPattern.test(normalized) && !socketDirectories.has(normalized)) return;
            const name = asString(volume.name);
            const users = containersOf(pod)
                .filter((c) => asArray(c.container.volumeMounts).some((m) => name !== undefined && asString(asDict(m)?.name) === name))
                .map((c) => c.label);
            const what = socketPattern.test(normalized) ? "the container runtime socket" : "a directory that holds the container runtime socket";
            ctx.violation(
                `${pod.path}.volumes[${index}].hostPath.path`,
                `is "${path}", ${what}${users.length > 0 ? `, mounted by ${users.join(", ")}` : ""}: it gives control of every container on the node`,
                "remove the hostPath volume",
            );
        });
    },
});
