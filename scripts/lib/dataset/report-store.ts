/**
 * The one place where the CLI touches the IPFS library: publishing a report, and serving or
 * fetching reports for verification. Keeping it here lets the library change its entry points
 * without touching the commands.
 */
import path from "node:path";

import { fetchVerified, IPFS_API_ENV, openEmbeddedNode, openIpfs, startGateway, type AddFileResult, type IpfsBackend } from "../ipfs/index.ts";
import { registerSecretUrl } from "../keys/secrets.ts";

/** Default repository of the embedded node, relative to the folder where 1tt runs. */
export const DEFAULT_IPFS_REPO = path.join(".1tt", "ipfs");

export const IPFS_HELP = `IPFS:
  --ipfs-repo DIR      repository of the embedded IPFS node (default: ${DEFAULT_IPFS_REPO});
                       also ONETT_IPFS_REPO
  --ipfs-api URL       use a Kubo node's RPC API instead, such as http://127.0.0.1:5001;
                       also ONETT_IPFS_API`;

export interface ReportStoreConfig {
  repoDir: string;
  /** Kubo RPC API URL; when set, the Kubo node is used instead of the embedded one. */
  apiUrl?: string;
}

/** Resolves the IPFS settings from options first, then the environment, then the defaults. */
export function reportStoreConfig(options: { ipfsRepo?: string; ipfsApi?: string }, env: NodeJS.ProcessEnv): ReportStoreConfig {
  const apiUrl = options.ipfsApi ?? (env[IPFS_API_ENV] || undefined);
  if (apiUrl !== undefined) registerSecretUrl(apiUrl);
  return { repoDir: options.ipfsRepo ?? (env.ONETT_IPFS_REPO || DEFAULT_IPFS_REPO), apiUrl };
}

export interface ReportStore {
  kind: IpfsBackend["kind"];
  add(bytes: Uint8Array): Promise<AddFileResult>;
  close(): Promise<void>;
}

/** Opens the configured IPFS backend for adding reports. */
export async function openReportStore(config: ReportStoreConfig): Promise<ReportStore> {
  // A relative repository resolves from the folder where 1tt runs, like every other path argument.
  const backend: IpfsBackend = await openIpfs({ kuboApiUrl: config.apiUrl, repoDir: path.resolve(config.repoDir) });
  return { kind: backend.kind, add: (bytes) => backend.addFile(bytes), close: () => backend.close() };
}

export interface ReportGateway {
  url: string;
  close(): Promise<void>;
}

/** Opens the embedded node at `repoDir` and serves it on a local gateway (127.0.0.1, free port). */
export async function startLocalReportGateway(repoDir: string): Promise<ReportGateway> {
  const node = await openEmbeddedNode({ repoDir: path.resolve(repoDir) });
  const gateway = await startGateway(node);
  return {
    url: gateway.url,
    async close() {
      await gateway.close();
      await node.close();
    },
  };
}

/** Returns a report check for `verifyDeployment` that fetches through `gatewayUrl` and compares sha256. */
export function reportChecker(gatewayUrl: string): (cid: string, sha256: string) => Promise<void> {
  registerSecretUrl(gatewayUrl);
  return async (cid, sha256) => {
    await fetchVerified(gatewayUrl, cid, sha256, { attempts: 2, retryDelayMs: 200 });
  };
}
