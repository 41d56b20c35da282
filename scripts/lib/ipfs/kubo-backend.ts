/**
 * The Kubo backend: adds and reads files on a Kubo node through its RPC API (kubo-rpc-client),
 * with the same import settings as the embedded node, so both give a file the same CID.
 */
import http from "node:http";
import https from "node:https";
import { create, type KuboRPCClient } from "kubo-rpc-client";
import { computeCid } from "./add-file.ts";
import { concatBytes } from "./bytes.ts";
import { CidMismatchError, CidNotFoundError, IpfsError, KuboRequestError, messageOf } from "./errors.ts";
import { kuboAddSettings, type CidVersion } from "./import-settings.ts";
import { parseCid } from "./parse-cid.ts";
import { sha256Hex } from "./sha256.ts";
import type { AddFileResult, IpfsBackend } from "./types.ts";

/** Time a single RPC request may take before it fails, in ms. */
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * kubo-rpc-client exposes only the text of Kubo's error response, so a missing block is
 * recognised by these phrases of Kubo's "not found" errors.
 */
const KUBO_NOT_FOUND = /not found|could not find/i;

export interface OpenKuboBackendParameters {
  /** Base URL of the Kubo RPC API, such as `http://127.0.0.1:5001`. `/api/v0` is appended. */
  apiUrl: string;
  /** CID version of added files. Default 0, as `ipfs add`. */
  cidVersion?: CidVersion;
  /** Time a single RPC request may take, in ms. Default 60000. */
  timeoutMs?: number;
}

export interface KuboBackend extends IpfsBackend {
  readonly kind: "kubo";
  readonly apiUrl: string;
}

/**
 * Returns a backend that talks to the Kubo node at `apiUrl`. No request is sent until the first
 * `addFile` or `getFile`.
 *
 * **Warning:** `getFile` returns what the node sends. Check it against the registered sha256
 * (as `fetchVerified` does) before trusting it.
 *
 * @example
 * const kubo = openKuboBackend({ apiUrl: process.env.ONETT_IPFS_API! });
 * const { cid, sha256 } = await kubo.addFile(reportBytes);
 * await kubo.close();
 */
export function openKuboBackend(parameters: OpenKuboBackendParameters): KuboBackend {
  const apiUrl = parseApiUrl(parameters.apiUrl);
  const cidVersion = parameters.cidVersion ?? 0;
  // Our own agent, so that close() can drop its keep-alive sockets.
  const agent = apiUrl.protocol === "https:" ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const apiUrlText = apiUrl.toString();
  // A copy, because the client appends /api/v0 to the URL object it is given.
  const client: KuboRPCClient = create({
    url: new URL(apiUrl),
    agent,
    timeout: parameters.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });

  return {
    kind: "kubo",
    cidVersion,
    apiUrl: apiUrlText,

    async addFile(bytes: Uint8Array): Promise<AddFileResult> {
      let stored: string;
      try {
        const result = await client.add(bytes, { ...kuboAddSettings(cidVersion), pin: true });
        stored = result.cid.toString();
      } catch (error) {
        throw new KuboRequestError("add", apiUrlText, error);
      }

      const expected = await computeCid(bytes, cidVersion);
      if (stored !== expected) throw new CidMismatchError(expected, stored);
      return { cid: stored, sha256: await sha256Hex(bytes), size: bytes.length };
    },

    async getFile(cidInput, options) {
      const cid = parseCid(cidInput.toString());
      const chunks: Uint8Array[] = [];
      try {
        for await (const chunk of client.cat(cid, { signal: options?.signal })) chunks.push(chunk);
      } catch (error) {
        if (KUBO_NOT_FOUND.test(messageOf(error))) {
          throw new CidNotFoundError(cid.toString(), { details: messageOf(error), cause: error });
        }
        throw new KuboRequestError("cat", apiUrlText, error);
      }
      return concatBytes(chunks);
    },

    async close() {
      agent.destroy();
    },
  };
}

function parseApiUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new IpfsError(`Invalid Kubo RPC URL "${text}".`, {
      nextStep: "Set ONETT_IPFS_API to the node's RPC address, such as http://127.0.0.1:5001.",
      details: messageOf(error),
    });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new IpfsError(`Invalid Kubo RPC URL "${text}": the scheme must be http or https.`, {
      nextStep: "Set ONETT_IPFS_API to the node's RPC address, such as http://127.0.0.1:5001.",
    });
  }
  return url;
}
