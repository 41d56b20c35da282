import { existsSync, writeFileSync } from "node:fs";

import { generatePrivateKey, privateKeyToAddress } from "viem/accounts";

import { DEFAULT_SCRYPT_N, encryptKeystore } from "../../lib/keys/keystore.ts";
import { ROLE_KEY_VARIABLES, type KeyRole } from "../../lib/keys/load-account.ts";
import { promptHidden } from "../../lib/keys/prompt.ts";
import { registerSecret } from "../../lib/keys/secrets.ts";
import type { Command } from "../command.ts";
import { toChainCliError, writeJsonLine } from "../chain-options.ts";
import { CliError, EXIT, EXIT_CODES_HELP } from "../exit-codes.ts";
import { parseInteger, parseOptions } from "../parse-options.ts";

const help = `Usage: 1tt keystore create --out FILE [options]

Writes an encrypted key file (Web3 Secret Storage v3: scrypt, AES-128-CTR, keccak256 MAC) that
geth, Foundry and MetaMask can import, and that every 1tt command accepts with --keystore FILE.
The key is new and random, or imported from ONETT_<ROLE>_KEY or ONETT_PRIVATE_KEY with
--from-env ROLE. The password comes from ONETT_KEYSTORE_PASSWORD or, on a terminal, from a
prompt (asked twice). The file is written with mode 600 and never overwritten.

Options:
  --out FILE         where to write the key file (required)
  --from-env ROLE    encrypt the key of ROLE from the environment instead of a new one
                     (deployer, attester, consumer, contributor, relayer)
  --scrypt-n N       scrypt cost, a power of two (default: ${DEFAULT_SCRYPT_N}); lower values
                     are faster to open and easier to brute-force
  --json             print {"address", "file"} as one JSON line
  -h, --help         show this help

${EXIT_CODES_HELP}
`;

export const keystoreCommand: Command = {
  name: "keystore",
  summary: "create an encrypted key file for --keystore",
  help,
  async run(argv, io) {
    const { values, positionals } = parseOptions("keystore", argv, {
      out: { type: "string" },
      "from-env": { type: "string" },
      "scrypt-n": { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    });
    if (values.help) {
      io.stdout.write(help);
      return EXIT.ok;
    }
    if (positionals[0] !== "create" || positionals.length !== 1) throw new CliError('expected "1tt keystore create --out FILE".', EXIT.usage);
    if (values.out === undefined) throw new CliError("missing --out FILE: name the key file to write.", EXIT.usage);
    if (existsSync(values.out)) throw new CliError(`${values.out} exists; 1tt never overwrites a key file. Choose another --out.`, EXIT.usage);
    const scryptN = parseInteger("scrypt-n", values["scrypt-n"], 2, 2 ** 24) ?? DEFAULT_SCRYPT_N;

    try {
      const privateKey = values["from-env"] === undefined ? generatePrivateKey() : keyFromEnvironment(values["from-env"]);
      registerSecret(privateKey);
      const password = await readNewPassword(io.stderr);
      const keystore = encryptKeystore(privateKey, password, { scryptN });
      writeFileSync(values.out, `${JSON.stringify(keystore, null, 2)}\n`, { mode: 0o600, flag: "wx" });
      const address = privateKeyToAddress(privateKey);
      io.stderr.write(`Wrote the key of ${address} to ${values.out}.\n`);
      if (values.json) writeJsonLine(io, { address, file: values.out });
      else io.stdout.write(`${address}\n`);
      return EXIT.ok;
    } catch (error) {
      throw toChainCliError(error);
    }
  },
};

function keyFromEnvironment(role: string): `0x${string}` {
  if (!(role in ROLE_KEY_VARIABLES)) throw new CliError(`unknown role "${role}" for --from-env; use ${Object.keys(ROLE_KEY_VARIABLES).join(", ")}.`, EXIT.usage);
  for (const variable of [...ROLE_KEY_VARIABLES[role as KeyRole], "ONETT_PRIVATE_KEY"]) {
    const value = process.env[variable]?.trim();
    if (value === undefined || value === "") continue;
    registerSecret(value);
    const key = (value.startsWith("0x") ? value : `0x${value}`) as `0x${string}`;
    if (!/^0x[0-9a-fA-F]{64}$/.test(key)) throw new CliError(`${variable} is not a private key: expected 64 hex digits.`, EXIT.key);
    return key;
  }
  throw new CliError(`no ${role} key in the environment: set ${[...ROLE_KEY_VARIABLES[role as KeyRole], "ONETT_PRIVATE_KEY"].join(" or ")}.`, EXIT.key);
}

async function readNewPassword(output: NodeJS.WritableStream): Promise<string> {
  const fromEnvironment = process.env.ONETT_KEYSTORE_PASSWORD;
  if (fromEnvironment !== undefined) {
    if (fromEnvironment === "") throw new CliError("ONETT_KEYSTORE_PASSWORD is empty; a key file needs a password.", EXIT.key);
    registerSecret(fromEnvironment);
    return fromEnvironment;
  }
  if (!process.stdin.isTTY) throw new CliError("no password: set ONETT_KEYSTORE_PASSWORD, or run on a terminal to be asked.", EXIT.key);
  const first = await promptHidden("New keystore password: ", output);
  const second = await promptHidden("Repeat the password: ", output);
  if (first !== second) throw new CliError("the two passwords differ; nothing was written.", EXIT.key);
  if (first === "") throw new CliError("the password is empty; nothing was written.", EXIT.key);
  registerSecret(first);
  return first;
}
