import { asDict, asNumber, asString, deploymentFix, isUnknown, kubernetes, nsaHardening, peek, podSpecOf, resourcePolicy } from "../../core";
import { regularAndInitContainers } from "./container-checks";

/**
 * A quantity is set when it is a non-empty string or a number. Presence decides: a quantity computed
 * from another resource (unknown in a preview) is set.
 */
function isSet(holder: unknown, key: string): boolean {
    const value = peek(holder, key);
    return isUnknown(value) || asNumber(value) !== undefined || (asString(value) ?? "").trim() !== "";
}

export const k8sContainerResources = resourcePolicy<unknown>({
    name: "k8s-container-resources",
    displayName: "Containers request CPU and memory and limit memory",
    description: "Every container and init container requests CPU and memory and has a memory limit, so no pod can exhaust its node.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload"],
    framework: nsaHardening("Network separation and hardening", "Resource policies"),
    why: "A container without requests and a memory limit can starve or crash every other pod on its node, by accident or in a denial-of-service attack.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            resources:
              requests: {cpu: 100m, memory: 128Mi}
              limits: {memory: 256Mi}
    `),
    remediationSteps:
        'Set `resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } }` on every container ' +
        "and init container of the pod template. A namespace LimitRange can supply defaults, but the workload should state them.",
    url: "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
    appliesTo: kubernetes.workloads,
    validate: (props, ctx) => {
        const pod = podSpecOf(ctx.type, props);
        if (!pod) return;
        // A Patch merges into the live object: fields it leaves out keep their live values.
        if (pod.isPatch) return;
        for (const c of regularAndInitContainers(pod)) {
            ctx.judge(() => {
                // A block unknown as a whole may lack any quantity: reading it defers this container.
                const resources = asDict(c.container.resources);
                const requests = asDict(resources?.requests);
                const limits = asDict(resources?.limits);
                // Kubernetes defaults a missing request to the limit of the same resource.
                const missing: string[] = [];
                if (!isSet(requests, "cpu") && !isSet(limits, "cpu")) missing.push("requests.cpu");
                if (!isSet(requests, "memory") && !isSet(limits, "memory")) missing.push("requests.memory");
                if (!isSet(limits, "memory")) missing.push("limits.memory");
                if (missing.length > 0) {
                    ctx.violation(
                        `${c.path}.resources`,
                        `lacks ${missing.join(", ")} on ${c.label}, and Kubernetes then lets it use the node's CPU and memory without bound`,
                        `set ${missing.map((m) => `resources.${m}`).join(", ")}`,
                    );
                }
            });
        }
    },
});
