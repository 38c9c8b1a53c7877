// What most EKS users write: the default cluster of @pulumi/eks, here v4.3.0 modelled child by child in
// ./pulumi-eks (the real component registers the same children, with the same types, names and parents).
// It runs in the default VPC, with a self-managed node group (launch template + Auto Scaling group).
import * as eks from "./pulumi-eks";

const cluster = new eks.Cluster("c");

export const clusterName = cluster.eksCluster.name;
