import { InvalidSettingError } from "../../preprocess/errors.ts";
import { hashDocument } from "../../preprocess/hash.ts";
import { proveDocument } from "../../preprocess/dataset-proof.ts";
import type { Command } from "../command.ts";
import { CliError, EXIT, EXIT_CODES_HELP } from "../exit-codes.ts";
import { parseOptions } from "../parse-options.ts";

const help = `Usage: 1tt proof --dataset DIR (--hash 0x... | --text STRING) [--json]

Prints the Merkle inclusion proof of one document in a preprocessed dataset: the dataset id
(the root), the leaf keccak256(keccak256(hash)) and the sibling hashes, in the form that
OpenZeppelin's MerkleProof.verify and @openzeppelin/merkle-tree's StandardMerkleTree accept.

Options:
  --dataset DIR    the --out folder of "1tt preprocess"
  --hash HASH      the document's sha256, as listed in DIR/manifest.jsonl
  --text STRING    the document's cleaned text (its sha256 is computed)
  --json           print the proof as one JSON line
  -h, --help       show this help

${EXIT_CODES_HELP}
`;

export const proofCommand: Command = {
  name: "proof",
  summary: "print the Merkle inclusion proof of one document in a dataset",
  help,
  async run(argv, io) {
    const { values } = parseOptions("proof", argv, {
      dataset: { type: "string" },
      hash: { type: "string" },
      text: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    });
    if (values.help) {
      io.stdout.write(help);
      return EXIT.ok;
    }
    if (!values.dataset) throw new CliError("missing --dataset DIR.", EXIT.usage);
    if ((values.hash === undefined) === (values.text === undefined)) throw new CliError("pass exactly one of --hash or --text.", EXIT.usage);
    if (values.hash !== undefined && !/^0x[0-9a-fA-F]{64}$/.test(values.hash)) {
      throw new CliError(`invalid --hash "${values.hash}": expected 0x followed by 64 hex digits.`, EXIT.usage);
    }
    try {
      const proof = proveDocument(values.dataset, values.hash ?? hashDocument(values.text!));
      io.stdout.write(values.json ? JSON.stringify(proof) + "\n" : `dataset id ${proof.datasetId}\nleaf       ${proof.leaf}\nproof\n${proof.proof.map((node) => `  ${node}`).join("\n")}\n`);
      return EXIT.ok;
    } catch (error) {
      if (error instanceof InvalidSettingError) throw new CliError(error.message, EXIT.input);
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new CliError(`${values.dataset} has no manifest.jsonl; pass the --out folder of "1tt preprocess".`, EXIT.input);
      throw error;
    }
  },
};
