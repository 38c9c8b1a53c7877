// The AKS cluster a new user gets from Pulumi's own template (pulumi/templates kubernetes-azure-typescript,
// index.ts as of 2026-08): a resource group, a virtual network with three subnets, and a ManagedCluster with
// one system agent pool, an SSH key, Entra ID integration and an API server open to 0.0.0.0/0. The template
// reads the values below from stack config; they are its defaults, and an example group and key for the two
// values it requires.
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";

const numWorkerNodes = 3;
const k8sVersion = "1.33";
const prefixForDns = "pulumi";
const nodeVmSize = "Standard_DS2_v2";
const mgmtGroupId = "11111111-2222-3333-4444-555555555555";
const sshPubKey = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCexample user@example";

const resourceGroup = new resources.ResourceGroup("resourceGroup", {});

const virtualNetwork = new network.VirtualNetwork("virtualNetwork", {
    addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
    resourceGroupName: resourceGroup.name,
});

const subnet1 = new network.Subnet("subnet1", {
    addressPrefix: "10.0.0.0/22",
    resourceGroupName: resourceGroup.name,
    virtualNetworkName: virtualNetwork.name,
});
new network.Subnet("subnet2", { addressPrefix: "10.0.4.0/22", resourceGroupName: resourceGroup.name, virtualNetworkName: virtualNetwork.name });
new network.Subnet("subnet3", { addressPrefix: "10.0.8.0/22", resourceGroupName: resourceGroup.name, virtualNetworkName: virtualNetwork.name });

const managedCluster = new containerservice.ManagedCluster("managedCluster", {
    aadProfile: {
        enableAzureRBAC: true,
        managed: true,
        adminGroupObjectIDs: [mgmtGroupId],
    },
    addonProfiles: {},
    agentPoolProfiles: [
        {
            availabilityZones: ["1", "2", "3"],
            count: numWorkerNodes,
            enableNodePublicIP: false,
            mode: "System",
            name: "systempool",
            osType: "Linux",
            osDiskSizeGB: 30,
            type: "VirtualMachineScaleSets",
            vmSize: nodeVmSize,
            vnetSubnetID: subnet1.id,
        },
    ],
    apiServerAccessProfile: {
        authorizedIPRanges: ["0.0.0.0/0"],
        enablePrivateCluster: false,
    },
    dnsPrefix: prefixForDns,
    enableRBAC: true,
    identity: { type: "SystemAssigned" },
    kubernetesVersion: k8sVersion,
    linuxProfile: {
        adminUsername: "azureuser",
        ssh: { publicKeys: [{ keyData: sshPubKey }] },
    },
    networkProfile: {
        networkPlugin: "azure",
        networkPolicy: "azure",
        serviceCidr: "10.96.0.0/16",
        dnsServiceIP: "10.96.0.10",
    },
    resourceGroupName: resourceGroup.name,
});

const creds = containerservice.listManagedClusterUserCredentialsOutput({
    resourceGroupName: resourceGroup.name,
    resourceName: managedCluster.name,
});
export const kubeconfig = creds.kubeconfigs[0].value.apply((enc) => Buffer.from(enc, "base64").toString());
export const clusterName = managedCluster.name;
