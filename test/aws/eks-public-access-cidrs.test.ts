import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksPublicAccessCidrs } from "../../policies/aws/eks-public-access-cidrs";
import { checkResource } from "../harness";
import { cluster, types } from "./fixtures";

const withVpc = (vpc: Partial<ClusterArgs["vpcConfig"] & object>): ClusterArgs => ({ ...cluster(), vpcConfig: { subnetIds: ["s"], ...vpc } });
const check = (c: object, config?: Record<string, unknown>) => checkResource(eksPublicAccessCidrs, types.cluster, c, { name: "prod", config });

describe("eks-public-access-cidrs", () => {
    it("passes a private endpoint and a public one limited to narrow ranges", () => {
        assert.deepStrictEqual(check(cluster()).violations, []);
        assert.deepStrictEqual(check(withVpc({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.10/32", "198.51.100.0/24", "2001:db8::/56"] })).violations, []);
    });

    it("flags 0.0.0.0/0 and ::/0", () => {
        const r = check(withVpc({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.10/32", "0.0.0.0/0", "::/0"] }));
        assert.strictEqual(r.violations.length, 2);
        assert.match(r.violations[0], /^Cluster "prod": vpcConfig\.publicAccessCidrs\[1\] is "0\.0\.0\.0\/0", which opens the API endpoint to the whole internet\. Fix: /);
        assert.match(r.violations[1], /publicAccessCidrs\[2\] is "::\/0"/);
    });

    it("flags ranges broader than the configured minimum prefix, per family", () => {
        const r = check(withVpc({ endpointPublicAccess: true, publicAccessCidrs: ["10.0.0.0/8", "2001:db8::/32"] }));
        assert.match(r.violations[0], /\[0\] is "10\.0\.0\.0\/8", broader than the allowed \/24 for ipv4/);
        assert.match(r.violations[1], /\[1\] is "2001:db8::\/32", broader than the allowed \/56 for ipv6/);
        const relaxed = check(withVpc({ endpointPublicAccess: true, publicAccessCidrs: ["10.0.0.0/8"] }), { minimumPrefixIpv4: 8 });
        assert.deepStrictEqual(relaxed.violations, []);
    });

    it("flags the absent list (EKS then allows 0.0.0.0/0), on an explicit or a defaulted public endpoint", () => {
        assert.match(check(withVpc({ endpointPublicAccess: true })).violations[0], /publicAccessCidrs is absent, and EKS then opens the public endpoint to 0\.0\.0\.0\/0/);
        assert.match(check(withVpc({})).violations[0], /publicAccessCidrs is absent/);
        assert.match(check(withVpc({ publicAccessCidrs: [] })).violations[0], /publicAccessCidrs is \[\]/);
    });

    it("flags an invalid CIDR and survives wrong types", () => {
        assert.match(check(withVpc({ publicAccessCidrs: ["not-a-cidr"] })).violations[0], /is "not-a-cidr", which is not a valid CIDR range/);
        assert.match(check({ ...cluster(), vpcConfig: "oops" }).violations[0], /publicAccessCidrs is absent/);
        // A lone string is not read as an empty or a safe list: it is the wrong type, and a finding.
        assert.deepStrictEqual(check(withVpc({ publicAccessCidrs: "0.0.0.0/0" as unknown as string[] })).violations, [
            'Cluster "prod": vpcConfig.publicAccessCidrs has the wrong type: expected an array of CIDR ranges, found string "0.0.0.0/0". Fix: list only your egress ranges, e.g. publicAccessCidrs: ["203.0.113.10/32"], or set vpcConfig.endpointPublicAccess: false',
        ]);
        assert.match(check(withVpc({ publicAccessCidrs: [42 as unknown as string] })).violations[0], /publicAccessCidrs\[0\] has the wrong type: expected a CIDR range string, found number 42/);
        assert.match(check(withVpc({ endpointPublicAccess: "no" as unknown as boolean })).violations.join(), /publicAccessCidrs/);
    });

    it("rejects a bad prefix in config", () => {
        assert.throws(() => check(cluster(), { minimumPrefixIpv4: 40 }), /minimumPrefixIpv4 must be <= 32/);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check(withVpc({ endpointPublicAccess: true, publicAccessCidrs: unknownValue<string[]>("array") }));
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /publicAccessCidrs/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksPublicAccessCidrs, types.nodeGroup, {}).notApplicable ?? "", /does not apply/);
    });
});
