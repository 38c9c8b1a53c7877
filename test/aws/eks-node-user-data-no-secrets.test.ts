import * as assert from "assert";
import { gzipSync } from "zlib";
import { unknownValue } from "../../engine/wire";
import { eksNodeUserDataNoSecrets } from "../../policies/aws/eks-node-user-data-no-secrets";
import { decodeUserData, maxDecodedBytes } from "../../policies/aws/user-data";
import { modelFor } from "../capture/providers";
import { checkResource, checkStack } from "../harness";
import { hardenedStack, launchConfiguration, launchTemplate, madeByCluster, nodeadmUserData, selfManagedStack, types, urnOf, withProps } from "./fixtures";

// Credential-shaped values are assembled at run time, so none sits in the repository as a literal.
const awsKeyId = ["AKIA", "IOSFODNN7EXAMPLE"].join("");
const awsSecret = ["wJalrXUtnFEMI", "/K7MDENG/bPxRfiCYEXAMPLEKEY"].join("");
const pemKey = ["-----BEGIN RSA PRIVATE", "KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE", "KEY-----"].join(" ");
const githubToken = ["ghp_", "a".repeat(36)].join("");
const slackToken = ["xoxb-", "1234567890-abcdefghij"].join("");
const jwt = ["eyJhbGciOiJIUzI1NiJ9", "eyJzdWIiOiIxMjM0NTY3ODkwIn0", "c2lnbmF0dXJl"].join(".");
const dbPassword = ["hunter", "2-prod"].join("");
const bearer = ["Bearer", "abcdefghijklmnopqrstuvwx"].join(" ");
const caData = Buffer.from("-----BEGIN CERTIFICATE-----\nMIIC5zCCAc+gAwIBAgIBADANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDEwprdWJl\n-----END CERTIFICATE-----\n").toString("base64");

const b64 = (text: string) => Buffer.from(text).toString("base64");
const script = (...lines: string[]) => ["#!/bin/bash", "set -o xtrace", ...lines].join("\n");
/** AL2 user data: bootstrap.sh with the cluster CA, which is public and must not count as a credential. */
const al2 = (...lines: string[]) => script(...lines, `/etc/eks/bootstrap.sh prod --b64-cluster-ca ${caData} --apiserver-endpoint https://ABC.gr7.eu-west-1.eks.amazonaws.com`);
/** AL2023 user data: nodeadm NodeConfig with the CA, and a shell part. */
const nodeadm = (...lines: string[]) =>
    [
        "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="BOUNDARY"',
        "",
        "--BOUNDARY",
        "Content-Type: application/node.eks.aws",
        "",
        "---",
        "apiVersion: node.eks.aws/v1alpha1",
        "kind: NodeConfig",
        "spec:",
        "  cluster:",
        "    name: prod",
        "    apiServerEndpoint: https://ABC.gr7.eu-west-1.eks.amazonaws.com",
        `    certificateAuthority: ${caData}`,
        "    cidr: 172.20.0.0/16",
        "",
        "--BOUNDARY",
        'Content-Type: text/x-shellscript; charset="us-ascii"',
        "",
        script(...lines),
        "",
        "--BOUNDARY--",
        "",
    ].join("\n");

/** The secure way: the secret is fetched at boot with the node's instance role. */
const fetchAtBoot = [
    'DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)"',
    "REGISTRY_TOKEN=$(aws ssm get-parameter --name /prod/registry --with-decryption --query Parameter.Value --output text)",
    'echo "$REGISTRY_TOKEN" | docker login --username ci --password-stdin registry.example.com',
];

const check = (props: object, type = types.launchTemplate, options = {}) =>
    checkResource(eksNodeUserDataNoSecrets, type, props, { name: "c-launchTemplate", dryRun: false, ...madeByCluster(type, "c-launchTemplate"), ...options });
const withUserData = (userData: unknown) => ({ ...launchTemplate(), userData });

