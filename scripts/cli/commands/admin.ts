/**
 * Admin commands: the splitter's payout-token allow-list, pausing the contracts, revoking a
 * dataset and invalidating unsubmitted consents. The work lives in lib/chain/admin.ts.
 */
import { getAddress, isAddress } from "viem";

import {
  consentNonce,
  incrementConsentNonce,
  listPayoutTokens,
  revokeDataset,
  setPaused,
  setPayoutTokenAllowed,
  type PausableContract,
} from "../../lib/chain/admin.ts";
import { resolveToken } from "../../lib/chain/services.ts";
import { KEYS_HELP } from "../../lib/keys/load-account.ts";
import type { Command } from "../command.ts";
import { CHAIN_HELP, CHAIN_OPTIONS, connectFromOptions, runChainCommand, SIGNER_OPTIONS, writeJsonLine } from "../chain-options.ts";
import { CliError, EXIT, EXIT_CODES_HELP } from "../exit-codes.ts";
import { parseOptions } from "../parse-options.ts";
import { datasetIdOf } from "./service.ts";

const tokenHelp = `Usage: 1tt token allow TOKEN [options]
       1tt token disallow TOKEN [options]
       1tt token list [options]

The splitter's allow-list of payout tokens; services can only pay in allowed tokens.
  allow      adds TOKEN to the allow-list (admin)
  disallow   removes TOKEN; existing services keep it, new services cannot choose it (admin)
  list       lists every token ever allowed or removed, with its current state, symbol and
             decimals, from the splitter's PayoutTokenAllowlistSet events
TOKEN is an ERC-20 address or, on a local chain, a symbol recorded at deployment (tUSDC).
A token already in the requested state is reported and nothing is sent.

Options:
  --keystore FILE      admin key file (see Keys)
${CHAIN_HELP}

${KEYS_HELP}
allow and disallow read ONETT_ADMIN_KEY, then ONETT_DEPLOYER_KEY; list needs no key.

JSON fields: allow, disallow: token, isAllowed, changed, transactionHash (null when unchanged);
list: tokens (token, isAllowed, symbol, decimals).

${EXIT_CODES_HELP}
`;

export const tokenCommand: Command = {
  name: "token",
  summary: "admin: allow or disallow a payout token, or list the allow-list",
  help: tokenHelp,
  async run(argv, io) {
    const { values, positionals } = parseOptions("token", argv, { ...CHAIN_OPTIONS, ...SIGNER_OPTIONS });
    if (values.help) {
      io.stdout.write(tokenHelp);
      return EXIT.ok;
    }
    const [action, tokenText] = positionals;
    if (action !== "allow" && action !== "disallow" && action !== "list") {
      throw new CliError('expected "token allow", "token disallow" or "token list". Run "1tt token --help".', EXIT.usage);
    }

    return await runChainCommand(values, async () => {
      if (action === "list") {
        const connection = await connectFromOptions(values);
        const tokens = await listPayoutTokens(connection);
        if (tokens.length === 0) io.stdout.write(`no payout token was ever allowed on splitter ${connection.deployment.splitter.address}\n`);
        for (const state of tokens) {
          const metadata = state.symbol === undefined ? "(no symbol)" : `${state.symbol}, ${state.decimals ?? "?"} decimals`;
          io.stdout.write(`${state.token}  ${state.isAllowed ? "allowed   " : "disallowed"}  ${metadata}\n`);
        }
        if (values.json) writeJsonLine(io, { tokens: tokens.map((state) => ({ ...state, symbol: state.symbol ?? null, decimals: state.decimals ?? null })) });
        return EXIT.ok;
      }
      if (tokenText === undefined) throw new CliError(`missing TOKEN: an address or a recorded symbol such as tUSDC. Run "1tt token --help".`, EXIT.usage);
      const connection = await connectFromOptions(values, { role: "admin" });
      const token = resolveToken(connection, tokenText);
      const isAllowed = action === "allow";
      const result = await setPayoutTokenAllowed(connection, token, isAllowed);
      const state = isAllowed ? "allowed" : "disallowed";
      io.stdout.write(
        result.changed
          ? `${state} payout token ${token} on splitter ${connection.deployment.splitter.address} (tx ${result.receipt.transactionHash})\n`
          : `payout token ${token} is already ${state}; nothing sent\n`,
      );
      if (values.json) {
        writeJsonLine(io, { token, isAllowed, changed: result.changed, transactionHash: result.changed ? result.receipt.transactionHash : null });
      }
      return EXIT.ok;
    });
  },
};

