import { existsSync, statSync } from "node:fs";

import { isHex, type Hex } from "viem";

import { attachDatasets, createService, openVersion, resolveToken, sealVersion, setShare } from "../../lib/chain/services.ts";
import { readReportSummary } from "../../lib/dataset/folder.ts";
import { KEYS_HELP } from "../../lib/keys/load-account.ts";
import type { Command } from "../command.ts";
import { CHAIN_HELP, CHAIN_OPTIONS, connectFromOptions, parseId, runChainCommand, SIGNER_OPTIONS, writeJsonLine } from "../chain-options.ts";
import { CliError, EXIT, EXIT_CODES_HELP } from "../exit-codes.ts";
import { parseInteger, parseOptions } from "../parse-options.ts";

const MAX_BPS = 10_000;
const DEFAULT_ATTACH_BATCH = 200;

const serviceHelp = `Usage: 1tt service create --name NAME --token TOKEN --share-bps N [options]
       1tt service share SERVICE_ID --share-bps N [options]

The consumer's service terms.
  create   creates a service that pays N basis points (1 to ${MAX_BPS}) of its revenue in TOKEN,
           an allow-listed ERC-20 given by address or, on a local chain, by recorded symbol
           (tUSDC); prints the new service id
  share    changes the share: an increase applies at once; a decrease applies after the
           notice period fixed at deployment, and never to revenue already reported

Options:
  --name NAME          service name, shown in statements
  --token TOKEN        payout token address or recorded symbol
  --share-bps N        share of revenue in basis points (1500 = 15%)
  --keystore FILE      consumer key file (see Keys)
${CHAIN_HELP}

${KEYS_HELP}
These commands read ONETT_CONSUMER_KEY.

JSON fields: create: serviceId, token, shareBps, transactionHash, blockNumber;
share: serviceId, previousShareBps, newShareBps, effectiveAt, transactionHash, blockNumber.

${EXIT_CODES_HELP}
`;

export const serviceCommand: Command = {
  name: "service",
  summary: "consumer: create a service or change its revenue share",
  help: serviceHelp,
  async run(argv, io) {
    const { values, positionals } = parseOptions("service", argv, {
      ...CHAIN_OPTIONS,
      ...SIGNER_OPTIONS,
      name: { type: "string" },
      token: { type: "string" },
      "share-bps": { type: "string" },
    });
    if (values.help) {
      io.stdout.write(serviceHelp);
      return EXIT.ok;
    }
    const [action, id] = positionals;
    const shareBps = parseInteger("share-bps", values["share-bps"], 0, 65_535);
    if (action !== "create" && action !== "share") throw new CliError('expected "service create" or "service share". Run "1tt service --help".', EXIT.usage);
    if (shareBps === undefined) throw new CliError("missing --share-bps N: the share of revenue in basis points.", EXIT.usage);

    return await runChainCommand(values, async () => {
      if (action === "create") {
        if (values.name === undefined || values.name.trim() === "") throw new CliError("missing --name NAME.", EXIT.usage);
        if (values.token === undefined) throw new CliError("missing --token TOKEN: an address or a recorded symbol such as tUSDC.", EXIT.usage);
        const connection = await connectFromOptions(values, { role: "consumer" });
        const token = resolveToken(connection, values.token);
        const { serviceId, receipt } = await createService(connection, values.name, token, shareBps);
        io.stdout.write(`created service ${serviceId} "${values.name}" paying ${shareBps} bps in ${token} (tx ${receipt.transactionHash}, block ${receipt.blockNumber})\n`);
        if (values.json) writeJsonLine(io, { serviceId, token, shareBps, transactionHash: receipt.transactionHash, blockNumber: receipt.blockNumber });
        return EXIT.ok;
      }
      const serviceId = parseId("SERVICE_ID", id, "service");
      const connection = await connectFromOptions(values, { role: "consumer" });
      const change = await setShare(connection, serviceId, shareBps);
      const when = change.newShareBps >= change.previousShareBps ? "now" : `from ${new Date(change.effectiveAt * 1000).toISOString()}`;
      io.stdout.write(`service ${serviceId}: share ${change.previousShareBps} -> ${change.newShareBps} bps, in force ${when} (tx ${change.receipt.transactionHash})\n`);
      if (values.json) {
        writeJsonLine(io, {
          serviceId,
          previousShareBps: change.previousShareBps,
          newShareBps: change.newShareBps,
          effectiveAt: change.effectiveAt,
          transactionHash: change.receipt.transactionHash,
          blockNumber: change.receipt.blockNumber,
        });
      }
      return EXIT.ok;
    });
  },
};

