// Recognising literal credentials by name and by value, without false alarms on paths, references and
// the names of things that are about a credential.
import * as assert from "assert";
import { credentialInValue, credentialKindOfName, credentialsInText, isCredentialPath, isFilePath, isReferenceOnly, literalCredential, looksLikeCredential, mayNameSection, wrongType } from "../../policies/core";

// Test values are assembled at run time, so no credential-shaped literal sits in the repository.
const awsKeyId = ["AKIA", "IOSFODNN7EXAMPLE"].join("");
const sessionKeyId = ["ASIA", "Y34FZKBOKMUTVV7A"].join("");
const pem = ["-----BEGIN RSA PRIVATE", " KEY-----\nMIIEow...\n-----END RSA PRIVATE KEY-----"].join("");
const openssh = ["-----BEGIN OPENSSH PRIVATE", " KEY-----\nb3Blbn...\n"].join("");
const githubToken = ["ghp", "_", "a".repeat(36)].join("");
const fineGrained = ["github", "_pat_", "11ABCDEFG0", "x".repeat(60)].join("");
const slackToken = ["xoxb", "-", "123456789012-1234567890123-abcdefABCDEF"].join("");
const jwt = ["eyJhbGciOiJIUzI1NiJ9", "eyJzdWIiOiIxMjM0NTY3ODkwIn0", "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"].join(".");

describe("core/credentials", () => {
    it("recognises credential names by word, joined words and a final AUTH", () => {
        for (const name of ["DB_PASSWORD", "dbPassword", "api-key", "API_KEY", "APIKEY", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "SMTP_PASS", "privateKey", "GOOGLE_CREDENTIALS", "PWD", "MYSQL_PWD", "PASSWD", "AUTH", "REDIS_AUTH", "password", "auth.password"]) {
            assert.ok(looksLikeCredential(name), name);
        }
    });

    it("does not take names about a credential, or unrelated words, for credentials", () => {
        for (const name of ["LOG_LEVEL", "KEYCLOAK_URL", "MONKEY", "PATH", "TOKENIZER_MODEL", "SECRETARY_EMAIL", "DB_PASSWORD_FILE", "TLS_KEY_PATH", "SSH_KEY_DIR", "AUTH_URL", "AUTH_ENABLED", "TOKEN_SECRET_NAME", "existingSecret", "existingSecretPasswordKey", "key", "KEY", "AUTHOR", "OAUTH_CLIENT_ID", ""]) {
            assert.ok(!looksLikeCredential(name), name);
        }
    });

    it("recognises credentials by their text", () => {
        const cases: [string, string][] = [
            [awsKeyId, "an AWS access key id"],
            [`id=${sessionKeyId}`, "an AWS access key id"],
            [pem, "a PEM private key"],
            [openssh, "a PEM private key"],
            ["Bearer abcdefghijklmnop0123", "a bearer token"],
            [githubToken, "a GitHub token"],
            [fineGrained, "a GitHub token"],
            [slackToken, "a Slack token"],
            [jwt, "a JSON Web Token"],
            ["postgres://app:s3cret@db:5432/shop", "a URL with an embedded password"],
            ["redis://:s3cret@cache:6379/0", "a URL with an embedded password"],
            ["Server=db;Database=shop;User Id=app;Password=s3cret;", "a connection string with a password"],
            ["DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=c2VjcmV0a2V5;EndpointSuffix=core.windows.net", "a connection string with a password"],
        ];
        for (const [value, kind] of cases) assert.strictEqual(credentialInValue(value), kind, value.slice(0, 12));
    });

    it("does not take ordinary values, placeholders and references for credentials", () => {
        for (const value of [
            "info", "https://id.example.com/realms/shop", "postgres://db:5432/shop", "postgres://app@db/shop", "postgres://app:$(DB_PASSWORD)@db/shop",
            "mysql://app:${DB_PASSWORD}@db/shop", "Server=db;Password=;", "Password=$(DB_PASSWORD)", "Bearer $(TOKEN)", "Bearer realm", "AKIA", "-----BEGIN CERTIFICATE-----",
            "ghp_short", "eyJhbGciOi", "/var/secrets/google/key.json",
        ]) {
            assert.strictEqual(credentialInValue(value), undefined, value);
        }
    });

    it("tells file paths and references from literals", () => {
        for (const value of ["/var/secrets/google/key.json", "./creds.json", "~/.aws/credentials", "C:\\keys\\app.pfx"]) assert.ok(isFilePath(value), value);
        for (const value of ["hunter2", "s3cret/path", "http://x/y"]) assert.ok(!isFilePath(value), value);
        for (const value of ["$(DB_PASSWORD)", "$(A)$(B)", "${DB_PASSWORD}", "{{ .Values.password }}"]) assert.ok(isReferenceOnly(value), value);
        for (const value of ["$(A)-suffix", "hunter2", "$$(A)"]) assert.ok(!isReferenceOnly(value), value);
    });

    it("explains a literal without showing it", () => {
        assert.strictEqual(literalCredential("DB_PASSWORD", "hunter2"), "its name marks a credential");
        assert.strictEqual(literalCredential("DB_PIN", 123456), undefined);
        assert.strictEqual(literalCredential("DB_PASSWORD", 123456), "its name marks a credential");
        assert.strictEqual(literalCredential("LOG_LEVEL", pem), "its text looks like a PEM private key");
        assert.strictEqual(literalCredential(undefined, awsKeyId), "its text looks like an AWS access key id");
        for (const [name, value] of [["GOOGLE_APPLICATION_CREDENTIALS", "/var/secrets/google/key.json"], ["DB_PASSWORD", "$(FROM_SECRET)"], ["DB_PASSWORD", "  "], ["DB_PASSWORD", true], ["DB_PASSWORD", { a: 1 }], ["DB_PASSWORD", null]] as [string, unknown][]) {
            assert.strictEqual(literalCredential(name, value), undefined, `${name}=${JSON.stringify(value)}`);
        }
        for (const value of ["hunter2", pem, awsKeyId]) assert.ok(!literalCredential("DB_PASSWORD", value)!.includes(value));
    });

    it("tells which credential names may also name a section of settings (Helm values)", () => {
        for (const name of ["auth", "redisAuth", "secret", "secrets", "credentials", "creds", "AWS_CREDENTIALS"]) assert.ok(mayNameSection(name), name);
        for (const name of ["password", "apiKey", "token", "secretKey", "dbPassword", ""]) assert.ok(!mayNameSection(name), name);
    });
});

