import path from "node:path";
import { fileURLToPath } from "node:url";

import { startLocalNode } from "../../lib/chain/local-node.ts";
import type { Command } from "../command.ts";
import { writeJsonLine } from "../chain-options.ts";
import { CliError, EXIT, EXIT_CODES_HELP } from "../exit-codes.ts";
import { parseInteger, parseOptions } from "../parse-options.ts";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const DEFAULT_PORT = 8545;

const help = `Usage: 1tt node [--port N] [--json]

Starts a local Hardhat node on 127.0.0.1 (chain id 31337) and keeps it running until Ctrl-C.
Its state lives in memory only: after a restart, run "1tt deploy" again. The node funds
Hardhat's twenty development accounts, whose keys are public; never use them on a real chain.

Options:
  --port N      TCP port on 127.0.0.1 (default: ${DEFAULT_PORT}; 0 picks a free one)
  --json        print {"url", "port", "chainId"} as one JSON line once the node is ready
  -h, --help    show this help

${EXIT_CODES_HELP}
`;

export const nodeCommand: Command = {
  name: "node",
  summary: "run a local Hardhat chain on 127.0.0.1 until Ctrl-C",
  help,
  async run(argv, io) {
    const { values } = parseOptions("node", argv, {
      port: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    });
    if (values.help) {
      io.stdout.write(help);
      return EXIT.ok;
    }
    const port = parseInteger("port", values.port, 0, 65_535) ?? DEFAULT_PORT;
    let node;
    try {
      node = await startLocalNode({ projectRoot: PROJECT_ROOT, port });
    } catch (error) {
      throw new CliError(`the local node did not start on port ${port}: ${(error as Error).message}. Pick another port with --port.`, EXIT.chain);
    }
    io.stderr.write(`Local chain 31337 listening at ${node.url}. Press Ctrl-C to stop it.\n`);
    if (values.json) writeJsonLine(io, { url: node.url, port: node.port, chainId: 31_337 });

    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      // The dispatcher's SIGINT handler exits at once, which would leave the node running; this
      // command stops the node first and then exits normally.
      process.removeAllListeners("SIGINT");
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      node.process.once("exit", stop);
    });
    const exitedByItself = node.process.exitCode !== null;
    await node.stop();
    io.stderr.write(exitedByItself ? `The node exited with code ${node.process.exitCode}.\n` : "Stopped the local node.\n");
    return exitedByItself ? EXIT.chain : EXIT.ok;
  },
};