function pauseHelp(paused: boolean): string {
  const verb = paused ? "pause" : "unpause";
  return `Usage: 1tt ${verb} [--registry] [--splitter] [options]

${
    paused
      ? `Pauses the contracts in an emergency. A paused registry rejects registrations; a paused
splitter rejects attaching datasets and deposits. Claims, revocations and service changes
still work.`
      : "Resumes the contracts after a pause."
  } Without
--registry or --splitter, both contracts are ${paused ? "paused" : "resumed"}. The key must hold PAUSER_ROLE on each
one; this is checked before anything is sent. A contract that is already ${paused ? "paused" : "running"} is
reported and skipped; when every named contract is, the command exits 6.

Options:
  --registry           ${verb} the ContributionRegistry
  --splitter           ${verb} the RevenueSplitter
  --keystore FILE      pauser key file (see Keys)
${CHAIN_HELP}

${KEYS_HELP}
This command reads ONETT_PAUSER_KEY.

JSON fields: contracts (contract, address, changed, transactionHash: null when unchanged).

${EXIT_CODES_HELP}
`;
}

function createPauseCommand(paused: boolean): Command {
  const verb = paused ? "pause" : "unpause";
  const help = pauseHelp(paused);
  return {
    name: verb,
    summary: paused ? "pauser: pause the registry and/or the splitter" : "pauser: resume the registry and/or the splitter",
    help,
    async run(argv, io) {
      const { values, positionals } = parseOptions(verb, argv, {
        ...CHAIN_OPTIONS,
        ...SIGNER_OPTIONS,
        registry: { type: "boolean", default: false },
        splitter: { type: "boolean", default: false },
      });
      if (values.help) {
        io.stdout.write(help);
        return EXIT.ok;
      }
      if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}". Run "1tt ${verb} --help".`, EXIT.usage);
      const both = !values.registry && !values.splitter;
      const contracts: PausableContract[] = [];
      if (both || values.registry) contracts.push("registry");
      if (both || values.splitter) contracts.push("splitter");

      return await runChainCommand(values, async () => {
        const connection = await connectFromOptions(values, { role: "pauser" });
        const results = await setPaused(connection, contracts, paused);
        for (const result of results) {
          io.stdout.write(
            result.changed
              ? `${paused ? "paused" : "unpaused"} ${result.contract} ${result.address} (tx ${result.receipt!.transactionHash})\n`
              : `${result.contract} ${result.address} is ${paused ? "already paused" : "not paused"}; skipped\n`,
          );
        }
        if (values.json) {
          writeJsonLine(io, {
            contracts: results.map((result) => ({
              contract: result.contract,
              address: result.address,
              changed: result.changed,
              transactionHash: result.receipt?.transactionHash ?? null,
            })),
          });
        }
        if (results.every((result) => !result.changed)) {
          const names = results.map((result) => result.contract).join(" and ");
          throw new CliError(`${names} ${paused ? "already paused" : "not paused"}; nothing changed.`, EXIT.rejected);
        }
        return EXIT.ok;
      });
    },
  };
}

export const pauseCommand = createPauseCommand(true);
export const unpauseCommand = createPauseCommand(false);

const revokeHelp = `Usage: 1tt revoke DATASET [--as contributor|attester] [options]

Revokes a registered dataset: later service versions cannot attach it, while versions that
already include it keep paying its contributor. DATASET is a dataset id (0x + 64 hex digits) or
a preprocessed folder (its report.json gives the id). Before sending, 1tt checks that the
dataset is registered and not revoked, and that the key may revoke it.

Options:
  --as ROLE            contributor (default): the dataset's own contributor revokes it;
                       attester: an account holding ATTESTER_ROLE revokes it
  --keystore FILE      contributor or attester key file (see Keys)
${CHAIN_HELP}

${KEYS_HELP}
This command reads ONETT_CONTRIBUTOR_KEY, or ONETT_ATTESTER_KEY with --as attester.

JSON fields: datasetId, contributor, revokedBy, transactionHash, blockNumber.

${EXIT_CODES_HELP}
`;

