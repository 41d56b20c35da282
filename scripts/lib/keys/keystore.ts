/**
 * Encrypted key files in the Web3 Secret Storage format, version 3, which geth, Foundry
 * (`cast wallet`) and MetaMask's import read and write. The key is encrypted with AES-128-CTR under
 * the first half of a scrypt-derived key. keccak256(second half ++ ciphertext) is the MAC that
 * detects a wrong password. Decryption also accepts PBKDF2-HMAC-SHA256 files.
 */
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes, randomUUID, scryptSync, timingSafeEqual } from "node:crypto";

import { bytesToHex, concat, hexToBytes, keccak256, type Address, type Hex } from "viem";
import { privateKeyToAddress } from "viem/accounts";

/** scrypt cost that geth uses for its standard (not "light") key files. */
export const DEFAULT_SCRYPT_N = 262_144;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
const DERIVED_KEY_BYTES = 32;

export interface Keystore {
  version: 3;
  id: string;
  /** Lower-case hex address without 0x, as other tools write it. */
  address: string;
  crypto: {
    cipher: "aes-128-ctr";
    cipherparams: { iv: string };
    ciphertext: string;
    kdf: "scrypt" | "pbkdf2";
    kdfparams: ScryptParams | Pbkdf2Params;
    mac: string;
  };
}

interface ScryptParams {
  dklen: number;
  n: number;
  r: number;
  p: number;
  salt: string;
}

interface Pbkdf2Params {
  dklen: number;
  c: number;
  prf: "hmac-sha256";
  salt: string;
}

/** Thrown when a key file cannot be read or its password is wrong. */
export class KeystoreError extends Error {
  override name = "KeystoreError" as const;
}

export interface EncryptKeystoreOptions {
  /** scrypt cost parameter N, a power of two; default 262144. */
  scryptN?: number;
}

/** Encrypts `privateKey` with `password` into a version 3 key file. */
export function encryptKeystore(privateKey: Hex, password: string, options: EncryptKeystoreOptions = {}): Keystore {
  const n = options.scryptN ?? DEFAULT_SCRYPT_N;
  if (!Number.isInteger(Math.log2(n)) || n < 2) throw new KeystoreError(`scrypt N must be a power of two, got ${n}.`);
  const salt = randomBytes(32);
  const iv = randomBytes(16);
  const derived = scrypt(password, salt, n, SCRYPT_R, SCRYPT_P);
  const cipher = createCipheriv("aes-128-ctr", derived.subarray(0, 16), iv);
  const ciphertext = Buffer.concat([cipher.update(hexToBytes(privateKey)), cipher.final()]);
  return {
    version: 3,
    id: randomUUID(),
    address: privateKeyToAddress(privateKey).slice(2).toLowerCase(),
    crypto: {
      cipher: "aes-128-ctr",
      cipherparams: { iv: iv.toString("hex") },
      ciphertext: ciphertext.toString("hex"),
      kdf: "scrypt",
      kdfparams: { dklen: DERIVED_KEY_BYTES, n, r: SCRYPT_R, p: SCRYPT_P, salt: salt.toString("hex") },
      mac: mac(derived, ciphertext).slice(2),
    },
  };
}

/** Decrypts a version 3 key file and returns the private key and its address. */
export function decryptKeystore(value: unknown, password: string): { privateKey: Hex; address: Address } {
  const keystore = checkShape(value);
  const { crypto } = keystore;
  const salt = Buffer.from(crypto.kdfparams.salt, "hex");
  const derived =
    crypto.kdf === "scrypt"
      ? scrypt(password, salt, (crypto.kdfparams as ScryptParams).n, (crypto.kdfparams as ScryptParams).r, (crypto.kdfparams as ScryptParams).p)
      : pbkdf2Sync(password, salt, (crypto.kdfparams as Pbkdf2Params).c, DERIVED_KEY_BYTES, "sha256");
  const ciphertext = Buffer.from(crypto.ciphertext, "hex");
  const expectedMac = Buffer.from(crypto.mac.replace(/^0x/, ""), "hex");
  const actualMac = Buffer.from(mac(derived, ciphertext).slice(2), "hex");
  if (expectedMac.length !== actualMac.length || !timingSafeEqual(expectedMac, actualMac)) {
    throw new KeystoreError("The keystore password is wrong (the key file's MAC does not match).");
  }
  const decipher = createDecipheriv("aes-128-ctr", derived.subarray(0, 16), Buffer.from(crypto.cipherparams.iv, "hex"));
  const privateKey = bytesToHex(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
  const address = privateKeyToAddress(privateKey);
  if (keystore.address !== undefined && keystore.address.replace(/^0x/, "").toLowerCase() !== address.slice(2).toLowerCase()) {
    throw new KeystoreError(`The key file names address 0x${keystore.address}, but its key belongs to ${address}.`);
  }
  return { privateKey, address };
}

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Buffer {
  // Node refuses to use more than 32 MiB by default; scrypt needs 128 * N * r bytes.
  const maxmem = 128 * n * r * p + 32 * 1024 * 1024;
  return scryptSync(password.normalize("NFKC"), salt, DERIVED_KEY_BYTES, { N: n, r, p, maxmem });
}

function mac(derived: Buffer, ciphertext: Buffer): Hex {
  return keccak256(concat([derived.subarray(16, 32), ciphertext]));
}

function checkShape(value: unknown): Keystore {
  const keystore = value as Partial<Keystore> | null;
  const crypto = keystore?.crypto ?? (keystore as { Crypto?: Keystore["crypto"] } | null)?.Crypto;
  if (keystore?.version !== 3 || crypto === undefined) {
    throw new KeystoreError("The file is not a version 3 keystore (it needs \"version\": 3 and a \"crypto\" object).");
  }
  if (crypto.cipher !== "aes-128-ctr") throw new KeystoreError(`Unsupported keystore cipher "${String(crypto.cipher)}"; only aes-128-ctr is supported.`);
  if (crypto.kdf !== "scrypt" && crypto.kdf !== "pbkdf2") throw new KeystoreError(`Unsupported keystore KDF "${String(crypto.kdf)}"; use scrypt or pbkdf2.`);
  if (crypto.kdf === "pbkdf2" && (crypto.kdfparams as Pbkdf2Params).prf !== "hmac-sha256") {
    throw new KeystoreError("Unsupported PBKDF2 PRF in the keystore; only hmac-sha256 is supported.");
  }
  return { ...keystore, crypto } as Keystore;
}
