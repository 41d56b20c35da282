import path from "node:path";

import { PUBLISH_FILE, readReportBytes, readReportSummary, REPORT_FILE, writeJsonAtomic, type PublishRecord } from "../../lib/dataset/folder.ts";
import { IPFS_HELP, openReportStore, reportStoreConfig } from "../../lib/dataset/report-store.ts";
import type { Command } from "../command.ts";
import { toChainCliError, writeJsonLine } from "../chain-options.ts";
import { CliError, EXIT, EXIT_CODES_HELP } from "../exit-codes.ts";
import { parseOptions } from "../parse-options.ts";

const help = `Usage: 1tt publish DIR... [options]

Adds DIR/${REPORT_FILE}, the report of "1tt preprocess", to IPFS and writes its CID and sha256
to DIR/${PUBLISH_FILE}; "1tt consent" and "1tt attest" sign exactly these values. Publishing
the same report again gives the same CID.

The JSON report is the registered one, not report.html: it holds every count, id and setting
that the HTML page is rendered from, it is byte-identical for the same input, pipeline and
tokenizer on any machine (no timestamps), so anyone can rerun the pipeline and compare, and
programs can check it. The sha256 is registered next to the CID because the CID of a file
above 256 KiB is not its sha256, and a browser must be able to check what a gateway returns.

Options:
${IPFS_HELP.split("\n").slice(1).join("\n")}
  --json               print {"datasetId", "cid", "sha256", "size", "file"} as one JSON line,
                       or {"published": [...]} for several DIRs
  -h, --help           show this help

${EXIT_CODES_HELP}
`;

export const publishCommand: Command = {
  name: "publish",
  summary: "put a dataset's report.json on IPFS and record its CID and sha256",
  help,
  async run(argv, io) {
    const { values, positionals } = parseOptions("publish", argv, {
      "ipfs-repo": { type: "string" },
      "ipfs-api": { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    });
    if (values.help) {
      io.stdout.write(help);
      return EXIT.ok;
    }
    if (positionals.length === 0) throw new CliError('missing DIR: name the --out folder of "1tt preprocess". Run "1tt publish --help".', EXIT.usage);
    try {
      const store = await openReportStore(reportStoreConfig({ ipfsRepo: values["ipfs-repo"], ipfsApi: values["ipfs-api"] }, process.env));
      const published = [];
      try {
        for (const folder of positionals) {
          const summary = readReportSummary(folder);
          const { bytes, sha256 } = readReportBytes(folder);
          const added = await store.add(bytes);
          if (added.sha256.toLowerCase() !== sha256) throw new Error(`IPFS hashed ${folder}/${REPORT_FILE} to ${added.sha256}, but its sha256 is ${sha256}`);
          const record: PublishRecord = { cid: added.cid, sha256, size: added.size, file: REPORT_FILE, backend: store.kind, publishedAt: new Date().toISOString() };
          const file = path.join(folder, PUBLISH_FILE);
          writeJsonAtomic(file, record);
          io.stdout.write(`cid     ${record.cid}\nsha256  ${record.sha256}\nsize    ${record.size} bytes\nwritten ${file}\n`);
          published.push({ datasetId: summary.datasetId, cid: record.cid, sha256: record.sha256, size: record.size, file });
        }
      } finally {
        await store.close();
      }
      if (values.json) writeJsonLine(io, published.length === 1 ? published[0] : { published });
      return EXIT.ok;
    } catch (error) {
      throw toChainCliError(error);
    }
  },
};