export const revokeCommand: Command = {
  name: "revoke",
  summary: "contributor or attester: revoke a registered dataset",
  help: revokeHelp,
  async run(argv, io) {
    const { values, positionals } = parseOptions("revoke", argv, { ...CHAIN_OPTIONS, ...SIGNER_OPTIONS, as: { type: "string", default: "contributor" } });
    if (values.help) {
      io.stdout.write(revokeHelp);
      return EXIT.ok;
    }
    const as = values.as;
    if (as !== "contributor" && as !== "attester") throw new CliError(`invalid --as "${as}": expected contributor or attester.`, EXIT.usage);
    if (positionals.length !== 1) throw new CliError('expected one DATASET: a dataset id or a preprocessed folder. Run "1tt revoke --help".', EXIT.usage);
    const datasetId = datasetIdOf(positionals[0]!);

    return await runChainCommand(values, async () => {
      const connection = await connectFromOptions(values, { role: as });
      const { contributor, receipt } = await revokeDataset(connection, datasetId, as);
      const revokedBy = connection.account!.address;
      io.stdout.write(`revoked dataset ${datasetId} of ${contributor} as ${as} ${revokedBy} (tx ${receipt.transactionHash})\n`);
      if (values.json) writeJsonLine(io, { datasetId, contributor, revokedBy, transactionHash: receipt.transactionHash, blockNumber: receipt.blockNumber });
      return EXIT.ok;
    });
  },
};

const consentNonceHelp = `Usage: 1tt consent-nonce increment [options]
       1tt consent-nonce show ADDRESS [options]

Every consent carries the contributor's consent nonce at signing time.
  increment   the contributor raises its own nonce, which invalidates every consent it signed
              that is not registered yet ("1tt register" then rejects them); sign new ones
              with "1tt consent"
  show        prints the nonce that the next consent of ADDRESS must carry

Options:
  --keystore FILE      contributor key file (see Keys)
${CHAIN_HELP}

${KEYS_HELP}
increment reads ONETT_CONTRIBUTOR_KEY; show needs no key.

JSON fields: increment: contributor, newNonce, transactionHash, blockNumber;
show: contributor, nonce.

${EXIT_CODES_HELP}
`;

export const consentNonceCommand: Command = {
  name: "consent-nonce",
  summary: "contributor: invalidate unsubmitted consents, or show a consent nonce",
  help: consentNonceHelp,
  async run(argv, io) {
    const { values, positionals } = parseOptions("consent-nonce", argv, { ...CHAIN_OPTIONS, ...SIGNER_OPTIONS });
    if (values.help) {
      io.stdout.write(consentNonceHelp);
      return EXIT.ok;
    }
    const [action, addressText] = positionals;
    if (action !== "increment" && action !== "show") {
      throw new CliError('expected "consent-nonce increment" or "consent-nonce show ADDRESS". Run "1tt consent-nonce --help".', EXIT.usage);
    }
    if (action === "show" && (addressText === undefined || !isAddress(addressText))) {
      throw new CliError(`missing or invalid ADDRESS "${addressText ?? ""}": expected a 0x-prefixed 20-byte address.`, EXIT.usage);
    }

    return await runChainCommand(values, async () => {
      if (action === "show") {
        const contributor = getAddress(addressText!);
        const connection = await connectFromOptions(values);
        const nonce = await consentNonce(connection, contributor);
        io.stdout.write(`consent nonce of ${contributor}: ${nonce}\n`);
        if (values.json) writeJsonLine(io, { contributor, nonce });
        return EXIT.ok;
      }
      const connection = await connectFromOptions(values, { role: "contributor" });
      const { newNonce, receipt } = await incrementConsentNonce(connection);
      const contributor = connection.account!.address;
      io.stdout.write(`consent nonce of ${contributor} is now ${newNonce}; consents signed before are invalid (tx ${receipt.transactionHash})\n`);
      if (values.json) writeJsonLine(io, { contributor, newNonce, transactionHash: receipt.transactionHash, blockNumber: receipt.blockNumber });
      return EXIT.ok;
    });
  },
};
