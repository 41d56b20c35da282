/**
 * Adds bytes as a UnixFS file to a block store with `ipfs add` settings, through Helia's UnixFS
 * API. Also computes a CID without storing anything, as `ipfs add --only-hash` does.
 */
import { unixfs } from "@helia/unixfs";
import type { CID } from "multiformats/cid";
import { importSettings, type CidVersion } from "./import-settings.ts";
import { sha256Hex } from "./sha256.ts";
import type { AddFileResult } from "./types.ts";

/** The part of a block store that importing needs. */
export interface WritableBlockstore {
  put(cid: CID, bytes: Uint8Array): Promise<CID> | CID;
  get(cid: CID): AsyncGenerator<Uint8Array> | Generator<Uint8Array>;
  has(cid: CID): Promise<boolean> | boolean;
}

/** Imports `bytes` into `blockstore` and returns the file's CID, sha256 and size. */
export async function addFileToBlockstore(
  blockstore: WritableBlockstore,
  bytes: Uint8Array,
  cidVersion: CidVersion,
): Promise<AddFileResult> {
  const cid = await unixfs({ blockstore }).addBytes(bytes, importSettings(cidVersion));
  return { cid: cid.toString(), sha256: await sha256Hex(bytes), size: bytes.length };
}

/** Returns the CID that `ipfs add` with `cidVersion` gives for `bytes`, storing no block. */
export async function computeCid(bytes: Uint8Array, cidVersion: CidVersion): Promise<string> {
  const { cid } = await addFileToBlockstore(discardingBlockstore, bytes, cidVersion);
  return cid;
}

const discardingBlockstore: WritableBlockstore = {
  put: (cid) => cid,
  // eslint-disable-next-line require-yield -- a discarding store has no block to yield
  get: function* (cid) {
    throw new Error(`Block ${cid} was not kept: this store only computes CIDs.`);
  },
  has: () => false,
};
