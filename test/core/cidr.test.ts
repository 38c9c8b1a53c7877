import * as assert from "assert";
import { cidrContains, cidrContainsAddress, isBroaderThan, isOpenToWorld, parseCidr } from "../../policies/core";

describe("core/cidr", () => {
    it("parses ranges and bare addresses, rejects garbage", () => {
        assert.strictEqual(parseCidr("10.0.0.0/8")?.prefix, 8);
        assert.strictEqual(parseCidr("203.0.113.7")?.prefix, 32);
        assert.strictEqual(parseCidr("2001:db8::/32")?.family, "ipv6");
        assert.strictEqual(parseCidr("10.0.0.0/33"), undefined);
        assert.strictEqual(parseCidr("not-a-cidr"), undefined);
        assert.strictEqual(parseCidr(42), undefined);
    });

    it("knows what is open to the world", () => {
        assert.ok(isOpenToWorld(parseCidr("0.0.0.0/0")!));
        assert.ok(isOpenToWorld(parseCidr("::/0")!));
        assert.ok(!isOpenToWorld(parseCidr("0.0.0.0/1")!));
    });

    it("judges containment and breadth", () => {
        assert.ok(cidrContains(parseCidr("0.0.0.0/0")!, parseCidr("169.254.169.254/32")!));
        assert.ok(!cidrContains(parseCidr("10.0.0.0/8")!, parseCidr("169.254.169.254")!));
        assert.ok(cidrContainsAddress(parseCidr("169.254.0.0/16")!, "169.254.169.254"));
        assert.ok(cidrContainsAddress(parseCidr("fd00:ec2::/64")!, "fd00:ec2::254"));
        assert.ok(!cidrContainsAddress(parseCidr("10.0.0.0/8")!, "fd00:ec2::254"));
        const minimum = { ipv4: 8, ipv6: 32 };
        assert.ok(isBroaderThan(parseCidr("10.0.0.0/7")!, minimum));
        assert.ok(!isBroaderThan(parseCidr("10.0.0.0/8")!, minimum));
        assert.ok(!isBroaderThan(parseCidr("2001:db8::/48")!, minimum));
        assert.ok(isBroaderThan(parseCidr("2001::/16")!, minimum));
    });
});
