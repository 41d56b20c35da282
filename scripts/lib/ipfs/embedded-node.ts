/**
 * The embedded IPFS node: Helia's UnixFS API over a block store on local disk.
 *
 * It has no libp2p host, no bitswap, no DHT, no routers and no HTTP block brokers, so it makes no
 * network connection and listens on nothing. A CID whose blocks are not on disk is reported as not
 * found instead of being searched for. `startGateway` serves the stored files over HTTP.
 */
import path from "node:path";
import { unixfs, type UnixFS } from "@helia/unixfs";
import { addFileToBlockstore } from "./add-file.ts";
import { concatBytes } from "./bytes.ts";
import { CidNotFoundError, NotAFileError } from "./errors.ts";
import type { CidVersion } from "./import-settings.ts";
import { parseCid } from "./parse-cid.ts";
import type { AddFileResult, IpfsBackend, ReadOptions } from "./types.ts";
import { VerifiedBlockstore } from "./verified-blockstore.ts";

export interface OpenEmbeddedNodeParameters {
  /** Repository directory; blocks are kept in its `blocks` subdirectory. Created when missing. */
  repoDir: string;
  /** CID version of added files. Default 0, as `ipfs add`. */
  cidVersion?: CidVersion;
}

/** Size of a stored file, read from its root block. */
export interface FileStat {
  cid: string;
  /** File size in bytes. */
  size: number;
}

/** The embedded node: the backend interface plus the streaming reads that the gateway uses. */
export interface EmbeddedNode extends IpfsBackend {
  readonly kind: "embedded";
  readonly repoDir: string;
  /** Returns the file's size, or throws CidNotFoundError or NotAFileError. */
  statFile(cid: string, options?: ReadOptions): Promise<FileStat>;
  /** Yields the file's bytes block by block, each block verified against its CID. */
  catFile(cid: string, options?: ReadOptions): AsyncIterable<Uint8Array>;
}

/** Error names of @helia/unixfs and ipfs-unixfs-exporter for a CID that is not a UnixFS file. */
const NOT_A_FILE_ERRORS = new Set(["NotAFileError", "NotUnixFSError", "NoResolverError"]);

/**
 * Opens (or creates) the repository at `repoDir`.
 *
 * @example
 * const node = await openEmbeddedNode({ repoDir: ".1tt/ipfs" });
 * const { cid, sha256 } = await node.addFile(new TextEncoder().encode("hello world\n"));
 * // cid === "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o"
 * await node.close();
 */
export async function openEmbeddedNode(parameters: OpenEmbeddedNodeParameters): Promise<EmbeddedNode> {
  const repoDir = path.resolve(parameters.repoDir);
  const cidVersion = parameters.cidVersion ?? 0;
  const blockstore = new VerifiedBlockstore(path.join(repoDir, "blocks"));
  await blockstore.open();

  const fs: UnixFS = unixfs({ blockstore });
  let isClosed = false;

  function assertOpen(): void {
    if (isClosed) throw new Error(`The IPFS repository at ${repoDir} is closed. Open it again with openEmbeddedNode.`);
  }

  async function statFile(cidText: string, options: ReadOptions = {}): Promise<FileStat> {
    assertOpen();
    const cid = parseCid(cidText);
    const stat = await translateErrors(cidText, () => fs.stat(cid, { signal: options.signal, offline: true }));
    if (stat.type === "directory") throw new NotAFileError(cidText, "the CID is a UnixFS directory");
    return { cid: cid.toString(), size: Number(stat.size) };
  }

  async function* catFile(cidText: string, options: ReadOptions = {}): AsyncIterable<Uint8Array> {
    assertOpen();
    const cid = parseCid(cidText);
    const chunks = fs.cat(cid, { signal: options.signal, offline: true })[Symbol.asyncIterator]();
    while (true) {
      const next = await translateErrors(cidText, () => chunks.next());
      if (next.done === true) return;
      yield next.value;
    }
  }

  return {
    kind: "embedded",
    cidVersion,
    repoDir,

    async addFile(bytes: Uint8Array): Promise<AddFileResult> {
      assertOpen();
      return addFileToBlockstore(blockstore, bytes, cidVersion);
    },

    async getFile(cid, options) {
      const chunks: Uint8Array[] = [];
      for await (const chunk of catFile(cid.toString(), options)) chunks.push(chunk);
      return concatBytes(chunks);
    },

    statFile,
    catFile,

    async close() {
      if (isClosed) return;
      isClosed = true;
      await blockstore.close();
    },
  };
}

/** Runs `read` and turns the exporter's "not a file" errors into NotAFileError for `cid`. */
async function translateErrors<T>(cid: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof CidNotFoundError) throw error;
    if (error instanceof Error && NOT_A_FILE_ERRORS.has(error.name)) throw new NotAFileError(cid, error.message);
    throw error;
  }
}
