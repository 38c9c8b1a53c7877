import type { LaunchConfigurationArgs } from "@pulumi/aws/ec2/launchConfiguration";
import type { LaunchTemplateArgs } from "@pulumi/aws/ec2/launchTemplate";
import { aws, type CredentialInText, credentialsInText, isUnknown, nsaHardening, peek, typescriptFix, wrongType } from "../core";
import { fetchSecretAtBoot } from "./components";
import { bootstrapsEksNode, nodeTypes } from "./node-links";
import { launchSpecPolicy, type Sink } from "./node-settings";
import { decodeUserData } from "./user-data";

/** The user data fields: base64 on a launch template; plain or base64 on a launch configuration. */
const templateFields: readonly (keyof LaunchTemplateArgs)[] = ["userData"];
const configurationFields: readonly (keyof LaunchConfigurationArgs)[] = ["userData", "userDataBase64"];

/**
 * EKS bootstrap arguments that are public: the cluster CA certificate (base64) given to bootstrap.sh
 * (AL2, and the B64_CLUSTER_CA variable AWS's examples pass to it), nodeadm's NodeConfig (AL2023),
 * Bottlerocket's settings.kubernetes and the Windows bootstrap script. Blanked before the search.
 */
const clusterCa = String.raw`["']?[A-Za-z0-9+/=]+["']?`;
const publicBootstrapValues: readonly RegExp[] = [
    new RegExp(String.raw`--b64-cluster-ca(?:=|\s+)${clusterCa}`, "g"),
    new RegExp(String.raw`\bB64_CLUSTER_CA=${clusterCa}`, "g"),
    new RegExp(String.raw`["']?\bcertificateAuthority["']?\s*:\s*${clusterCa}`, "g"),
    new RegExp(String.raw`["']?\bcluster-certificate["']?\s*=\s*${clusterCa}`, "g"),
    new RegExp(String.raw`-Base64ClusterCA\s+${clusterCa}`, "gi"),
];

const exposure = (what: string) =>
    `anyone who can describe the ${what}, read the stack's state or reach the node's instance metadata service (pods too, where the hop limit allows) can read it`;
const fix = `remove the credential from the user data, ${fetchSecretAtBoot}`;
const shown = 5;

/** `an AWS access key id on line 2`, `a password assigned to DB_PASSWORD on line 4 of the base64-encoded MIME part at line 9`. */
function describe(found: (CredentialInText & { where: string })[]): string {
    const items = found.slice(0, shown).map((c) => `${c.kind}${c.assignedTo ? ` assigned to ${c.assignedTo}` : ""} on ${c.where}`);
    if (found.length > shown) return `${items.join(", ")}, and ${found.length - shown} more`;
    return items.length === 1 ? items[0] : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function judgeField(props: unknown, field: string, what: string, sink: Sink): void {
    const raw = peek(props, field);
    if (isUnknown(raw)) return sink.defer(field);
    if (raw === undefined || raw === null || raw === "") return;
    if (typeof raw !== "string") return sink.violation(field, wrongType("a string (the user data)", raw, field), "pass the user data as a string without credentials");
    const decoded = decodeUserData(raw);
    const as = decoded.encodings.length > 0 ? ` (decoded from ${decoded.encodings.join(", then ")})` : "";
    if (decoded.unreadable) {
        sink.violation(field, `${decoded.unreadable}, so it could not be searched for credentials`, "keep the user data small and uncompressed where it can be read, and fetch larger files at boot (e.g. from S3)");
    }
    const found = decoded.texts.flatMap((t) => credentialsInText(t.text, { publicValues: publicBootstrapValues }).map((c) => ({ ...c, where: t.where(c.line) })));
    if (found.length > 0) sink.violation(field, `holds ${describe(found)} of the user data${as}: ${exposure(what)}`, fix);
}

export const eksNodeUserDataNoSecrets = launchSpecPolicy({
    name: "eks-node-user-data-no-secrets",
    displayName: "Node user data holds no credentials",
    description:
        "The user data of launch templates and launch configurations that back Kubernetes nodes holds no credential: no AWS access " +
        "key, private key, token, password or URL with a password, by value or assigned to a credential's name (references such as " +
        "`$(aws ssm get-parameter ...)`, `${SECRET}` or `{{resolve:...}}`, and the cluster CA the bootstrap takes, are not credentials). " +
        "User data is read base64-decoded, gunzipped (EKS user data is often gzipped MIME multipart) and MIME-part by part, up to 256 KiB. " +
        "A value from Pulumi secret configuration is still a credential here: EC2 returns user data in plain text. Launch configurations keep " +
        "only a hash of `userData` in the provider's state, so on state only their `userDataBase64` can be judged.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["aws", "nodes"],
    alsoCites: [nsaHardening("Network separation and hardening", "Secrets")],
    why:
        "EC2 keeps user data in plain text: anyone who can describe the launch template or instance, read the stack's state, or " +
        "reach the node's instance metadata service can read a credential written into it.",
    fixExample: typescriptFix(`
        const template = new aws.ec2.LaunchTemplate("nodes", {
            // No literal credential: the node fetches it at boot with its instance role.
            userData: Buffer.from([
                "#!/bin/bash",
                "DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)",
                "/etc/eks/bootstrap.sh prod",
            ].join("\\n")).toString("base64"),
        });
    `),
    remediationSteps:
        "Remove the credential from the `userData` of the aws.ec2.LaunchTemplate (or `userData` / `userDataBase64` of the " +
        "aws.ec2.LaunchConfiguration) the nodes launch from. Give the node AWS access through its instance profile (IAM role), " +
        "never access keys, and have the user data fetch other secrets at boot with that role, e.g. " +
        "`DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)` " +
        "(or `aws ssm get-parameter --with-decryption`). Then rotate the credential: it stays in earlier template versions and in the " +
        "stack's state history. For @pulumi/eks, remove it from the component argument the user data is made from: `nodeUserData`, " +
        "`nodeUserDataOverride`, `nodeadmExtraOptions`, `kubeletExtraArgs` or `bootstrapExtraArgs` (`userData` on eks.ManagedNodeGroup).",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-metadata.html",
    // A launch configuration stores a hash of its userData, so one whose user data bootstraps EKS is judged on its inputs.
    alsoByItself: (r) =>
        nodeTypes.launchConfiguration.has(r.type) && (bootstrapsEksNode(peek(r.props, "userData")) || bootstrapsEksNode(peek(r.props, "userDataBase64"))),
    check: (type, props, _config, sink) => {
        const template = aws.launchTemplate.has(type);
        for (const field of template ? templateFields : configurationFields) judgeField(props, field, template ? "launch template" : "launch configuration", sink);
    },
});