// A 40-character AWS secret access key (AWS's documentation example, assembled at run time).
const awsSecret = ["wJalrXUtnFEMI", "/K7MDENG/bPxRfiCYEXAMPLEKEY"].join("");
const lines = (...text: string[]) => text.join("\n");

describe("core/credentials: names and references for texts", () => {
    it("does not take ids, ARNs, key pairs, rules, lookup keys and public keys for credentials", () => {
        for (const name of ["KMS_KEY_ID", "AWS_ACCESS_KEY_ID", "secret-id", "DB_SECRET_ARN", "KEY_PAIR", "TOKEN_TTL", "PASSWORD_MIN_LENGTH", "passwordPolicy", "S3_KEY", "cacheKey", "SSH_PUBLIC_KEY", "publicKey"]) {
            assert.ok(!looksLikeCredential(name), name);
        }
        for (const name of ["S3_SECRET_KEY", "CA_KEY", "SSH_PRIVATE_KEY", "TLS_KEY", "aws_secret_access_key", "AZURE_STORAGE_PRIMARY_KEY", "primaryKey", "PAGERDUTY_ROUTING_KEY"]) assert.ok(looksLikeCredential(name), name);
    });

    it("names what a credential's name says it holds", () => {
        const cases: [string, string][] = [
            ["AWS_SECRET_ACCESS_KEY", "an AWS secret access key"], ["aws_secret_access_key", "an AWS secret access key"], ["SecretAccessKey", "an AWS secret access key"],
            ["AWS_SESSION_TOKEN", "an AWS session token"], ["DB_PASSWORD", "a password"], ["MYSQL_PWD", "a password"], ["SSH_PRIVATE_KEY", "a private key"],
            ["apiKey", "an API key"], ["GITHUB_TOKEN", "a token"], ["CLIENT_SECRET", "a secret"], ["SENTRY_DSN", "a connection string"], ["REDIS_AUTH", "a credential"],
        ];
        for (const [name, kind] of cases) assert.strictEqual(credentialKindOfName(name), kind, name);
    });

    it("takes shell, PowerShell, Windows and template references for references", () => {
        for (const value of ["$DB_PASSWORD", "$(aws ssm get-parameter --name /prod/db --with-decryption --query Parameter.Value --output text)", "$(cat $(dirname $0)/x)", "`cat /run/x`", "%DB_PASSWORD%", "$env:DB_PASSWORD", "{{resolve:secretsmanager:prod/db:SecretString:password}}"]) {
            assert.ok(isReferenceOnly(value), value);
        }
        assert.ok(!isReferenceOnly("pa$$word"));
    });
});