describe("eks-node-user-data-no-secrets", () => {
    describe("hardened user data passes", () => {
        it("passes no user data, and bootstrap user data that fetches its secrets at boot", () => {
            assert.deepStrictEqual(check(launchTemplate()).violations, []);
            assert.deepStrictEqual(check(withUserData("")).violations, []);
            assert.deepStrictEqual(check(withUserData(nodeadmUserData)).violations, []);
            assert.deepStrictEqual(check(withUserData(b64(al2(...fetchAtBoot)))).violations, []);
            assert.deepStrictEqual(check(withUserData(b64(nodeadm(...fetchAtBoot)))).violations, []);
            assert.deepStrictEqual(check(withUserData(gzipSync(nodeadm(...fetchAtBoot)).toString("base64"))).violations, []);
        });

        it("does not take the cluster CA, references, file paths, placeholders or switches for credentials", () => {
            const benign = [
                'export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY}"',
                "export GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/sa.json",
                "PASSWORD_FILE=/etc/app/password",
                "TOKEN_TTL=3600",
                "password: <password>",
                "AUTH_ENABLED=true",
                "B64_CLUSTER_CA=" + caData,
                "ssh_public_key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHqxb ops@example.com",
            ];
            assert.deepStrictEqual(check(withUserData(b64(al2(...benign)))).violations, []);
        });
    });

    describe("each kind of credential", () => {
        const cases: { what: string; line: string; kind: RegExp; secret: string }[] = [
            { what: "an AWS access key id", line: `export AWS_ACCESS_KEY_ID=${awsKeyId}`, kind: /an AWS access key id on line 3/, secret: awsKeyId },
            { what: "an AWS secret access key", line: `aws configure set aws_secret_access_key ${awsSecret}`, kind: /an AWS secret access key assigned to aws_secret_access_key on line 3/, secret: awsSecret },
            { what: "a PEM private key", line: `cat > /etc/pki/node.key <<EOF\n${pemKey}\nEOF`, kind: /a PEM private key on line 4/, secret: "MIIEpAIBAAKCAQEA" },
            { what: "a bearer token", line: `curl -H "Authorization: ${bearer}" https://api.example.com`, kind: /a bearer token on line 3/, secret: bearer },
            { what: "a GitHub token", line: `git clone https://x-access-token:${githubToken}@github.com/org/repo`, kind: /a GitHub token on line 3/, secret: githubToken },
            { what: "a Slack token", line: `SLACK=${slackToken}`, kind: /a Slack token on line 3/, secret: slackToken },
            { what: "a JSON Web Token", line: `KUBE_JWT=${jwt}`, kind: /a JSON Web Token on line 3/, secret: jwt },
            { what: "a URL with an embedded password", line: `DATABASE_URL=postgres://app:${dbPassword}@db.internal:5432/app`, kind: /a URL with an embedded password on line 3/, secret: dbPassword },
            {
                what: "a connection string with a password",
                line: `CONN="Server=db;Database=app;User Id=app;Password=${dbPassword};"`,
                kind: /a connection string with a password on line 3/,
                secret: dbPassword,
            },
            { what: "a password by its name", line: `export DB_PASSWORD='${dbPassword}'`, kind: /a password assigned to DB_PASSWORD on line 3/, secret: dbPassword },
            { what: "a docker login password", line: `docker login -u ci -p ${dbPassword} registry.example.com`, kind: /a password assigned to login -p on line 3/, secret: dbPassword },
            { what: "basic credentials to curl", line: `curl -u admin:${dbPassword} https://nexus.internal/repo`, kind: /a password assigned to curl -u on line 3/, secret: dbPassword },
        ];
        for (const c of cases) {
            it(`flags ${c.what}, naming the kind and line, never the value`, () => {
                const r = check(withUserData(b64(script(c.line))));
                assert.strictEqual(r.violations.length, 1, r.violations.join("\n"));
                const [v] = r.violations;
                assert.match(v, /^LaunchTemplate "c-launchTemplate": userData holds /);
                assert.match(v, c.kind);
                assert.ok(!v.includes(c.secret), v);
            });
        }

        it("says why user data is readable, and gives the component argument as the fix", () => {
            const [v] = check(withUserData(b64(al2(`export DB_PASSWORD=${dbPassword}`)))).violations;
            assert.match(
                v,
                /userData holds a password assigned to DB_PASSWORD on line 3 of the user data \(decoded from base64\): anyone who can describe the launch template, read the stack's state or reach the node's instance metadata service \(pods too, where the hop limit allows\) can read it\. Fix: /,
            );
            assert.match(v, /Fix: remove the credential from nodeUserData or nodeGroupOptions on eks\.Cluster "c" .*aws secretsmanager get-secret-value/);
        });

        it("lists several findings, and counts those beyond five", () => {
            const lines = Array.from({ length: 7 }, (_, i) => `export DB_PASSWORD_${i}=${dbPassword}${i}`);
            const [v] = check(withUserData(b64(script(...lines)))).violations;
            assert.match(v, /on line 3, .* on line 7, and 2 more of the user data/);
        });
    });

    describe("encodings", () => {
        const secretLine = `export DB_PASSWORD=${dbPassword}`;

        it("reads launch template user data as base64, gzip and base64-encoded MIME parts", () => {
            assert.match(check(withUserData(gzipSync(al2(secretLine)).toString("base64"))).violations[0], /on line 3 of the user data \(decoded from base64, then gzip\)/);
            const part = b64(script(secretLine));
            const mime = ["MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="B"', "", "--B", "Content-Type: text/x-shellscript", "Content-Transfer-Encoding: base64", "", part, "--B--", ""].join("\n");
            assert.match(check(withUserData(b64(mime))).violations[0], /a password assigned to DB_PASSWORD on line 3 of the base64-encoded MIME part at line 8 of the user data/);
        });

        it("reads plain text too, and takes invalid base64 as plain text without crashing", () => {
            assert.match(check(withUserData(script(secretLine))).violations[0], /on line 3 of the user data: /);
            assert.deepStrictEqual(check(withUserData("%%%not base64===")).violations, []);
            assert.deepStrictEqual(check(withUserData("QUJD=")).violations, []);
            assert.deepStrictEqual(check(withUserData(b64("\u0000\u0001binary"))).violations, []);
        });

        it("reads both user data fields of a launch configuration: userData plain, userDataBase64 base64 or gzip", () => {
            const lc = (props: object) => check({ ...launchConfiguration(), ...props }, types.launchConfiguration);
            assert.deepStrictEqual(lc({}).violations, []);
            assert.deepStrictEqual(lc({ userData: al2(...fetchAtBoot) }).violations, []);
            assert.match(lc({ userData: al2(secretLine) }).violations[0], /^LaunchConfiguration "c-launchTemplate": userData holds a password assigned to DB_PASSWORD on line 3 of the user data: anyone who can describe the launch configuration/);
            assert.match(lc({ userDataBase64: gzipSync(al2(secretLine)).toString("base64") }).violations[0], /userDataBase64 holds a password .* \(decoded from base64, then gzip\)/);
        });

        it("bounds decoding: more than 256 KiB, or gzip that does not decompress, is reported as unreadable, not as a credential", () => {
            const bomb = gzipSync(Buffer.alloc(maxDecodedBytes + 1, "a")).toString("base64");
            const [v] = check(withUserData(bomb)).violations;
            assert.match(v, /userData is gzip-compressed and decompresses to more than the 256 KiB this policy reads, so it could not be searched for credentials/);
            const broken = Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from("not a gzip stream")]).toString("base64");
            assert.match(check(withUserData(broken)).violations[0], /userData is gzip-compressed data that does not decompress/);
            assert.match(check(withUserData("a".repeat(maxDecodedBytes + 1) + "!")).violations[0], /userData is more than the 256 KiB this policy reads/);
            assert.strictEqual(decodeUserData(b64("x".repeat(maxDecodedBytes + 8))).unreadable, "decodes from base64 to more than the 256 KiB this policy reads");
        });
    });

    describe("wrong types and unknowns", () => {
        it("reports user data of the wrong type as such", () => {
            assert.match(check(withUserData(42)).violations[0], /^LaunchTemplate "c-launchTemplate": userData has the wrong type: expected a string \(the user data\), found number \(the value is not shown: the field may hold a credential\)\./);
            assert.match(check(withUserData({ script: "x" })).violations[0], /userData has the wrong type: expected a string \(the user data\), found (an )?object/);
        });

        it("defers unknown user data by field, and still judges the other field", () => {
            const r = checkResource(eksNodeUserDataNoSecrets, types.launchTemplate, withUserData(unknownValue<string>("string")), { name: "c-launchTemplate", ...madeByCluster(types.launchTemplate, "c-launchTemplate") });
            assert.deepStrictEqual(r.violations, []);
            assert.match(r.unknown ?? "", /LaunchTemplate "c-launchTemplate": userData is computed from another resource; not known until deploy, so judged at `pulumi up`/);
            const lc = checkResource(
                eksNodeUserDataNoSecrets,
                types.launchConfiguration,
                { ...launchConfiguration(), userData: unknownValue<string>("string"), userDataBase64: b64(al2(`export DB_PASSWORD=${dbPassword}`)) },
                { name: "ng-nodeLaunchConfiguration", urn: urnOf(types.launchConfiguration, "ng-nodeLaunchConfiguration", ["eks:index:NodeGroup"]), parent: urnOf("eks:index:NodeGroup", "ng") },
            );
            assert.match(lc.violations[0], /userDataBase64 holds a password assigned to DB_PASSWORD/);
            assert.match(lc.unknown ?? "", /userData is computed/);
        });
    });

    describe("which templates it judges", () => {
        it("gives each @pulumi/eks component's user data arguments as the fix", () => {
            const secret = al2(`export DB_PASSWORD=${dbPassword}`);
            const inComponent = (type: string, name: string, component: string, props: object) =>
                checkResource(eksNodeUserDataNoSecrets, type, props, { name, dryRun: false, urn: urnOf(type, name, [component]), parent: urnOf(component, name.split("-")[0]) }).violations[0];
            assert.match(
                inComponent(types.launchConfiguration, "ng-nodeLaunchConfiguration", "eks:index:NodeGroup", { ...launchConfiguration(), userData: secret }),
                /Fix: remove the credential from nodeUserData, nodeUserDataOverride, nodeadmExtraOptions, kubeletExtraArgs or bootstrapExtraArgs on eks\.NodeGroup "ng", and have the node fetch it at boot/,
            );
            assert.match(
                inComponent(types.launchTemplate, "mng-launchTemplate", "eks:index:ManagedNodeGroup", withUserData(b64(secret))),
                /Fix: remove the credential from userData, nodeadmExtraOptions, kubeletExtraArgs or bootstrapExtraArgs on eks\.ManagedNodeGroup "mng"/,
            );
        });

        const secretData = b64(script(`export DB_PASSWORD=${dbPassword}`));

        it("judges at Analyze a template whose user data bootstraps EKS, though no component made it", () => {
            const r = checkResource(eksNodeUserDataNoSecrets, types.launchTemplate, withUserData(b64(nodeadm(`export DB_PASSWORD=${dbPassword}`))), { name: "self", dryRun: false });
            assert.match(r.violations[0], /^LaunchTemplate "self": userData holds a password assigned to DB_PASSWORD on line 22 of the user data .*Fix: remove the credential from the user data, have the node fetch it at boot/);
        });

        it("is not applicable at Analyze to a template that does not bootstrap EKS, which is judged on the stack", () => {
            const r = checkResource(eksNodeUserDataNoSecrets, types.launchTemplate, withUserData(secretData), { name: "web", dryRun: false });
            assert.deepStrictEqual(r.violations, []);
            assert.match(r.notApplicable ?? "", /^LaunchTemplate "web" was not made by an EKS component and its user data does not bootstrap EKS/);
        });

        it("flags, at AnalyzeStack on outputs, the template a managed node group launches from, and ignores templates no node group uses", () => {
            const stack = withProps(hardenedStack(), "prod-nodes", (p) => ({ ...p, userData: secretData, latestVersion: 1, defaultVersion: 1 }));
            const r = checkStack(eksNodeUserDataNoSecrets, stack, { dryRun: false });
            assert.deepStrictEqual(r.violations.map((v) => v.urn), [urnOf(types.launchTemplate, "prod-nodes")]);
            assert.match(r.violations[0].message, /userData holds a password assigned to DB_PASSWORD on line 3 of the user data \(decoded from base64\): .*; NodeGroup "prod-general" launches nodes from it\. Fix: remove the credential/);
            assert.deepStrictEqual(checkStack(eksNodeUserDataNoSecrets, hardenedStack(), { dryRun: false }).violations, []);
            const unused = withProps(stack, "prod-general", (p) => ({ ...p, launchTemplate: { id: "lt-elsewhere", version: "1" } }));
            assert.deepStrictEqual(checkStack(eksNodeUserDataNoSecrets, unused, { dryRun: false }).violations, []);
            const selfManaged = withProps(selfManagedStack(), "system-nodes", (p) => ({ ...p, userData: secretData }));
            assert.match(checkStack(eksNodeUserDataNoSecrets, selfManaged, { dryRun: false }).violations[0]?.message ?? "", /^LaunchTemplate "system-nodes": userData holds .*; Group "system" launches nodes from it/);
        });

        it("on provider state: a launch configuration keeps only a hash of userData, so its userDataBase64 is what can be judged", () => {
            const state = (inputs: Record<string, unknown>) =>
                modelFor(types.launchConfiguration)!.answer({ type: types.launchConfiguration, name: "legacy-nodes", urn: urnOf(types.launchConfiguration, "legacy-nodes"), inputs, custom: true }, "up").outputs;
            const lc = (inputs: Record<string, unknown>) => ({ ...launchConfiguration(), ...inputs }) as Record<string, unknown>;
            const hashed = state(lc({ userData: script(`export DB_PASSWORD=${dbPassword}`) }));
            assert.match(String(hashed.userData), /^[0-9a-f]{40}$/);
            assert.deepStrictEqual(check(hashed, types.launchConfiguration).violations, []);
            const base64 = state(lc({ userDataBase64: b64(al2(`export DB_PASSWORD=${dbPassword}`)) }));
            assert.match(check(base64, types.launchConfiguration).violations[0], /userDataBase64 holds a password assigned to DB_PASSWORD/);
        });

        it("is not applicable to other types", () => {
            assert.match(checkResource(eksNodeUserDataNoSecrets, types.subnet, {}).notApplicable ?? "", /does not apply/);
        });
    });
});
