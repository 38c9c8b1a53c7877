import type { ReleaseArgs } from "@pulumi/kubernetes/helm/v3/release";
import type * as k8s from "@pulumi/kubernetes/types/input";
import type { Unwrap } from "@pulumi/pulumi";
import { peek, resourcePolicy, show } from "../../core";
import { helmRelease } from "./helm-release";

/** A string input's value when known and not blank. */
function known(value: unknown): string | undefined {
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

export const k8sHelmReleaseUnchecked = resourcePolicy<Unwrap<ReleaseArgs>>({
    name: "k8s-helm-release-unchecked",
    description:
        "Says, once per `kubernetes.helm.v3.Release`, that its manifests are rendered by the Kubernetes provider at deploy time, " +
        "so no policy sees the objects the chart creates, and how to get them checked. Advisory.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload"],
    remediationSteps:
        "Deploy the chart with `kubernetes.helm.v4.Chart` (or `kubernetes.helm.v3.Chart`) instead of `helm.v3.Release`: its objects " +
        "are resources of the stack, and every policy checks them. Or check the rendered chart before each change: " +
        "`helm template <release> <chart> --repo <repo> --version <version> -f values.yaml | cluster-guard scan -`. " +
        "Exempt a Release whose chart was checked that way with `excludeResourceNames`.",
    url: "https://www.pulumi.com/registry/packages/kubernetes/api-docs/helm/v4/chart/",
    appliesTo: helmRelease,
    validate: (props, ctx) => {
        const chart = peek(props, "chart" satisfies keyof ReleaseArgs);
        const repo = known(peek(peek(props, "repositoryOpts" satisfies keyof ReleaseArgs), "repo" satisfies keyof k8s.helm.v3.RepositoryOpts));
        const version = known(peek(props, "version" satisfies keyof ReleaseArgs));
        const namespace = known(peek(props, "namespace" satisfies keyof ReleaseArgs));
        const command = [
            "helm template",
            known(peek(props, "name" satisfies keyof ReleaseArgs)) ?? "<release>",
            known(chart) ?? "<chart>",
            ...(repo ? [`--repo ${repo}`] : []),
            ...(version ? [`--version ${version}`] : []),
            ...(namespace ? [`--namespace ${namespace}`] : []),
            "-f values.yaml | cluster-guard scan -",
        ].join(" ");
        ctx.violation(
            "chart",
            `is ${show(chart)}: the Kubernetes provider renders this Release's manifests at deploy time, so no policy sees the objects it creates`,
            `deploy it with kubernetes.helm.v4.Chart (or helm.v3.Chart), whose objects the policies check, or check the rendering with the Release's values in values.yaml: ${command}`,
        );
    },
});
