// A VPC whose node subnets are private (mapPublicIpOnLaunch: false, default route through a NAT gateway),
// with the NAT gateway in a public "edge" subnet that no node and no cluster uses. Shared by the hardened
// programs, as a team would share its network module.
import * as aws from "@pulumi/aws";

export function privateNetwork(): { vpc: aws.ec2.Vpc; subnets: aws.ec2.Subnet[] } {
    const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, enableDnsSupport: true });
    const internet = new aws.ec2.InternetGateway("igw", { vpcId: vpc.id });
    const edge = new aws.ec2.Subnet("edge-a", { vpcId: vpc.id, cidrBlock: "10.0.100.0/24", availabilityZone: "eu-west-1a", mapPublicIpOnLaunch: true });
    const edgeRoutes = new aws.ec2.RouteTable("edge", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: internet.id }] });
    new aws.ec2.RouteTableAssociation("edge-a", { subnetId: edge.id, routeTableId: edgeRoutes.id });
    const nat = new aws.ec2.NatGateway("nat", { subnetId: edge.id, allocationId: new aws.ec2.Eip("nat", { domain: "vpc" }).id });
    const privateRoutes = new aws.ec2.RouteTable("private", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }] });
    const subnets = ["a", "b"].map(
        (zone, i) => new aws.ec2.Subnet(`private-${zone}`, { vpcId: vpc.id, cidrBlock: `10.0.${i}.0/24`, availabilityZone: `eu-west-1${zone}`, mapPublicIpOnLaunch: false }),
    );
    subnets.forEach((subnet, i) => new aws.ec2.RouteTableAssociation(`private-${i}`, { subnetId: subnet.id, routeTableId: privateRoutes.id }));
    return { vpc, subnets };
}
