import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksNodeGroupSshRestricted } from "../../policies/aws/eks-node-group-ssh-restricted";
import { checkResource } from "../harness";
import { nodeGroup, types, urnOf } from "./fixtures";

const check = (g: object) => checkResource(eksNodeGroupSshRestricted, types.nodeGroup, g, { name: "general" });
const { launchTemplate: _, ...withoutTemplate } = nodeGroup();

describe("eks-node-group-ssh-restricted", () => {
    it("passes no remote access, and an SSH key limited to source security groups", () => {
        assert.deepStrictEqual(check(nodeGroup()).violations, []);
        assert.deepStrictEqual(check({ ...withoutTemplate, remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: ["sg-bastion"] } }).violations, []);
        assert.deepStrictEqual(check({ ...withoutTemplate, remoteAccess: {} }).violations, []);
    });

    it("flags an SSH key without source security groups (EKS then opens port 22 to the world)", () => {
        const [v] = check({ ...withoutTemplate, remoteAccess: { ec2SshKey: "ops" } }).violations;
        assert.match(v, /^NodeGroup "general": remoteAccess\.sourceSecurityGroupIds is absent while remoteAccess\.ec2SshKey is set, and EKS then opens port 22 \(3389 on Windows\) on the nodes to 0\.0\.0\.0\/0\. Fix: /);
        assert.match(check({ ...withoutTemplate, remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: [] } }).violations[0], /sourceSecurityGroupIds is \[\] while/);
    });

    it("reports values of the wrong type as such", () => {
        assert.deepStrictEqual(check({ ...withoutTemplate, remoteAccess: "ssh" }).violations, []);
        assert.match(
            check({ ...withoutTemplate, remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: "sg-1" } }).violations[0],
            /sourceSecurityGroupIds has the wrong type: expected an array of security group ids, found string "sg-1"/,
        );
    });

    it("lets presence decide in a preview: an unknown key is a key, an unknown list of security groups names some", () => {
        const unknownSources = check({ ...withoutTemplate, remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: unknownValue<string[]>("array") } });
        assert.deepStrictEqual([unknownSources.violations, unknownSources.unknown], [[], undefined]);
        const unknownKey = check({ ...withoutTemplate, remoteAccess: { ec2SshKey: unknownValue<string>("string") } });
        assert.match(unknownKey.violations[0], /sourceSecurityGroupIds is absent while remoteAccess\.ec2SshKey is set/);
        assert.match(check({ ...withoutTemplate, remoteAccess: unknownValue("object") }).unknown ?? "", /NodeGroup "general": remoteAccess is computed from another resource/);
    });

    it("names the eks.ManagedNodeGroup argument for a node group that component made", () => {
        const r = checkResource(eksNodeGroupSshRestricted, types.nodeGroup, { ...withoutTemplate, remoteAccess: { ec2SshKey: "ops" } }, {
            name: "mng",
            urn: urnOf(types.nodeGroup, "mng", ["eks:index:ManagedNodeGroup"]),
            parent: urnOf("eks:index:ManagedNodeGroup", "mng"),
        });
        assert.match(r.violations[0], /Fix: remove remoteAccess from eks\.ManagedNodeGroup "mng" and use SSM Session Manager/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksNodeGroupSshRestricted, types.cluster, {}).notApplicable ?? "", /does not apply/);
    });
});