const versionHelp = `Usage: 1tt version open SERVICE_ID [options]
       1tt version attach SERVICE_ID VERSION DATASET... [options]
       1tt version seal SERVICE_ID VERSION [options]

The consumer's service versions (model releases).
  open     opens the next version of a service and prints its number
  attach   attaches registered datasets that the version was trained on, in batches; each
           DATASET is a dataset id (0x + 64 hex digits) or a preprocessed folder (its
           report.json gives the id). Datasets already attached are skipped, so a re-run
           after a crash sends only the rest
  seal     freezes the version's weights; deposits can start

Options:
  --batch-size N       datasets per attach transaction (default: ${DEFAULT_ATTACH_BATCH})
  --keystore FILE      consumer key file (see Keys)
${CHAIN_HELP}

${KEYS_HELP}
These commands read ONETT_CONSUMER_KEY.

JSON fields: open: serviceId, version, transactionHash; attach: serviceId, version, attached,
skipped, transactions; seal: serviceId, version, totalWeight, datasetCount, contributorCount,
transactionHash.

${EXIT_CODES_HELP}
`;

export const versionCommand: Command = {
  name: "version",
  summary: "consumer: open a service version, attach datasets, seal it",
  help: versionHelp,
  async run(argv, io) {
    const { values, positionals } = parseOptions("version", argv, { ...CHAIN_OPTIONS, ...SIGNER_OPTIONS, "batch-size": { type: "string" } });
    if (values.help) {
      io.stdout.write(versionHelp);
      return EXIT.ok;
    }
    const [action, serviceText, versionText, ...datasets] = positionals;
    if (action !== "open" && action !== "attach" && action !== "seal") {
      throw new CliError('expected "version open", "version attach" or "version seal". Run "1tt version --help".', EXIT.usage);
    }
    const serviceId = parseId("SERVICE_ID", serviceText, "version");
    const batchSize = parseInteger("batch-size", values["batch-size"], 1, 2_000) ?? DEFAULT_ATTACH_BATCH;

    return await runChainCommand(values, async () => {
      if (action === "open") {
        const connection = await connectFromOptions(values, { role: "consumer" });
        const { version, receipt } = await openVersion(connection, serviceId);
        io.stdout.write(`opened service ${serviceId} version ${version} (tx ${receipt.transactionHash})\n`);
        if (values.json) writeJsonLine(io, { serviceId, version, transactionHash: receipt.transactionHash });
        return EXIT.ok;
      }
      const version = parseId("VERSION", versionText, "version");
      if (action === "seal") {
        const connection = await connectFromOptions(values, { role: "consumer" });
        const sealed = await sealVersion(connection, serviceId, version);
        io.stdout.write(
          `sealed service ${serviceId} version ${version}: ${sealed.datasetCount} datasets, ${sealed.contributorCount} contributors, ` +
            `total weight ${sealed.totalWeight} (tx ${sealed.receipt.transactionHash})\n`,
        );
        if (values.json) {
          writeJsonLine(io, {
            serviceId,
            version,
            totalWeight: sealed.totalWeight,
            datasetCount: sealed.datasetCount,
            contributorCount: sealed.contributorCount,
            transactionHash: sealed.receipt.transactionHash,
          });
        }
        return EXIT.ok;
      }
      if (datasets.length === 0) throw new CliError("missing DATASET: name dataset ids or preprocessed folders to attach.", EXIT.usage);
      const ids = datasets.map(datasetIdOf);
      const connection = await connectFromOptions(values, { role: "consumer" });
      const result = await attachDatasets({
        connection,
        serviceId,
        version,
        datasetIds: ids,
        batchSize,
        onBatch: (batch) => io.stderr.write(`batch ${batch.index + 1}: attached ${batch.datasetIds.length} in tx ${batch.receipt.transactionHash}\n`),
      });
      const attached = result.batches.flatMap((batch) => batch.datasetIds);
      io.stdout.write(`attached ${attached.length} dataset(s) to service ${serviceId} version ${version}; skipped ${result.skipped.length} already attached\n`);
      if (values.json) {
        writeJsonLine(io, { serviceId, version, attached, skipped: result.skipped, transactions: result.batches.map((batch) => batch.receipt.transactionHash) });
      }
      return EXIT.ok;
    });
  },
};

/** Returns the dataset id given as 0x + 64 hex digits or read from a preprocessed folder's report.json. */
export function datasetIdOf(argument: string): Hex {
  if (isHex(argument) && argument.length === 66) return argument.toLowerCase() as Hex;
  if (existsSync(argument) && statSync(argument).isDirectory()) return readReportSummary(argument).datasetId;
  throw new CliError(`"${argument}" is neither a dataset id (0x + 64 hex digits) nor a preprocessed dataset folder.`, EXIT.usage);
}
