/**
 * UnixFS import settings that reproduce the CIDs of Kubo's `ipfs add`.
 *
 * Kubo's defaults (no Import.* config set): CIDv0, dag-pb leaves of UnixFS type "file",
 * fixed-size chunks of 256 KiB, a balanced DAG with at most 174 links per node, sha2-256.
 * `ipfs add --cid-version=1` keeps the chunker and layout but switches to CIDv1 and raw leaves.
 * Helia's interop suite checks the CIDv0 options against a real Kubo node.
 *
 * NOTE: for CIDv1 files of more than one chunk no CID published by Kubo was found, so the tests
 * compare them with a DAG rebuilt by hand from the specifications.
 */
import { fixedSize } from "ipfs-unixfs-importer/chunker";
import { balanced } from "ipfs-unixfs-importer/layout";
import type { AddFileOptions } from "@helia/unixfs";

/** CID version of the files a backend adds: 0 as `ipfs add`, 1 as `ipfs add --cid-version=1`. */
export type CidVersion = 0 | 1;

/** Chunk size of Kubo's default chunker `size-262144`, in bytes. */
export const CHUNK_SIZE_BYTES = 262_144;

/** Links per internal node of Kubo's balanced layout: DefaultLinksPerBlock of the Go importer, 8192 / 47. */
export const MAX_LINKS_PER_NODE = 174;

/** Returns the importer options that give the same CID as `ipfs add` with `cidVersion`. */
export function importSettings(cidVersion: CidVersion): AddFileOptions {
  return {
    cidVersion,
    rawLeaves: cidVersion === 1,
    leafType: "file",
    reduceSingleLeafToSelf: true,
    chunker: fixedSize({ chunkSize: CHUNK_SIZE_BYTES }),
    layout: balanced({ maxChildrenPerNode: MAX_LINKS_PER_NODE }),
  };
}

/** Returns the query options of Kubo's `/api/v0/add` that select the same settings. */
export function kuboAddSettings(cidVersion: CidVersion) {
  return {
    cidVersion,
    rawLeaves: cidVersion === 1,
    chunker: `size-${CHUNK_SIZE_BYTES}`,
    hashAlg: "sha2-256",
  } as const;
}

/** Returns `value` as a CID version, or throws a RangeError naming the bad value. */
export function toCidVersion(value: unknown): CidVersion {
  if (value === 0 || value === 1) return value;
  if (value === "0" || value === "1") return Number(value) as CidVersion;
  throw new RangeError(`Invalid CID version ${JSON.stringify(value)}: use 0 (ipfs add default) or 1.`);
}
