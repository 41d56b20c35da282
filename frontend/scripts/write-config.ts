/**
 * Writes the web app's `config.json` from a chain's deployment record, so that the app can be
 * pointed at a chain without editing JSON by hand. The chain id is read from the RPC
 * endpoint, and the result is checked with the same parser the app uses.
 *
 * Usage: node frontend/scripts/write-config.ts --rpc-url URL --gateway-url URL
 *          [--chain-name NAME] [--deployments DIR] [--attestations-url URL]
 *          [--walletconnect-project-id ID] [--out FILE]
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { createPublicClient, http } from "viem";

import { readDeployment } from "../../scripts/lib/chain/deployment.ts";
import { parseAppConfig } from "../src/config/app-config.ts";

const USAGE = `Usage: node frontend/scripts/write-config.ts --rpc-url URL --gateway-url URL [options]

Writes config.json for the web app from deployments/<chainId>.json.

Options:
  --rpc-url URL           JSON-RPC endpoint that browsers will use (required)
  --gateway-url URL       IPFS HTTP gateway that serves /ipfs/<cid> with CORS (required)
  --chain-name NAME       name shown to people (default: "Chain <id>")
  --deployments DIR       folder of deployment records (default: deployments)
  --attestations-url URL  base URL of attestations awaiting consent (default: attestations)
  --walletconnect-project-id ID
                          WalletConnect project id. Without one, the app offers no
                          WalletConnect (default: none)
  --out FILE              where to write (default: frontend/dist/config.json)
`;

const { values } = parseArgs({
  options: {
    "rpc-url": { type: "string" },
    "gateway-url": { type: "string" },
    "chain-name": { type: "string" },
    deployments: { type: "string", default: "deployments" },
    "attestations-url": { type: "string", default: "attestations" },
    "walletconnect-project-id": { type: "string" },
    out: { type: "string", default: path.join("frontend", "dist", "config.json") },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (values["rpc-url"] === undefined || values["gateway-url"] === undefined) {
  process.stderr.write(`error: --rpc-url and --gateway-url are required.\n\n${USAGE}`);
  process.exit(2);
}

try {
  const chainId = await createPublicClient({ transport: http(values["rpc-url"]) }).getChainId();
  const config = parseAppConfig({
    chainId,
    chainName: values["chain-name"] ?? `Chain ${chainId}`,
    rpcUrl: values["rpc-url"],
    gatewayUrl: values["gateway-url"],
    attestationsUrl: values["attestations-url"],
    walletConnectProjectId: values["walletconnect-project-id"],
    deployment: readDeployment(values.deployments, chainId),
  });
  writeFileSync(values.out, `${JSON.stringify(config, null, 2)}\n`);
  process.stdout.write(`Wrote ${values.out} for chain ${chainId} (registry ${config.deployment.registry.address}).\n`);
} catch (error) {
  process.stderr.write(`error: config.json was not written: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
