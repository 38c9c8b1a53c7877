import type { AccessPolicyAssociationArgs } from "@pulumi/aws/eks/accessPolicyAssociation";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksClusterAdminAccess } from "../../policies/aws/eks-cluster-admin-access";
import { checkResource } from "../harness";
import { accessPolicyAssociation, account, types } from "./fixtures";

const adminPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";
const check = (a: object, config?: Record<string, unknown>) => checkResource(eksClusterAdminAccess, types.accessPolicyAssociation, a, { name: "admin", config });
const admin = (change: Partial<AccessPolicyAssociationArgs> = {}): AccessPolicyAssociationArgs => ({
    ...accessPolicyAssociation(),
    policyArn: adminPolicy,
    accessScope: { type: "cluster" },
    ...change,
});

describe("eks-cluster-admin-access", () => {
    it("is advisory", () => {
        assert.strictEqual(eksClusterAdminAccess.enforcementLevel, "advisory");
    });

    it("passes narrower policies and cluster admin scoped to namespaces", () => {
        assert.deepStrictEqual(check(accessPolicyAssociation()).violations, []);
        assert.deepStrictEqual(check(admin({ accessScope: { type: "namespace", namespaces: ["team-a"] } })).violations, []);
        assert.deepStrictEqual(check(admin({ policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy" })).violations, []);
    });

    it("flags AmazonEKSClusterAdminPolicy at cluster scope", () => {
        const [v] = check(admin()).violations;
        assert.match(v, new RegExp(`^AccessPolicyAssociation "admin": accessScope\\.type is "cluster" with AmazonEKSClusterAdminPolicy, making "arn:aws:iam::${account}:role/team-a" an administrator of the whole cluster`));
    });

    it("allows listed principals, with * wildcards across path segments", () => {
        const principal = `arn:aws:iam::${account}:role/platform/break-glass`;
        assert.deepStrictEqual(check(admin({ principalArn: principal }), { allowedPrincipalArns: [principal] }).violations, []);
        assert.deepStrictEqual(check(admin({ principalArn: principal }), { allowedPrincipalArns: [`arn:aws:iam::${account}:role/platform/*`] }).violations, []);
        assert.strictEqual(check(admin(), { allowedPrincipalArns: [`arn:aws:iam::${account}:role/platform/*`] }).violations.length, 1);
    });

    it("survives wrong types", () => {
        assert.deepStrictEqual(check({ ...admin(), accessScope: "cluster" }).violations, []);
        assert.deepStrictEqual(check({ ...admin(), policyArn: 7 }).violations, []);
        assert.match(check({ ...admin(), principalArn: ["x"] }).violations[0], /making the principal an administrator/);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check(admin({ principalArn: unknownValue<string>("string") }));
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /principalArn/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksClusterAdminAccess, types.cluster, {}).notApplicable ?? "", /does not apply/);
    });
});
