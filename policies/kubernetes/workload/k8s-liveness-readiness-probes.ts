import { asDict, type CheckContext, type ContainerRef, containersOf, deploymentFix, isUnknown, kubernetes, peek, podSpecOf, resourcePolicy } from "../../core";
import { runToCompletionKinds } from "./container-checks";

/**
 * Presence decides: a probe computed from another resource (unknown in a preview) is still a probe. A
 * container entry unknown as a whole is deferred, naming it.
 */
function hasProbe(c: ContainerRef, probe: string, ctx: CheckContext<unknown>): boolean {
    let present = true;
    ctx.judge(() => {
        const value = peek(c.container, probe);
        present = isUnknown(value) || asDict(value) !== undefined;
    });
    return present;
}

export const k8sLivenessReadinessProbes = resourcePolicy<unknown>({
    name: "k8s-liveness-readiness-probes",
    displayName: "Liveness and readiness probes",
    description:
        "Containers of long-running workloads have liveness and readiness probes (not Jobs, CronJobs, init or ephemeral containers).",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload"],
    why: "Without probes, hung containers keep running and broken ones receive traffic, which turns faults into outages.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            livenessProbe:
              httpGet: {path: /healthz, port: 8080}
            readinessProbe:
              httpGet: {path: /ready, port: 8080}
    `),
    remediationSteps:
        'Set `livenessProbe` and `readinessProbe` on each container, e.g. `readinessProbe: { httpGet: { path: "/ready", port: 8080 } }`.',
    url: "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/",
    appliesTo: kubernetes.workloads,
    validate: (props, ctx) => {
        const pod = podSpecOf(ctx.type, props);
        if (!pod || runToCompletionKinds.includes(pod.kind)) return;
        for (const c of containersOf(pod)) {
            if (c.list !== "containers") continue;
            for (const probe of ["livenessProbe", "readinessProbe"] as const) {
                if (pod.isPatch || hasProbe(c, probe, ctx)) continue;
                ctx.violation(`${c.path}.${probe}`, `is absent on ${c.label}, so Kubernetes ${probe === "livenessProbe" ? "never restarts it when it hangs" : "sends it traffic before it is ready"}`, `set ${probe}`);
            }
        }
    },
});
