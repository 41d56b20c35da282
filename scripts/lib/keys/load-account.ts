/**
 * Loads the signing key of a role from the environment or from an encrypted key file. Keys never
 * come from command-line arguments, which other users can read in the process list, and every key
 * and password loaded is registered for redaction.
 */
import { readFileSync } from "node:fs";

import { isHex, type Hex, type LocalAccount } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import { decryptKeystore, KeystoreError } from "./keystore.ts";
import { registerSecret } from "./secrets.ts";

/** Signing role. Each role has its own variable, and ONETT_PRIVATE_KEY serves every role. */
export type KeyRole = "deployer" | "admin" | "pauser" | "attester" | "consumer" | "contributor" | "relayer";

/** Environment variables read per role, in order; ONETT_PRIVATE_KEY comes last for every role. */
export const ROLE_KEY_VARIABLES: Record<KeyRole, readonly string[]> = {
  deployer: ["ONETT_DEPLOYER_KEY"],
  // The deployer becomes the default admin, so its key serves until the admin role is handed over.
  admin: ["ONETT_ADMIN_KEY", "ONETT_DEPLOYER_KEY"],
  pauser: ["ONETT_PAUSER_KEY"],
  attester: ["ONETT_ATTESTER_KEY"],
  consumer: ["ONETT_CONSUMER_KEY"],
  contributor: ["ONETT_CONTRIBUTOR_KEY"],
  // Registration can be sent by anyone holding both signatures; the operator usually does it.
  relayer: ["ONETT_RELAYER_KEY", "ONETT_ATTESTER_KEY"],
};

export const KEYS_HELP = `Keys (never passed as arguments):
  --keystore FILE      encrypted key file (Web3 Secret Storage v3, as "1tt keystore create"
                       writes); also ONETT_KEYSTORE. Its password comes from
                       ONETT_KEYSTORE_PASSWORD or, on a terminal, from a prompt
  Without a keystore, the key is read from ONETT_<ROLE>_KEY (ROLE is DEPLOYER, ADMIN, PAUSER,
  ATTESTER, CONSUMER, CONTRIBUTOR or RELAYER) and then from ONETT_PRIVATE_KEY; ADMIN falls
  back to ONETT_DEPLOYER_KEY first.`;

/** Thrown when no key is configured for a role, or the configured key cannot be used. */
export class MissingKeyError extends Error {
  override name = "MissingKeyError" as const;
}

export interface LoadAccountParameters {
  role: KeyRole;
  env: NodeJS.ProcessEnv;
  /** Key file path from --keystore; ONETT_KEYSTORE is used when undefined. */
  keystorePath?: string;
  /** Asks for the keystore password when ONETT_KEYSTORE_PASSWORD is unset; undefined when no terminal. */
  promptPassword?: (question: string) => Promise<string>;
}

/** Returns the local account that signs for `role`. */
export async function loadAccount(parameters: LoadAccountParameters): Promise<LocalAccount> {
  return privateKeyToAccount(await loadPrivateKey(parameters));
}

/** Returns the private key of `role`; prefer `loadAccount` unless a tool needs the key itself. */
export async function loadPrivateKey(parameters: LoadAccountParameters): Promise<Hex> {
  const { role, env } = parameters;
  const keystorePath = parameters.keystorePath ?? env.ONETT_KEYSTORE;
  if (keystorePath !== undefined && keystorePath !== "") return await loadFromKeystore(keystorePath, parameters);

  const variables = [...ROLE_KEY_VARIABLES[role], "ONETT_PRIVATE_KEY"];
  for (const variable of variables) {
    const value = env[variable]?.trim();
    if (value === undefined || value === "") continue;
    registerSecret(value);
    const key = value.startsWith("0x") ? value : `0x${value}`;
    registerSecret(key);
    if (!isHex(key) || key.length !== 66) {
      throw new MissingKeyError(`${variable} is not a private key: expected 64 hex digits, with or without 0x.`);
    }
    return key;
  }
  throw new MissingKeyError(
    `No ${role} key is configured. Set ${variables.join(" or ")}, or pass --keystore FILE ` +
      '(create one with "1tt keystore create").',
  );
}

async function loadFromKeystore(file: string, parameters: LoadAccountParameters): Promise<Hex> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new MissingKeyError(`Cannot read the keystore ${file}: ${(error as Error).message}.`);
  }
  let password = parameters.env.ONETT_KEYSTORE_PASSWORD;
  if (password === undefined) {
    if (parameters.promptPassword === undefined) {
      throw new MissingKeyError(`The keystore ${file} needs a password: set ONETT_KEYSTORE_PASSWORD, or run on a terminal to be asked.`);
    }
    password = await parameters.promptPassword(`Password for ${file}: `);
  }
  registerSecret(password);
  try {
    const { privateKey } = decryptKeystore(json, password);
    registerSecret(privateKey);
    return privateKey;
  } catch (error) {
    if (error instanceof KeystoreError) throw new MissingKeyError(`${error.message} Keystore: ${file}.`);
    throw error;
  }
}
