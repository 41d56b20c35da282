import { verifyDeployment } from "../../lib/chain/verify.ts";
import { DEFAULT_IPFS_REPO, reportChecker, startLocalReportGateway, type ReportGateway } from "../../lib/dataset/report-store.ts";
import { describeUrl } from "../../lib/keys/secrets.ts";
import type { Command } from "../command.ts";
import { CHAIN_HELP, CHAIN_OPTIONS, connectFromOptions, runChainCommand, writeJsonLine } from "../chain-options.ts";
import { CliError, EXIT, EXIT_CODES_HELP } from "../exit-codes.ts";
import { parseInteger, parseOptions } from "../parse-options.ts";

const help = `Usage: 1tt verify [options]

Recomputes the whole allocation from chain data and checks it; no wallet needed. It checks that
the recorded addresses hold this build of the contracts, rebuilds datasets, services, versions,
weights, deposits and claims from the contracts' events, compares them with the contracts'
views, checks per version that claimed + claimable + carried remainder = deposited, that the
splitter's token balances cover its liabilities, and fetches every registered report by CID
through an IPFS gateway and compares its sha256 with the one registered.

Prints one line per finding ("ok" or "FAIL") and a summary; exits with code 7 when anything
does not match.

Options:
  --gateway URL        IPFS gateway to fetch reports from (default: ONETT_IPFS_GATEWAY, else a
                       gateway on 127.0.0.1 over the embedded node's repository)
  --ipfs-repo DIR      embedded node repository for that local gateway (default:
                       ONETT_IPFS_REPO, else ${DEFAULT_IPFS_REPO})
  --no-reports         skip the report check
  --log-range N        first block range per eth_getLogs request (default: 100000); it halves
                       by itself when the endpoint rejects a range as too large
${CHAIN_HELP}

JSON fields: ok, chainId, findings ([{ok, subject, detail}]), passed, failed, logs,
rpcRequests, elapsedMs.

${EXIT_CODES_HELP}
`;

export const verifyCommand: Command = {
  name: "verify",
  summary: "rebuild the allocation from events and check views, invariants and reports",
  help,
  async run(argv, io) {
    const { values } = parseOptions("verify", argv, {
      ...CHAIN_OPTIONS,
      gateway: { type: "string" },
      "ipfs-repo": { type: "string" },
      "no-reports": { type: "boolean", default: false },
      "log-range": { type: "string" },
    });
    if (values.help) {
      io.stdout.write(help);
      return EXIT.ok;
    }
    if (values["no-reports"] && values.gateway !== undefined) throw new CliError("--no-reports cannot be combined with --gateway.", EXIT.usage);
    const logRange = parseInteger("log-range", values["log-range"], 1, 100_000_000);

    return await runChainCommand(values, async () => {
      const started = Date.now();
      let rpcRequests = 0;
      const connection = await connectFromOptions(values, { checkCode: false, onRequest: () => (rpcRequests += 1) });
      let gateway: ReportGateway | undefined;
      let gatewayUrl: string | undefined;
      if (!values["no-reports"]) {
        gatewayUrl = values.gateway ?? (process.env.ONETT_IPFS_GATEWAY || undefined);
        if (gatewayUrl === undefined) {
          gateway = await startLocalReportGateway(values["ipfs-repo"] ?? (process.env.ONETT_IPFS_REPO || DEFAULT_IPFS_REPO));
          gatewayUrl = gateway.url;
        }
      }
      try {
        io.stderr.write(
          `Verifying chain ${connection.chainId}: registry ${connection.deployment.registry.address}, splitter ${connection.deployment.splitter.address}` +
            (gatewayUrl === undefined ? ", reports not checked" : `, reports through ${describeUrl(gatewayUrl)}`) +
            "\n",
        );
        const result = await verifyDeployment({
          client: connection.publicClient,
          deployment: connection.deployment,
          logRange: logRange === undefined ? undefined : BigInt(logRange),
          checkReport: gatewayUrl === undefined ? undefined : reportChecker(gatewayUrl),
        });
        const failed = result.findings.filter((finding) => !finding.ok).length;
        for (const finding of result.findings) {
          io.stdout.write(`${finding.ok ? "ok  " : "FAIL"}  ${finding.subject}: ${finding.detail}\n`);
        }
        const elapsedMs = Date.now() - started;
        io.stdout.write(
          `${result.ok ? "PASSED" : "FAILED"}: ${result.findings.length - failed} checks passed, ${failed} failed; ` +
            `${result.state.datasets.size} datasets, ${result.state.versions.size} versions, ${result.state.deposits.length} deposits, ` +
            `${result.state.claims.length} claims; ${rpcRequests} RPC requests in ${(elapsedMs / 1000).toFixed(1)} s\n`,
        );
        if (values.json) {
          writeJsonLine(io, {
            ok: result.ok,
            chainId: connection.chainId,
            findings: result.findings,
            passed: result.findings.length - failed,
            failed,
            logs: result.logRequests,
            rpcRequests,
            elapsedMs,
          });
        }
        return result.ok ? EXIT.ok : EXIT.mismatch;
      } finally {
        await gateway?.close();
      }
    });
  },
};
