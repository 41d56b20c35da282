/**
 * The embedded node's block store: blocks in files under a directory (blockstore-fs), each block
 * checked against its CID when read, so that a block changed on disk is reported, never served.
 */
import { createHash } from "node:crypto";
import { FsBlockstore } from "blockstore-fs";
import type { CID } from "multiformats/cid";
import { sha256 as sha256Hasher } from "multiformats/hashes/sha2";
import { BlockVerificationError, CidNotFoundError, IpfsError, messageOf } from "./errors.ts";

type AbortOptions = { signal?: AbortSignal };

/** A block store on disk that rejects blocks whose bytes do not hash to their CID. */
export class VerifiedBlockstore {
  readonly directory: string;
  readonly #store: FsBlockstore;

  constructor(directory: string) {
    this.directory = directory;
    this.#store = new FsBlockstore(directory);
  }

  /** Creates the directory when it is missing. */
  async open(): Promise<void> {
    await this.#store.open();
  }

  async close(): Promise<void> {
    await this.#store.close();
  }

  async has(cid: CID, options?: AbortOptions): Promise<boolean> {
    return this.#store.has(cid, options);
  }

  async put(cid: CID, bytes: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>, options?: AbortOptions) {
    return this.#store.put(cid, bytes, options);
  }

  /** Yields the block's bytes in one piece after checking them against the CID's multihash. */
  async *get(cid: CID, options?: AbortOptions): AsyncGenerator<Uint8Array> {
    const bytes = await this.#read(cid, options);
    verifyBlock(cid, bytes);
    yield bytes;
  }

  async #read(cid: CID, options?: AbortOptions): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    try {
      for await (const chunk of this.#store.get(cid, options)) chunks.push(chunk);
    } catch (error) {
      if (error instanceof Error && error.name === "NotFoundError") {
        throw new CidNotFoundError(cid.toString(), { details: messageOf(error), cause: error });
      }
      throw error;
    }
    return Buffer.concat(chunks);
  }
}

/** Throws BlockVerificationError when `bytes` do not hash to the digest in `cid`. */
function verifyBlock(cid: CID, bytes: Uint8Array): void {
  if (cid.multihash.code !== sha256Hasher.code) {
    throw new IpfsError(`Block ${cid} uses multihash code 0x${cid.multihash.code.toString(16)}.`, {
      nextStep: "Only sha2-256 blocks can be read from this store.",
    });
  }

  const actual = createHash("sha256").update(bytes).digest();
  if (!actual.equals(cid.multihash.digest)) {
    throw new BlockVerificationError(
      cid.toString(),
      `sha2-256 of the ${bytes.length} bytes on disk is ${actual.toString("hex")}, ` +
        `the CID names ${Buffer.from(cid.multihash.digest).toString("hex")}`,
    );
  }
}
