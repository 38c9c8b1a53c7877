import type { ClusterGuardPolicy } from "../../core";
import { k8sBlockMetadataEgress } from "./k8s-block-metadata-egress";
import { k8sGatewayRouteTls } from "./k8s-gateway-route-tls";
import { k8sIngressNginxSnippetsDisabled } from "./k8s-ingress-nginx-snippets-disabled";
import { k8sIngressNoAllowHttp } from "./k8s-ingress-no-allow-http";
import { k8sIngressNoSnippetAnnotations } from "./k8s-ingress-no-snippet-annotations";
import { k8sIngressTls } from "./k8s-ingress-tls";
import { k8sIstioGatewayHttpsRedirect } from "./k8s-istio-gateway-https-redirect";
import { k8sLoadbalancerInternal } from "./k8s-loadbalancer-internal";
import { k8sNetworkDefaultDenyIngress } from "./k8s-network-default-deny-ingress";
import { k8sNetworkPolicyNotAllowAll } from "./k8s-network-policy-not-allow-all";
import { k8sNoNodeportServices } from "./k8s-no-nodeport-services";
import { k8sNoServiceExternalIps } from "./k8s-no-service-external-ips";

/** Network segmentation, metadata-API protection and exposure checks. */
export const networkPolicies: ClusterGuardPolicy[] = [
    k8sNetworkDefaultDenyIngress,
    k8sBlockMetadataEgress,
    k8sNetworkPolicyNotAllowAll,
    k8sLoadbalancerInternal,
    k8sNoNodeportServices,
    k8sNoServiceExternalIps,
    k8sIngressTls,
    k8sIngressNoAllowHttp,
    k8sGatewayRouteTls,
    k8sIstioGatewayHttpsRedirect,
    k8sIngressNoSnippetAnnotations,
    k8sIngressNginxSnippetsDisabled,
];