describe("core/credentials: credentialsInText", () => {
    const scan = (text: string) => credentialsInText(text).map((c) => `${c.line} ${c.kind}${c.assignedTo ? ` (${c.assignedTo})` : ""}`);

    it("finds each kind by value, with its line", () => {
        const text = lines(
            "#!/bin/bash",
            `export AWS_ACCESS_KEY_ID=${awsKeyId}`,
            "cat > /root/.ssh/id_rsa <<'EOF'",
            pem,
            "EOF",
            `curl -H "Authorization: Bearer ${"t".repeat(24)}" https://api.example.com`,
            `git clone https://${githubToken}@github.com/org/repo`,
            `curl -X POST -d @msg.json https://slack.com/api/chat.postMessage -H "Authorization: ${slackToken}"`,
            `echo ${jwt} > /etc/app/token`,
            "DATABASE_URL=postgres://app:s3cret@db:5432/shop",
            'CONN="Server=db;Database=shop;Password=s3cret;"',
            `wget --header "Authorization: Basic ${Buffer.from("user:s3cret").toString("base64")}" https://repo.example.com/x`,
            `echo ${Buffer.from(`${pem}\n`).toString("base64")} | base64 -d > /root/key.pem`,
            `export AWS_SESSION_ID=${sessionKeyId}`,
        );
        assert.deepStrictEqual(scan(text), [
            "2 an AWS access key id",
            "4 a PEM private key",
            "8 a bearer token",
            "9 a GitHub token",
            "10 a Slack token",
            "11 a JSON Web Token",
            "12 a URL with an embedded password",
            "13 a connection string with a password",
            "14 HTTP basic credentials",
            "15 a PEM private key (base64-encoded)",
            "16 an AWS access key id",
        ]);
    });

    it("finds literals assigned to a credential's name, in every syntax it reads", () => {
        const text = lines(
            "[default]",
            `aws_secret_access_key = ${awsSecret}`,
            `aws configure set aws_secret_access_key ${awsSecret}`,
            "export DB_PASSWORD=hunter2",
            "docker run -d -e API_TOKEN=abc123def -e LOG_LEVEL=info app:1.0",
            "password: hunter2 # the registry's",
            '  - "client_secret": "abc123", "region": "eu-west-1"',
            "mysql --password s3cret -h db",
            "docker login -u ci -p s3cret registry.example.com",
            "curl -u admin:s3cret https://repo.example.com/artifact",
            '$AdminPassword = "s3cret"',
            "kubectl create secret generic db --from-literal=password=s3cret",
            `AWS_SECRET_ACCESS_KEY=${awsSecret.replace(/^w/, "/")}`,
        );
        assert.deepStrictEqual(scan(text), [
            "2 an AWS secret access key (aws_secret_access_key)",
            "3 an AWS secret access key (aws_secret_access_key)",
            "4 a password (DB_PASSWORD)",
            "5 a token (API_TOKEN)",
            "6 a password (password)",
            "7 a secret (client_secret)",
            "8 a password (--password)",
            "9 a password (login -p)",
            "10 a password (curl -u)",
            "11 a password (AdminPassword)",
            "12 a password (password)",
            "13 an AWS secret access key (AWS_SECRET_ACCESS_KEY)",
        ]);
    });

    it("passes references, paths, placeholders, switches and names about a credential", () => {
        const text = lines(
            "#!/bin/bash",
            'TOKEN=$(curl -s -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")',
            'INSTANCE_ID=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-id)',
            "DB_PASSWORD=$(aws ssm get-parameter --name /prod/db/password --with-decryption --query Parameter.Value --output text)",
            "export API_TOKEN=${API_TOKEN_FROM_VAULT}",
            'export GITHUB_TOKEN="$(aws secretsmanager get-secret-value --secret-id ci/github --query SecretString --output text)"',
            "aws secretsmanager get-secret-value --secret-id=prod/db --query SecretString",
            "aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com",
            "DB_PASSWORD_FILE=/run/secrets/db",
            "GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/google/key.json",
            "KMS_KEY_ID=arn:aws:kms:eu-west-1:111122223333:key/1234",
            "SSH_PUBLIC_KEY=ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ user@host",
            "S3_KEY=nodes/bootstrap-extra.sh",
            "TOKEN_TTL=21600",
            "ssh_pwauth: false",
            "lock_passwd: true",
            "password: <your-password>",
            "password: ''",
            "password: |",
            "secret: {{resolve:secretsmanager:prod/db:SecretString:password}}",
            "DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/shop",
            "redis-cli -u redis://:$REDIS_AUTH@cache:6379 ping",
            "echo 'pa$$word is not a reference in single quotes' > /dev/null",
            "Authorization: Bearer $TOKEN",
            "/etc/eks/bootstrap.sh prod --kubelet-extra-args '--node-labels=role=general --register-with-taints=key=value:NoSchedule'",
        );
        assert.deepStrictEqual(scan(text), []);
    });

    it("reads single-quoted values as literals (no expansion), and double-quoted or bare $ as references", () => {
        assert.deepStrictEqual(scan("DB_PASSWORD='pa$$word'"), ["1 a password (DB_PASSWORD)"]);
        assert.deepStrictEqual(scan('DB_PASSWORD="pa$$word"'), []);
    });

    it("blanks the public values it is told of before the search", () => {
        const ca = `LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t/${awsKeyId}/Cg==`;
        const text = `/etc/eks/bootstrap.sh prod --b64-cluster-ca "${ca}"`;
        assert.deepStrictEqual(scan(text), ["1 an AWS access key id"]);
        assert.deepStrictEqual(credentialsInText(text, { publicValues: [/--b64-cluster-ca\s+"[A-Za-z0-9+/=]+"/g] }), []);
    });

    it("never returns the credential itself", () => {
        const text = lines(`AWS_ACCESS_KEY_ID=${awsKeyId}`, `aws_secret_access_key = ${awsSecret}`, "DB_PASSWORD=hunter2", pem, githubToken, jwt);
        const json = JSON.stringify(credentialsInText(text));
        for (const secret of [awsKeyId, awsSecret, "hunter2", "MIIEow", githubToken, jwt]) assert.ok(!json.includes(secret), secret.slice(0, 6));
    });

    it("reads a huge line and still finds what is in it", () => {
        const line = `${"a".repeat(1 << 20)} ${"https".repeat(50_000)}:// ${awsKeyId} ${"=".repeat(100_000)}`;
        assert.deepStrictEqual(scan(line), ["1 an AWS access key id"]);
    });

    it("knows which field paths may hold credentials, and wrongType never shows their values", () => {
        for (const path of ["masterAuth.password", "masterAuth", "userData", "spec.containers[0].env[2].value", "data.token", "stringData", "servicePrincipalProfile.secret", 'values["db"].apiKey', "linuxProfile.ssh.publicKeys[0].keyData"]) {
            assert.ok(isCredentialPath(path), path);
        }
        for (const path of ["spec.containers[0].env[2].name", "metadata.name", "vpcConfig.endpointPublicAccess", "nodeConfig.oauthScopes[0]", "secretsEncryption", "nodeConfig.bootDiskKmsKey", "encryptionConfig.provider.keyArn", "databaseEncryption.keyName"]) {
            assert.ok(!isCredentialPath(path), path);
        }
        assert.strictEqual(wrongType("a string", { nested: "hunter2" }, "masterAuth.password"), "has the wrong type: expected a string, found object (the value is not shown: the field may hold a credential)");
        assert.match(wrongType("a string", { nested: "x" }, "metadata.name"), /found object \{"nested":"x"\}$/);
    });
});
