import { join } from "node:path";
import { InvalidSettingError, OutputConflictError, StrictModeError } from "../../preprocess/errors.ts";
import { defaultWorkerCount, preprocess, REPORT_HTML, REPORT_JSON } from "../../preprocess/pipeline.ts";
import { InputNotFoundError } from "../../preprocess/readers/inputs.ts";
import { DEFAULT_TOKENIZER, TokenizerError } from "../../preprocess/tokenizer.ts";
import type { Command } from "../command.ts";
import { CliError, EXIT, EXIT_CODES_HELP } from "../exit-codes.ts";
import { parseInteger, parseOptions } from "../parse-options.ts";
import { createProgressBar } from "../progress.ts";

export const DEFAULT_INDEX_PATH = join(".1tt", "index.sqlite");
const MAX_WORKERS = 256;

const help = `Usage: 1tt preprocess INPUT... --out DIR [options]

Cleans, deduplicates, redacts and counts the tokens of raw text, and writes the dataset that is
registered on chain: DIR/data/shard-*.jsonl (one {"text": ...} per line), DIR/manifest.jsonl
(one document hash per line), DIR/report.json, DIR/report.html and DIR/run.json.

INPUT is a JSONL, CSV, TSV, Parquet, .txt or .md file, or a folder of them (read recursively).
Each .txt/.md file is one document; each JSONL line or CSV/Parquet row is one document.

Options:
  --out DIR            output folder (required); rerunning with the same DIR resumes an
                       interrupted run without redoing finished shards
  --text-field NAME    JSON field or CSV/Parquet column that holds the text (default: text)
  --tokenizer SPEC     ${DEFAULT_TOKENIZER} (default, ships with gpt-tokenizer) or the path of a
                       Hugging Face tokenizer.json
  --workers N          worker threads (default: one per CPU core, here ${defaultWorkerCount()})
  --index PATH         shared dedup index of registered datasets and the reference corpus
                       (default: ${DEFAULT_INDEX_PATH}; a missing file counts as empty)
  --index-at N         dedup against index state N instead of the latest, to reproduce a report
  --no-index           skip dedup against the index
  --strict             fail when any line is rejected or any file skipped, writing no dataset
  --fresh              discard an unfinished run in DIR instead of resuming it
  --keep-work          keep DIR/.work (spool files and work database) after success
  --json               print a JSON summary as the last line of stdout
  -h, --help           show this help

JSON summary fields: datasetId, tokenCount, documentsIn, documentsKept, pipelineId,
tokenizerId, indexSequence, out, report, shardsResumed, elapsedMs.

${EXIT_CODES_HELP}
`;

export const preprocessCommand: Command = {
  name: "preprocess",
  summary: "clean, deduplicate, redact and count tokens; write the dataset and its report",
  help,
  async run(argv, io) {
    const { values, positionals } = parseOptions("preprocess", argv, {
      out: { type: "string" },
      "text-field": { type: "string", default: "text" },
      tokenizer: { type: "string", default: DEFAULT_TOKENIZER },
      workers: { type: "string" },
      index: { type: "string" },
      "index-at": { type: "string" },
      "no-index": { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      fresh: { type: "boolean", default: false },
      "keep-work": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    });
    if (values.help) {
      io.stdout.write(help);
      return EXIT.ok;
    }
    if (positionals.length === 0) throw new CliError('missing INPUT: name at least one file or folder. Run "1tt preprocess --help".', EXIT.usage);
    if (!values.out) throw new CliError('missing --out DIR: name the folder for the dataset and report. Run "1tt preprocess --help".', EXIT.usage);
    if (values["no-index"] && (values.index || values["index-at"])) {
      throw new CliError("--no-index cannot be combined with --index or --index-at.", EXIT.usage);
    }

    const progress = createProgressBar(io.stderr);
    try {
      const result = await preprocess({
        inputs: positionals,
        outDir: values.out,
        textField: values["text-field"],
        tokenizer: values.tokenizer,
        workers: parseInteger("workers", values.workers, 1, MAX_WORKERS) ?? defaultWorkerCount(),
        indexPath: values["no-index"] ? null : (values.index ?? DEFAULT_INDEX_PATH),
        indexAt: parseInteger("index-at", values["index-at"], 0, Number.MAX_SAFE_INTEGER),
        strict: values.strict,
        fresh: values.fresh,
        keepWork: values["keep-work"],
        onProgress: (state) => progress.update(state.bytesRead, state.bytesTotal, state.phase),
      });
      progress.finish();
      const { report } = result;
      io.stderr.write(
        `Kept ${report.documentsKept} of ${report.documentsIn} documents, ${report.tokenCount} tokens.\n` +
          `Dataset id ${report.datasetId}\nReport: ${join(values.out, REPORT_HTML)}\n` +
          (report.rejectedInputs.total > 0 ? `Rejected ${report.rejectedInputs.total} input line(s); see the report.\n` : "") +
          (report.skippedFiles.length > 0 ? `Skipped ${report.skippedFiles.length} file(s); see the report.\n` : ""),
      );
      if (values.json) {
        io.stdout.write(
          JSON.stringify({
            datasetId: report.datasetId,
            tokenCount: report.tokenCount,
            documentsIn: report.documentsIn,
            documentsKept: report.documentsKept,
            pipelineId: report.pipelineId,
            tokenizerId: report.tokenizerId,
            indexSequence: report.index.sequence,
            out: values.out,
            report: join(values.out, REPORT_JSON),
            shardsResumed: result.shardsResumed,
            elapsedMs: result.elapsedMs,
          }) + "\n",
        );
      }
      return EXIT.ok;
    } catch (error) {
      progress.finish();
      throw toCliError(error);
    }
  },
};

function toCliError(error: unknown): unknown {
  if (error instanceof InputNotFoundError || error instanceof StrictModeError) return new CliError(error.message, EXIT.input);
  if (error instanceof OutputConflictError) return new CliError(error.message, EXIT.conflict);
  if (error instanceof TokenizerError || error instanceof InvalidSettingError) return new CliError(error.message, EXIT.usage);
  return error;
}
