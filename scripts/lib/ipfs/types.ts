import type { CID } from "multiformats/cid";
import type { CidVersion } from "./import-settings.ts";
import type { Sha256Hex } from "./sha256.ts";

/** Result of adding one file. */
export interface AddFileResult {
  /** The file's CID as `ipfs add` prints it (base58btc for CIDv0, base32 for CIDv1). */
  cid: string;
  /** SHA-256 of the file's bytes, 0x-prefixed hex, to register on-chain next to the CID. */
  sha256: Sha256Hex;
  /** File size in bytes. */
  size: number;
}

/** Options of every read. */
export interface ReadOptions {
  signal?: AbortSignal;
}

/** One interface over the embedded node and a Kubo node reached over its RPC API. */
export interface IpfsBackend {
  readonly kind: "embedded" | "kubo";
  /** CID version of the files that `addFile` adds. */
  readonly cidVersion: CidVersion;
  /** Stores `bytes` as a UnixFS file, with the same CID that `ipfs add` gives for these settings. */
  addFile(bytes: Uint8Array): Promise<AddFileResult>;
  /** Returns the whole file stored under `cid` (a CID string or object). */
  getFile(cid: string | CID, options?: ReadOptions): Promise<Uint8Array>;
  /** Releases files, sockets and timers. The backend cannot be used afterwards. */
  close(): Promise<void>;
}
