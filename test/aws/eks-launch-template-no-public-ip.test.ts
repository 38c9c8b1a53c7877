import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksLaunchTemplateNoPublicIp } from "../../policies/aws/eks-launch-template-no-public-ip";
import { checkResource } from "../harness";
import { launchTemplate, types } from "./fixtures";

const check = (t: object) => checkResource(eksLaunchTemplateNoPublicIp, types.launchTemplate, t, { name: "nodes" });

describe("eks-launch-template-no-public-ip", () => {
    it("passes interfaces without a public IP, and a template without interfaces", () => {
        assert.deepStrictEqual(check(launchTemplate()).violations, []);
        const { networkInterfaces: _, ...plain } = launchTemplate();
        assert.deepStrictEqual(check(plain).violations, []);
        assert.deepStrictEqual(check({ ...launchTemplate(), networkInterfaces: [{ deviceIndex: 0 }] }).violations, []);
    });

    it("flags associatePublicIpAddress true on any interface", () => {
        const r = check({ ...launchTemplate(), networkInterfaces: [{ deviceIndex: 0 }, { deviceIndex: 1, associatePublicIpAddress: "true" }] });
        assert.deepStrictEqual(r.violations, [
            'LaunchTemplate "nodes": networkInterfaces[1].associatePublicIpAddress is "true", so every node gets a public IP address. Fix: remove it or set associatePublicIpAddress: "false"',
        ]);
        assert.strictEqual(check({ ...launchTemplate(), networkInterfaces: [{ associatePublicIpAddress: true }] }).violations.length, 1);
    });

    it("survives wrong types", () => {
        assert.deepStrictEqual(check({ ...launchTemplate(), networkInterfaces: "eth0" }).violations, []);
        assert.deepStrictEqual(check({ ...launchTemplate(), networkInterfaces: [null, "x", { associatePublicIpAddress: "maybe" }] }).violations, []);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check({ ...launchTemplate(), networkInterfaces: [{ associatePublicIpAddress: unknownValue<string>("string") }] });
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /associatePublicIpAddress/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksLaunchTemplateNoPublicIp, types.subnet, {}).notApplicable ?? "", /does not apply/);
    });
});
