// What both hardened GKE programs build around their cluster, as a team would share it in a module: a
// network whose private nodes reach the internet through Cloud NAT, Cloud KMS keys for Secrets (etcd) and node
// boot disks that the GKE and Compute Engine service agents may use, the nodes' own service account with only
// the role GKE nodes need, and a Binary Authorization project policy that admits only attested images.
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";

export interface FoundationArgs {
    region: string;
    /** The node subnet's range, and its secondary ranges for pods and services (VPC-native). */
    ipCidrRange: string;
    secondaryIpRanges?: { rangeName: string; ipCidrRange: string }[];
}

export function gkeFoundation(prefix: string, args: FoundationArgs) {
    const project = gcp.organizations.getProjectOutput({});
    const projectId = project.apply((p) => p.projectId ?? "");
    const network = new gcp.compute.Network(prefix, { autoCreateSubnetworks: false });
    const subnet = new gcp.compute.Subnetwork(`${prefix}-nodes`, {
        network: network.id,
        region: args.region,
        ipCidrRange: args.ipCidrRange,
        privateIpGoogleAccess: true,
        secondaryIpRanges: args.secondaryIpRanges,
    });
    const router = new gcp.compute.Router(`${prefix}-egress`, { network: network.id, region: args.region });
    new gcp.compute.RouterNat(`${prefix}-egress`, {
        router: router.name,
        region: args.region,
        natIpAllocateOption: "AUTO_ONLY",
        sourceSubnetworkIpRangesToNat: "ALL_SUBNETWORKS_ALL_IP_RANGES",
    });

    const keyRing = new gcp.kms.KeyRing(prefix, { location: args.region });
    const key = (name: string, agent: string) => {
        const cryptoKey = new gcp.kms.CryptoKey(`${prefix}-${name}`, { keyRing: keyRing.id, rotationPeriod: "7776000s" });
        const user = new gcp.kms.CryptoKeyIAMMember(`${prefix}-${name}-agent`, {
            cryptoKeyId: cryptoKey.id,
            role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
            member: pulumi.interpolate`serviceAccount:service-${project.number}@${agent}.iam.gserviceaccount.com`,
        });
        return { cryptoKey, user };
    };
    const secrets = key("secrets", "container-engine-robot");
    const boot = key("boot", "compute-system");

    const nodeAccount = new gcp.serviceaccount.Account(`${prefix}-nodes`, { accountId: `${prefix}-nodes`, displayName: `${prefix} nodes` });
    new gcp.projects.IAMMember(`${prefix}-nodes`, { project: projectId, role: "roles/container.defaultNodeServiceAccount", member: nodeAccount.member });

    new gcp.binaryauthorization.Policy(prefix, {
        globalPolicyEvaluationMode: "ENABLE",
        defaultAdmissionRule: { evaluationMode: "ALWAYS_DENY", enforcementMode: "ENFORCED_BLOCK_AND_AUDIT_LOG" },
    });
    return { projectId, network, subnet, secretsKey: secrets.cryptoKey, bootKey: boot.cryptoKey, keyUsers: [secrets.user, boot.user], nodeAccount };
}
