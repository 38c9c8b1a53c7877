// The hardened program: the web application of ./shop, which follows every Kubernetes policy's
// remediation text literally, deployed to the cluster of the default provider (the kubeconfig of the
// machine that runs `pulumi up`), as Pulumi's Kubernetes templates do.
import { deployShop } from "./shop";

deployShop();
