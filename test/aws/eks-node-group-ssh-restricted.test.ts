import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksNodeGroupSshRestricted } from "../../policies/aws/eks-node-group-ssh-restricted";
import { checkResource } from "../harness";
import { nodeGroup, types } from "./fixtures";

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

    it("survives wrong types", () => {
        assert.deepStrictEqual(check({ ...withoutTemplate, remoteAccess: "ssh" }).violations, []);
        assert.strictEqual(check({ ...withoutTemplate, remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: "sg-1" } }).violations.length, 1);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check({ ...withoutTemplate, remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: unknownValue<string[]>("array") } });
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /sourceSecurityGroupIds/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksNodeGroupSshRestricted, types.cluster, {}).notApplicable ?? "", /does not apply/);
    });
});
