/**
 * Chooses the IPFS backend: the embedded node on local disk by default, or a Kubo node when its
 * RPC URL is configured.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openEmbeddedNode, type EmbeddedNode } from "./embedded-node.ts";
import type { CidVersion } from "./import-settings.ts";
import { openKuboBackend, type KuboBackend } from "./kubo-backend.ts";

/** Environment variable with the Kubo RPC API URL. When it is unset or empty, the embedded node is used. */
export const IPFS_API_ENV = "ONETT_IPFS_API";

/** Repository of the embedded node, relative to the project root (git-ignored). */
export const DEFAULT_REPO_DIR = path.join(".1tt", "ipfs");

const PROJECT_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export interface IpfsConfig {
  /** Kubo RPC API URL, such as `http://127.0.0.1:5001`. When set, Kubo is used. */
  kuboApiUrl?: string;
  /** Repository of the embedded node. Default `.1tt/ipfs` under `projectRoot`. */
  repoDir?: string;
  /** Directory that a relative `repoDir` is resolved against. Default: this repository's root. */
  projectRoot?: string;
  /** CID version of added files: 0 as `ipfs add` (default), 1 as `ipfs add --cid-version=1`. */
  cidVersion?: CidVersion;
  /** Time one Kubo RPC request may take, in ms. Default 60000. */
  kuboTimeoutMs?: number;
}

/** Reads the IPFS settings that the environment sets: only the Kubo RPC URL. */
export function ipfsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): IpfsConfig {
  const kuboApiUrl = env[IPFS_API_ENV]?.trim();
  return kuboApiUrl === undefined || kuboApiUrl === "" ? {} : { kuboApiUrl };
}

/**
 * Opens the configured backend. Both kinds share the `IpfsBackend` interface. Check `kind` to use
 * the embedded node's extras, such as serving its files with `startGateway`.
 *
 * @example
 * const ipfs = await openIpfs(ipfsConfigFromEnv());
 * const { cid, sha256, size } = await ipfs.addFile(await readFile("out/report.json"));
 * await ipfs.close();
 */
export async function openIpfs(config: IpfsConfig = {}): Promise<EmbeddedNode | KuboBackend> {
  if (config.kuboApiUrl !== undefined && config.kuboApiUrl !== "") {
    return openKuboBackend({
      apiUrl: config.kuboApiUrl,
      cidVersion: config.cidVersion,
      timeoutMs: config.kuboTimeoutMs,
    });
  }

  const repoDir = path.resolve(config.projectRoot ?? PROJECT_ROOT, config.repoDir ?? DEFAULT_REPO_DIR);
  return openEmbeddedNode({ repoDir, cidVersion: config.cidVersion });
}
