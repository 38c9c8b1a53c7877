// Recognising literal credentials by name and by value, without false alarms on paths, references and
// the names of things that are about a credential.
import * as assert from "assert";
import { credentialInValue, isFilePath, isReferenceOnly, literalCredential, looksLikeCredential } from "../../policies/core";

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
});
