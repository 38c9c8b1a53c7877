import type { AccessPolicyAssociationArgs } from "@pulumi/aws/eks/accessPolicyAssociation";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksClusterAdminAccess } from "../../policies/aws/eks-cluster-admin-access";
import { checkResource } from "../harness";
import { accessPolicyAssociation, account, types, urnOf } from "./fixtures";

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

    it("judges an unknown principal against an empty allow-list, and defers it against a non-empty one", () => {
        // Nobody is on an empty allow-list, so the principal's value does not matter.
        assert.match(check(admin({ principalArn: unknownValue<string>("string") })).violations[0], /making the principal an administrator of the whole cluster/);
        const r = checkResource(eksClusterAdminAccess, types.accessPolicyAssociation, admin({ principalArn: unknownValue<string>("string") }), {
            name: "admin",
            config: { allowedPrincipalArns: ["arn:aws:iam::111122223333:role/break-glass"] },
        });
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /AccessPolicyAssociation "admin": principalArn is computed from another resource, so whether allowedPrincipalArns lists it; not known until deploy/);
        assert.match(check(admin({ policyArn: unknownValue<string>("string") })).unknown ?? "", /policyArn is computed from another resource/);
    });

    it("names the eks.Cluster accessEntries argument for an association that component made", () => {
        const r = checkResource(eksClusterAdminAccess, types.accessPolicyAssociation, admin({}), {
            name: "c-admins-admin",
            urn: urnOf(types.accessPolicyAssociation, "c-admins-admin", ["eks:index:Cluster", types.accessEntry]),
            parent: urnOf(types.accessEntry, "c-admins", ["eks:index:Cluster"]),
        });
        assert.match(r.violations[0], /Fix: in the accessEntries argument of the eks\.Cluster, give this access policy a narrower policyArn/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksClusterAdminAccess, types.cluster, {}).notApplicable ?? "", /does not apply/);
    });
});
