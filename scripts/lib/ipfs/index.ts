/** The IPFS library of `1tt publish`, `1tt verify` and the web app. Each module documents its part. */
export { addFileToBlockstore, computeCid } from "./add-file.ts";
export { sniffContentType } from "./content-type.ts";
export { openEmbeddedNode, type EmbeddedNode, type FileStat, type OpenEmbeddedNodeParameters } from "./embedded-node.ts";
export * from "./errors.ts";
export { fetchVerified, type FetchVerifiedOptions, type RetryInfo } from "./fetch-verified.ts";
export { startGateway, type Gateway, type StartGatewayParameters } from "./gateway.ts";
export {
  CHUNK_SIZE_BYTES,
  MAX_LINKS_PER_NODE,
  importSettings,
  kuboAddSettings,
  toCidVersion,
  type CidVersion,
} from "./import-settings.ts";
export { openKuboBackend, type KuboBackend, type OpenKuboBackendParameters } from "./kubo-backend.ts";
export { DEFAULT_REPO_DIR, IPFS_API_ENV, ipfsConfigFromEnv, openIpfs, type IpfsConfig } from "./open-ipfs.ts";
export { parseCid } from "./parse-cid.ts";
export { normalizeSha256, sha256Hex, type Sha256Hex } from "./sha256.ts";
export type { AddFileResult, IpfsBackend, ReadOptions } from "./types.ts";
