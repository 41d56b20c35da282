import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename } from "node:path";
import { sha256Hex } from "./hash.ts";

/** Name of the default tokenizer: OpenAI's o200k_base vocabulary as shipped by gpt-tokenizer. */
export const DEFAULT_TOKENIZER = "o200k_base";

export interface Tokenizer {
  /** sha256 of the definition file's bytes (the .tiktoken vocabulary or the tokenizer.json). */
  readonly id: string;
  /** `o200k_base`, or the file name of the tokenizer.json. */
  readonly name: string;
  /** Counts tokens, treating special-token strings such as "<|endoftext|>" as plain text. */
  countTokens(text: string): number;
}

export class TokenizerError extends Error {
  override readonly name = "TokenizerError";
}

const require = createRequire(import.meta.url);

/** Loads the tokenizer named by `spec`: `o200k_base`, or the path of a Hugging Face tokenizer.json. */
export async function loadTokenizer(spec: string): Promise<Tokenizer> {
  if (spec === DEFAULT_TOKENIZER) return loadO200k();
  return loadHuggingFace(spec);
}

/**
 * Returns the id and name of the tokenizer named by `spec` without building it, after checking
 * that the file exists and looks like a tokenizer definition.
 */
export function describeTokenizer(spec: string): { id: string; name: string } {
  if (spec === DEFAULT_TOKENIZER) {
    return { id: "0x" + sha256Hex(readFileSync(require.resolve("gpt-tokenizer/data/o200k_base.tiktoken"))), name: DEFAULT_TOKENIZER };
  }
  const { bytes } = readHuggingFaceDefinition(spec);
  return { id: "0x" + sha256Hex(bytes), name: basename(spec) };
}

async function loadO200k(): Promise<Tokenizer> {
  const vocabularyPath = require.resolve("gpt-tokenizer/data/o200k_base.tiktoken");
  const { countTokens } = await import("gpt-tokenizer/encoding/o200k_base");
  // Neither allowed nor disallowed: gpt-tokenizer then encodes special-token strings as text.
  const options = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };
  let id: string | undefined;
  return {
    // Hashed on first use, because workers count tokens and never read the id: reading and
    // hashing the 3.6 MB vocabulary would add to each worker's start-up.
    get id() {
      id ??= "0x" + sha256Hex(readFileSync(vocabularyPath));
      return id;
    },
    name: DEFAULT_TOKENIZER,
    countTokens: (text) => countTokens(text, options),
  };
}

async function loadHuggingFace(path: string): Promise<Tokenizer> {
  const { bytes, definition } = readHuggingFaceDefinition(path);
  // Dropping the special added tokens makes their literal strings tokenize as ordinary text.
  definition.added_tokens = (definition.added_tokens ?? []).filter((token) => token.special !== true);
  const { Tokenizer: HuggingFaceTokenizer } = await import("@huggingface/tokenizers");
  const tokenizer = new HuggingFaceTokenizer(definition, {});
  return {
    id: "0x" + sha256Hex(bytes),
    name: basename(path),
    countTokens: (text) => tokenizer.encode(text, { add_special_tokens: false }).ids.length,
  };
}

interface HuggingFaceDefinition {
  added_tokens?: Array<{ special?: boolean }>;
  model?: unknown;
}

function readHuggingFaceDefinition(path: string): { bytes: Buffer; definition: HuggingFaceDefinition } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new TokenizerError(
      `cannot read tokenizer file ${path}: ${(error as Error).message}. Pass --tokenizer ${DEFAULT_TOKENIZER} or the path of a Hugging Face tokenizer.json.`,
    );
  }
  let definition: HuggingFaceDefinition;
  try {
    definition = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new TokenizerError(`tokenizer file ${path} is not valid JSON (${(error as Error).message}); expected a Hugging Face tokenizer.json.`);
  }
  if (typeof definition !== "object" || definition === null || typeof definition.model !== "object") {
    throw new TokenizerError(`tokenizer file ${path} has no "model" section; expected a Hugging Face tokenizer.json.`);
  }
  return { bytes, definition };
}
