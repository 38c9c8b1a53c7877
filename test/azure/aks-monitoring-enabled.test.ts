import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksMonitoringEnabled as policy } from "../../policies/azure/aks-monitoring-enabled";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

describe("aks-monitoring-enabled", () => {
    it("passes the omsagent add-on, whatever the key's case", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewClusterType, cluster({ addonProfiles: { omsAgent: { enabled: true } } }));
        expectClean(policy, clusterType, cluster({ addonProfiles: { OMSAGENT: { enabled: "true" as never } } }));
    });

    it("passes azureMonitorProfile metrics without the add-on", () => {
        expectClean(policy, clusterType, cluster({ addonProfiles: undefined, azureMonitorProfile: { metrics: { enabled: true } } }));
    });

    it("flags a disabled add-on without azureMonitorProfile", () => {
        expectOne(policy, clusterType, cluster({ addonProfiles: { omsagent: { enabled: false } } }), /^ManagedCluster "test": addonProfiles\.omsagent is not enabled and azureMonitorProfile enables no monitoring/);
        expectOne(policy, clusterType, cluster({ addonProfiles: { omsagent: { enabled: false } }, azureMonitorProfile: { metrics: { enabled: false } } }), /omsagent/);
    });

    it("flags absent monitoring, on both tokens, and wrong types", () => {
        expectOne(policy, clusterType, cluster({ addonProfiles: undefined }), /is not enabled/);
        expectOne(policy, previewClusterType, cluster({ addonProfiles: {} }), /is not enabled/);
        expectOne(policy, clusterType, cluster({ addonProfiles: ["omsagent"] as never, azureMonitorProfile: "on" as never }), /addonProfiles has the wrong type: expected a map of add-on profiles/);
        expectOne(policy, clusterType, cluster({ addonProfiles: {}, azureMonitorProfile: "on" as never }), /azureMonitorProfile has the wrong type: expected an object, found string "on"/);
        expectOne(policy, clusterType, cluster({ addonProfiles: { omsagent: { enabled: 1 as never } } }), /omsagent\.enabled has the wrong type: expected a boolean, found number 1/);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, clusterType, cluster({ addonProfiles: { omsagent: { enabled: unknownValue<boolean>("bool") } } })).unknown ?? "", /enabled/);
        // A known way on decides, whatever else is unknown.
        expectClean(policy, clusterType, cluster({ addonProfiles: { omsagent: { enabled: unknownValue<boolean>("bool") } }, azureMonitorProfile: { metrics: { enabled: true } } }));
        expectClean(policy, clusterType, cluster({ addonProfiles: unknownValue("object"), azureMonitorProfile: { metrics: { enabled: true } } }));
        assert.match(checkResource(policy, clusterType, cluster({ addonProfiles: unknownValue("object") })).unknown ?? "", /addonProfiles is computed from another resource/);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
