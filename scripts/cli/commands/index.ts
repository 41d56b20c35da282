import { existsSync } from "node:fs";
import { InvalidSettingError } from "../../preprocess/errors.ts";
import { addDatasetToIndex, addReferenceToIndex } from "../../preprocess/index-sources.ts";
import { IndexStore } from "../../preprocess/index-store.ts";
import { InputNotFoundError } from "../../preprocess/readers/inputs.ts";
import type { Command } from "../command.ts";
import { CliError, EXIT, EXIT_CODES_HELP } from "../exit-codes.ts";
import { parseOptions } from "../parse-options.ts";
import { DEFAULT_INDEX_PATH } from "./preprocess.ts";

const help = `Usage: 1tt index add --dataset DIR [--index PATH] [--json]
       1tt index add --reference INPUT... [--label NAME] [--text-field NAME] [--index PATH] [--json]
       1tt index status [--index PATH] [--json]

Maintains the shared dedup index that "1tt preprocess" checks, so that no text is paid twice.
The index is append-only: each added source gets the next state number, and a report records
the state it used ("1tt preprocess --index-at N" reproduces it later).

  add --dataset DIR    add a dataset after it is registered on chain; DIR is the --out folder of
                       "1tt preprocess". Its documents must match its dataset id. Adding the
                       same dataset again does nothing.
  add --reference ...  add the consumer's reference corpus (same input formats as preprocess)
  status               list the sources in the index with their state numbers

Options:
  --index PATH         index file (default: ${DEFAULT_INDEX_PATH})
  --label NAME         name shown for a reference corpus (default: the input paths)
  --text-field NAME    JSON field or CSV/Parquet column with the text (default: text)
  --json               print a JSON result as the last line of stdout
  -h, --help           show this help

${EXIT_CODES_HELP}
`;

export const indexCommand: Command = {
  name: "index",
  summary: "add registered datasets or the reference corpus to the shared dedup index",
  help,
  async run(argv, io) {
    const { values, positionals } = parseOptions("index", argv, {
      dataset: { type: "string" },
      reference: { type: "boolean", default: false },
      label: { type: "string" },
      "text-field": { type: "string", default: "text" },
      index: { type: "string", default: DEFAULT_INDEX_PATH },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    });
    if (values.help) {
      io.stdout.write(help);
      return EXIT.ok;
    }
    const [action, ...inputs] = positionals;
    if (action === "status") {
      if (!existsSync(values.index)) throw new CliError(`index not found: ${values.index}. Add a source with "1tt index add" first, or pass --index.`, EXIT.input);
      const index = new IndexStore(values.index, { readOnly: true });
      try {
        const sources = index.sources();
        if (values.json) io.stdout.write(JSON.stringify({ state: index.state(), sources }) + "\n");
        else {
          io.stdout.write(`${values.index}: state ${index.state().sequence}\n`);
          for (const source of sources) io.stdout.write(`  ${source.sequence}  ${source.kind.padEnd(9)}  ${source.documents} documents  ${source.label}\n`);
        }
      } finally {
        index.close();
      }
      return EXIT.ok;
    }
    if (action !== "add") throw new CliError(`unknown index action "${action ?? ""}"; use "add" or "status". Run "1tt index --help".`, EXIT.usage);
    if ((values.dataset === undefined) === !values.reference) {
      throw new CliError("index add needs exactly one of --dataset DIR or --reference INPUT...", EXIT.usage);
    }
    if (values.reference && inputs.length === 0) throw new CliError("index add --reference needs at least one INPUT file or folder.", EXIT.usage);

    const index = new IndexStore(values.index);
    try {
      const result = values.dataset !== undefined
        ? await addDatasetToIndex(index, values.dataset)
        : await addReferenceToIndex(index, inputs, values.label ?? inputs.join(" "), values["text-field"]);
      const { source } = result;
      io.stderr.write(
        result.added
          ? `Added ${source.kind} ${source.label} (${source.documents} documents) as index state ${source.sequence}.\n`
          : `Dataset ${source.label} is already in the index as state ${source.sequence}; nothing changed.\n`,
      );
      if (values.json) io.stdout.write(JSON.stringify({ added: result.added, ...source }) + "\n");
      return EXIT.ok;
    } catch (error) {
      if (error instanceof InvalidSettingError || error instanceof InputNotFoundError) throw new CliError(error.message, EXIT.input);
      throw error;
    } finally {
      index.close();
    }
  },
};
