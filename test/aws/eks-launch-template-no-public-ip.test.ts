import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksLaunchTemplateNoPublicIp } from "../../policies/aws/eks-launch-template-no-public-ip";
import { checkResource, checkStack } from "../harness";
import { hardenedStack, launchConfiguration, launchTemplate, madeByCluster, types, urnOf, withProps } from "./fixtures";

const check = (t: object, type = types.launchTemplate) => checkResource(eksLaunchTemplateNoPublicIp, type, t, { name: "c-launchTemplate", ...madeByCluster(type, "c-launchTemplate") });

describe("eks-launch-template-no-public-ip", () => {
    it("passes interfaces without a public IP, and a template without interfaces", () => {
        assert.deepStrictEqual(check(launchTemplate()).violations, []);
        const { networkInterfaces: _, ...plain } = launchTemplate();
        assert.deepStrictEqual(check(plain).violations, []);
        assert.deepStrictEqual(check({ ...launchTemplate(), networkInterfaces: [{ deviceIndex: 0 }] }).violations, []);
    });

    it("flags the @pulumi/eks default (associatePublicIpAddress \"true\"), with the component argument as the fix", () => {
        const r = check({ ...launchTemplate(), networkInterfaces: [{ deviceIndex: 0 }, { deviceIndex: 1, associatePublicIpAddress: "true" }] });
        assert.deepStrictEqual(r.violations, [
            'LaunchTemplate "c-launchTemplate": networkInterfaces[1].associatePublicIpAddress is "true", so every node gets a public IP address. Fix: set nodeAssociatePublicIpAddress: false on eks.Cluster "c" (inside nodeGroupOptions if you use it: with nodeGroupOptions the cluster\'s own node arguments are ignored)',
        ]);
        assert.strictEqual(check({ ...launchTemplate(), networkInterfaces: [{ associatePublicIpAddress: true }] }).violations.length, 1);
    });

    it("flags a launch configuration that asks for public IPs", () => {
        assert.deepStrictEqual(check(launchConfiguration(), types.launchConfiguration).violations, []);
        assert.match(check({ ...launchConfiguration(), associatePublicIpAddress: true }, types.launchConfiguration).violations[0], /^LaunchConfiguration "c-launchTemplate": associatePublicIpAddress is true/);
    });

    it("reports values of the wrong type as such, and never passes them", () => {
        assert.match(check({ ...launchTemplate(), networkInterfaces: "eth0" }).violations[0], /networkInterfaces has the wrong type: expected an array of network interfaces, found string "eth0"/);
        assert.match(check({ ...launchTemplate(), networkInterfaces: [null, "x", { associatePublicIpAddress: "maybe" }] }).violations[0], /networkInterfaces\[2\]\.associatePublicIpAddress has the wrong type/);
    });

    it("defers an unknown value by name, and still reports the other interfaces", () => {
        const r = check({ ...launchTemplate(), networkInterfaces: [{ associatePublicIpAddress: unknownValue<string>("string") }, { associatePublicIpAddress: "true" }] });
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.unknown ?? "", /networkInterfaces\[0\]\.associatePublicIpAddress/);
    });

    it("judges other templates at AnalyzeStack when node groups launch from them", () => {
        const stack = withProps(hardenedStack(), "prod-nodes", (p) => ({ ...p, networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "true" }] }));
        const r = checkStack(eksLaunchTemplateNoPublicIp, stack, { dryRun: false });
        assert.deepStrictEqual(r.violations.map((v) => v.urn), [urnOf(types.launchTemplate, "prod-nodes")]);
        assert.match(r.violations[0].message, /Fix: remove it or set associatePublicIpAddress: "false"$/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksLaunchTemplateNoPublicIp, types.subnet, {}).notApplicable ?? "", /does not apply/);
    });
});
