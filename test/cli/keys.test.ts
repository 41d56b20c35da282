/** Key files, key loading and secret redaction, without a chain. */
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

import { decryptKeystore, encryptKeystore, KeystoreError } from "../../scripts/lib/keys/keystore.ts";
import { loadAccount, MissingKeyError } from "../../scripts/lib/keys/load-account.ts";
import { describeUrl, redact, registerSecret, registerSecretUrl } from "../../scripts/lib/keys/secrets.ts";
import { ACTORS, cli, tempDir } from "./helpers.ts";

const PASSWORD = "correct horse battery staple";
const FAST_SCRYPT_N = 1_024;

describe("keystore", () => {
  it("round-trips a key and rejects a wrong password", () => {
    const keystore = encryptKeystore(ACTORS.alice.key, PASSWORD, { scryptN: FAST_SCRYPT_N });
    assert.equal(keystore.version, 3);
    assert.equal(keystore.crypto.cipher, "aes-128-ctr");
    assert.equal(keystore.crypto.kdf, "scrypt");
    assert.equal(`0x${keystore.address}`, ACTORS.alice.address.toLowerCase());
    assert.ok(!JSON.stringify(keystore).includes(ACTORS.alice.key.slice(2)));

    const decrypted = decryptKeystore(JSON.parse(JSON.stringify(keystore)), PASSWORD);
    assert.equal(decrypted.privateKey, ACTORS.alice.key);
    assert.equal(decrypted.address, ACTORS.alice.address);
    assert.throws(() => decryptKeystore(keystore, "wrong"), KeystoreError);
  });

  it("decrypts the PBKDF2 test vector of the definition", () => {
    // The PBKDF2 test vector of the Web3 Secret Storage Definition (ethereum.org), written by
    // another implementation; its password is "testpassword".
    const vector = {
      version: 3,
      id: "3198bc9c-6672-5ab3-d995-4942343ae5b6",
      crypto: {
        cipher: "aes-128-ctr",
        cipherparams: { iv: "6087dab2f9fdbbfaddc31a909735c1e6" },
        ciphertext: "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
        kdf: "pbkdf2",
        kdfparams: { c: 262_144, dklen: 32, prf: "hmac-sha256", salt: "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd" },
        mac: "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2",
      },
    };
    assert.equal(decryptKeystore(vector, "testpassword").privateKey, "0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d");
    assert.throws(() => decryptKeystore(vector, "testpassword "), /password is wrong/);
  });

  it("detects a changed ciphertext through the MAC", () => {
    const keystore = encryptKeystore(ACTORS.bob.key, PASSWORD, { scryptN: FAST_SCRYPT_N });
    const flipped = (parseInt(keystore.crypto.ciphertext[0]!, 16) ^ 1).toString(16);
    keystore.crypto.ciphertext = flipped + keystore.crypto.ciphertext.slice(1);
    assert.throws(() => decryptKeystore(keystore, PASSWORD), /MAC does not match/);
  });

  it("creates a key file from the environment and loads it", async () => {
    const file = path.join(tempDir(), "contributor.json");
    const env = { ONETT_CONTRIBUTOR_KEY: ACTORS.alice.key, ONETT_KEYSTORE_PASSWORD: PASSWORD };
    const created = await cli(["keystore", "create", "--out", file, "--from-env", "contributor", "--scrypt-n", String(FAST_SCRYPT_N), "--json"], env);
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.json?.address, ACTORS.alice.address);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    for (const output of [created.stdout, created.stderr, readFileSync(file, "utf8")]) {
      assert.ok(!output.includes(ACTORS.alice.key.slice(2)), "the key appears in plain text");
      assert.ok(!output.includes(PASSWORD), "the password appears in plain text");
    }

    const again = await cli(["keystore", "create", "--out", file, "--from-env", "contributor"], env);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /never overwrites a key file/);

    const account = await loadAccount({ role: "consumer", env: { ONETT_KEYSTORE: file, ONETT_KEYSTORE_PASSWORD: PASSWORD } });
    assert.equal(account.address, ACTORS.alice.address);
    await assert.rejects(
      loadAccount({ role: "consumer", env: { ONETT_KEYSTORE: file, ONETT_KEYSTORE_PASSWORD: "nope-nope" } }),
      (error: Error) => error instanceof MissingKeyError && /password is wrong/.test(error.message),
    );
    await assert.rejects(
      loadAccount({ role: "consumer", env: { ONETT_KEYSTORE: file } }),
      /needs a password: set ONETT_KEYSTORE_PASSWORD/,
    );
  });

  it("falls back from the role variable to ONETT_PRIVATE_KEY", async () => {
    const own = await loadAccount({ role: "attester", env: { ONETT_ATTESTER_KEY: ACTORS.bob.key, ONETT_PRIVATE_KEY: ACTORS.alice.key } });
    assert.equal(own.address, ACTORS.bob.address);
    const shared = await loadAccount({ role: "attester", env: { ONETT_PRIVATE_KEY: ACTORS.alice.key.slice(2) } });
    assert.equal(shared.address, ACTORS.alice.address);
    await assert.rejects(loadAccount({ role: "consumer", env: {} }), /No consumer key is configured. Set ONETT_CONSUMER_KEY or ONETT_PRIVATE_KEY/);
  });
});

describe("secret redaction", () => {
  it("removes registered keys in any case, with or without 0x", () => {
    registerSecret(ACTORS.relayer.key);
    const upper = ACTORS.relayer.key.slice(2).toUpperCase();
    registerSecret(`0x${upper}`);
    const text = `a ${ACTORS.relayer.key} b ${ACTORS.relayer.key.slice(2)} c ${upper}`;
    assert.equal(redact(text), "a [redacted] b [redacted] c [redacted]");
  });

  it("removes the credentials of an RPC URL and describes it without them", () => {
    const url = "https://user:hunter2-secret@rpc.example.test/v3/0123456789abcdef?key=querysecret1";
    registerSecretUrl(url);
    const message = redact(`request to ${url} failed; key hunter2-secret, token 0123456789abcdef, querysecret1`);
    for (const secret of ["hunter2-secret", "0123456789abcdef", "querysecret1"]) assert.ok(!message.includes(secret), message);
    assert.equal(describeUrl(url), "https://rpc.example.test/[redacted]");
    assert.equal(describeUrl("http://127.0.0.1:8545"), "http://127.0.0.1:8545");
  });
});
