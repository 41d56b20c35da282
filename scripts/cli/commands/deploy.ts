import path from "node:path";
import { fileURLToPath } from "node:url";

import { getAddress, isAddress, type Address } from "viem";
import { privateKeyToAddress } from "viem/accounts";

import { createRpcClient } from "../../lib/chain/connect.ts";
import { deployPlatform, LOCAL_CHAIN_ID } from "../../lib/chain/deploy.ts";
import { mintTestToken } from "../../lib/chain/test-token.ts";
import { KEYS_HELP, loadPrivateKey } from "../../lib/keys/load-account.ts";
import { terminalPrompt } from "../../lib/keys/prompt.ts";
import { describeUrl } from "../../lib/keys/secrets.ts";
import type { Command } from "../command.ts";
import { CHAIN_OPTIONS, CHAIN_HELP, deploymentsDirOf, rpcUrlOf, runChainCommand, SIGNER_OPTIONS, writeJsonLine } from "../chain-options.ts";
import { CliError, EXIT, EXIT_CODES_HELP } from "../exit-codes.ts";
import { parseInteger, parseOptions } from "../parse-options.ts";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const SECONDS_PER_DAY = 86_400;
/** Whole tUSDC minted to the consumer on a local chain. */
const TEST_TOKEN_UNITS = 1_000_000n;
const TEST_TOKEN_DECIMALS = 6n;

const help = `Usage: 1tt deploy [options]

Deploys the ContributionRegistry and the RevenueSplitter with Hardhat Ignition, grants the
attester, consumer and pauser roles, and records the addresses, transactions and blocks in
DIR/<chainId>.json. The deployer key becomes the default admin. An interrupted deployment
resumes from Ignition's journal when run again.

On a local chain (id ${LOCAL_CHAIN_ID}) it also deploys Multicall3 and a 6-decimal test token, tUSDC,
on the payout allow-list (the record lists it under "tokens"), and mints ${TEST_TOKEN_UNITS.toLocaleString("en-US")} tUSDC to the
consumer so that deposits can be tried at once.

Options:
  --attester ADDRESS       holder of ATTESTER_ROLE (default: the deployer)
  --consumer ADDRESS       holder of CONSUMER_ROLE (default: the deployer)
  --pauser ADDRESS         holder of PAUSER_ROLE on both contracts (default: the deployer)
  --admin-delay-days N     delay before a default-admin handover takes effect (default: 3)
  --share-notice-days N    notice before a share decrease applies (default: 30)
  --no-local-extras        skip Multicall3 and tUSDC on a local chain
  --keystore FILE          deployer key file (see Keys)
${CHAIN_HELP}

${KEYS_HELP}
The deployer role reads ONETT_DEPLOYER_KEY.

JSON fields: chainId, file, registry, splitter, multicall3, tokens.

${EXIT_CODES_HELP}
`;

export const deployCommand: Command = {
  name: "deploy",
  summary: "deploy the registry and splitter and record them per chain id",
  help,
  async run(argv, io) {
    const { values } = parseOptions("deploy", argv, {
      ...CHAIN_OPTIONS,
      ...SIGNER_OPTIONS,
      attester: { type: "string" },
      consumer: { type: "string" },
      pauser: { type: "string" },
      "admin-delay-days": { type: "string" },
      "share-notice-days": { type: "string" },
      "no-local-extras": { type: "boolean", default: false },
    });
    if (values.help) {
      io.stdout.write(help);
      return EXIT.ok;
    }
    return await runChainCommand(values, async () => {
      const rpcUrl = rpcUrlOf(values, process.env);
      const deployerKey = await loadPrivateKey({ role: "deployer", env: process.env, keystorePath: values.keystore, promptPassword: terminalPrompt() });
      const chainId = await createRpcClient(rpcUrl).getChainId();
      const adminDays = parseInteger("admin-delay-days", values["admin-delay-days"], 0, 3650);
      const noticeDays = parseInteger("share-notice-days", values["share-notice-days"], 0, 3650);
      io.stderr.write(`Deploying to chain ${chainId} at ${describeUrl(rpcUrl)}...\n`);
      const { deployment, file } = await deployPlatform({
        projectRoot: PROJECT_ROOT,
        rpcUrl,
        deployerKey,
        attester: addressOption("attester", values.attester),
        consumer: addressOption("consumer", values.consumer),
        pauser: addressOption("pauser", values.pauser),
        adminTransferDelaySeconds: adminDays === undefined ? undefined : adminDays * SECONDS_PER_DAY,
        shareDecreaseNoticeSeconds: noticeDays === undefined ? undefined : noticeDays * SECONDS_PER_DAY,
        localExtras: chainId === LOCAL_CHAIN_ID && !values["no-local-extras"],
        deploymentsDir: deploymentsDirOf(values, process.env),
      });
      const consumer = addressOption("consumer", values.consumer) ?? privateKeyToAddress(deployerKey);
      const testToken = deployment.tokens?.tUSDC;
      if (testToken !== undefined) {
        await mintTestToken({ rpcUrl, senderKey: deployerKey, token: testToken, to: consumer, amount: TEST_TOKEN_UNITS * 10n ** TEST_TOKEN_DECIMALS });
        io.stderr.write(`Minted ${TEST_TOKEN_UNITS} tUSDC to the consumer ${consumer}.\n`);
      }
      io.stdout.write(
        `registry  ${deployment.registry.address} (block ${deployment.registry.blockNumber}, tx ${deployment.registry.transactionHash})\n` +
          `splitter  ${deployment.splitter.address} (block ${deployment.splitter.blockNumber}, tx ${deployment.splitter.transactionHash})\n` +
          (deployment.multicall3 === undefined ? "" : `multicall3 ${deployment.multicall3}\n`) +
          Object.entries(deployment.tokens ?? {}).map(([symbol, address]) => `token ${symbol} ${address}\n`).join("") +
          `recorded in ${file}\n`,
      );
      if (values.json) {
        writeJsonLine(io, {
          chainId: deployment.chainId,
          file,
          registry: deployment.registry.address,
          splitter: deployment.splitter.address,
          multicall3: deployment.multicall3 ?? null,
          tokens: deployment.tokens ?? {},
        });
      }
      return EXIT.ok;
    });
  },
};

function addressOption(name: string, value: string | undefined): Address | undefined {
  if (value === undefined) return undefined;
  if (!isAddress(value)) throw new CliError(`invalid --${name} "${value}": expected a 0x-prefixed 20-byte address.`, EXIT.usage);
  return getAddress(value);
}
