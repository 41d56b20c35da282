import { registerDatasets, type SignedRegistration } from "../../lib/chain/register.ts";
import { DatasetFolderError } from "../../lib/dataset/folder.ts";
import { expiredSignatures, readRegistration } from "../../lib/dataset/sign.ts";
import { KEYS_HELP } from "../../lib/keys/load-account.ts";
import type { Command } from "../command.ts";
import { CHAIN_HELP, CHAIN_OPTIONS, connectFromOptions, runChainCommand, SIGNER_OPTIONS, writeJsonLine } from "../chain-options.ts";
import { CliError, EXIT, EXIT_CODES_HELP } from "../exit-codes.ts";
import { parseInteger, parseOptions } from "../parse-options.ts";

const DEFAULT_BATCH_SIZE = 50;
const MAX_BATCH_SIZE = 500;

const help = `Usage: 1tt register DIR... [options]

Submits the registrations of one or many dataset folders, each with its consent.json and
attestation.json, in batches of registerBatch transactions. Anyone may submit: the operator,
the contributor or a relayer.

Safe to run again, also after a crash in the middle of a batch: it first reads the registry's
records of all the datasets and skips those already registered, so no dataset is sent twice.
A dataset id registered by another contributor is skipped and reported.

Options:
  --batch-size N       registrations per transaction (default: ${DEFAULT_BATCH_SIZE}, at most ${MAX_BATCH_SIZE})
  --keystore FILE      sender key file (see Keys)
${CHAIN_HELP}

${KEYS_HELP}
The sender reads ONETT_RELAYER_KEY, then ONETT_ATTESTER_KEY, then ONETT_PRIVATE_KEY.

JSON fields: registered (dataset ids), skipped ([{datasetId, contributor, isSameContributor}]),
batches ([{transactionHash, blockNumber, count}]).

${EXIT_CODES_HELP}
`;

export const registerCommand: Command = {
  name: "register",
  summary: "submit signed datasets in batches, skipping those already registered",
  help,
  async run(argv, io) {
    const { values, positionals } = parseOptions("register", argv, { ...CHAIN_OPTIONS, ...SIGNER_OPTIONS, "batch-size": { type: "string" } });
    if (values.help) {
      io.stdout.write(help);
      return EXIT.ok;
    }
    if (positionals.length === 0) throw new CliError('missing DIR: name at least one dataset folder. Run "1tt register --help".', EXIT.usage);
    const batchSize = parseInteger("batch-size", values["batch-size"], 1, MAX_BATCH_SIZE) ?? DEFAULT_BATCH_SIZE;
    // Test hook: kill this process after N mined batches, to test re-running after a crash.
    const crashAfter = Number(process.env.ONETT_TEST_CRASH_AFTER_BATCHES ?? 0);

    return await runChainCommand(values, async () => {
      const connection = await connectFromOptions(values, { role: "relayer" });
      const registrations: SignedRegistration[] = positionals.map((folder) => readRegistration(connection, folder));
      const now = (await connection.publicClient.getBlock({ blockTag: "latest" })).timestamp;
      const problems = registrations.flatMap((registration, i) => expiredSignatures(registration, now, positionals[i]!));
      if (problems.length > 0) throw new DatasetFolderError(`nothing was sent: ${problems.join("; ")}.`);

      const result = await registerDatasets({
        connection,
        registrations,
        batchSize,
        onBatch: (batch) => {
          io.stderr.write(`batch ${batch.index + 1}: registered ${batch.count} in tx ${batch.receipt.transactionHash} (block ${batch.receipt.blockNumber})\n`);
          if (crashAfter > 0 && batch.index + 1 === crashAfter) process.kill(process.pid, "SIGKILL");
        },
      });
      for (const skip of result.skipped) {
        io.stderr.write(
          skip.isSameContributor
            ? `skipped ${skip.datasetId}: already registered\n`
            : `skipped ${skip.datasetId}: already registered by another contributor, ${skip.contributor}\n`,
        );
      }
      const registered = result.batches.flatMap((batch) => batch.datasetIds);
      io.stdout.write(`registered ${registered.length}, skipped ${result.skipped.length} already registered, in ${result.batches.length} transaction(s)\n`);
      if (values.json) {
        writeJsonLine(io, {
          registered,
          skipped: result.skipped,
          batches: result.batches.map((batch) => ({ transactionHash: batch.receipt.transactionHash, blockNumber: batch.receipt.blockNumber, count: batch.count })),
        });
      }
      return EXIT.ok;
    });
  },
};
