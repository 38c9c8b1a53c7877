import { aws, cisEks, isUnknown, peek, show, wrongType } from "../core";
import { launchSpecPolicy, type Sink } from "./node-settings";
import { indices, readBool } from "./read";

/** One associatePublicIpAddress field: true (or a value of the wrong type) is a finding. */
function judgePublicIp(container: unknown, path: string, fix: string, sink: Sink): void {
    const value = readBool(container, "associatePublicIpAddress");
    const raw = peek(container, "associatePublicIpAddress");
    if (value === "unknown") sink.defer(path);
    else if (value === true) sink.violation(path, `is ${show(raw)}, so every node gets a public IP address`, fix);
    else if (value === "wrong") sink.violation(path, wrongType('a boolean ("true" or "false")', raw), fix);
}

export const eksLaunchTemplateNoPublicIp = launchSpecPolicy({
    name: "eks-launch-template-no-public-ip",
    description:
        "No network interface of a launch template (or launch configuration) that backs Kubernetes nodes asks for a public " +
        "IP address. Subnets that assign public IPs are eks-node-group-private-subnets' finding.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["aws", "network"],
    framework: cisEks("5.4.3", "Ensure clusters are created with Private Nodes"),
    remediationSteps:
        'Remove `associatePublicIpAddress` from the aws.ec2.LaunchTemplate\'s `networkInterfaces` (or set it to "false"; on an ' +
        "aws.ec2.LaunchConfiguration set `associatePublicIpAddress: false`), put nodes in private subnets and reach the internet " +
        "through a NAT gateway. For @pulumi/eks, set `nodeAssociatePublicIpAddress: false`.",
    url: "https://docs.aws.amazon.com/eks/latest/best-practices/subnets.html",
    check: (type, props, _config, sink) => {
        if (!aws.launchTemplate.has(type)) {
            judgePublicIp(props, "associatePublicIpAddress", "remove associatePublicIpAddress or set it to false", sink);
            return;
        }
        const nics = peek(props, "networkInterfaces");
        if (isUnknown(nics)) return sink.defer("networkInterfaces");
        if (nics !== undefined && nics !== null && !Array.isArray(nics)) {
            return sink.violation("networkInterfaces", wrongType("an array of network interfaces", nics), 'list the interfaces without associatePublicIpAddress: "true"');
        }
        indices(nics).forEach((i) => {
            const nic = peek(nics, i);
            const path = `networkInterfaces[${i}]`;
            if (isUnknown(nic)) sink.defer(path);
            else judgePublicIp(nic, `${path}.associatePublicIpAddress`, 'remove it or set associatePublicIpAddress: "false"', sink);
        });
    },
});
