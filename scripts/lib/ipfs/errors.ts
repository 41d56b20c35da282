/**
 * Errors of the IPFS library. Each has a literal `name`, a one-line `shortMessage` for the UI and
 * the fields a caller needs to react (CID, hashes, HTTP status), and its `message` ends with what
 * to do next.
 */

export interface IpfsErrorOptions {
  cause?: unknown;
  /** Technical detail for logs, such as the underlying error message. */
  details?: string;
  /** Next step for the reader, such as a command to run or a setting to check. */
  nextStep?: string;
}

/** Base class of every error thrown by `scripts/lib/ipfs`. */
export class IpfsError extends Error {
  override name: string = "IpfsError";
  readonly shortMessage: string;
  readonly details: string | undefined;

  constructor(shortMessage: string, options: IpfsErrorOptions = {}) {
    const lines = [shortMessage];
    if (options.nextStep !== undefined) lines.push(options.nextStep);
    if (options.details !== undefined) lines.push(`Details: ${options.details}`);
    super(lines.join("\n"), options.cause === undefined ? undefined : { cause: options.cause });
    this.shortMessage = shortMessage;
    this.details = options.details;
  }
}

/** Thrown when a string is not a valid CID. */
export class InvalidCidError extends IpfsError {
  override name = "InvalidCidError" as const;
  readonly cid: string;

  constructor(cid: string, options: IpfsErrorOptions = {}) {
    super(`Invalid CID "${cid}".`, {
      nextStep: "Pass a CIDv0 (Qm...) or CIDv1 (bafy..., bafk...) string as printed by `1tt publish`.",
      ...options,
    });
    this.cid = cid;
  }
}

/** Thrown when an expected sha256 is not 32 bytes of hex. */
export class InvalidSha256Error extends IpfsError {
  override name = "InvalidSha256Error" as const;
  readonly value: string;

  constructor(value: string) {
    super(`Invalid sha256 "${value}".`, {
      nextStep: "Pass 64 hex digits, with or without a 0x prefix, as registered on-chain.",
    });
    this.value = value;
  }
}

/** Thrown when a CID is not in the local store or on the Kubo node. */
export class CidNotFoundError extends IpfsError {
  override name = "CidNotFoundError" as const;
  readonly cid: string;

  constructor(cid: string, options: IpfsErrorOptions = {}) {
    super(`CID ${cid} was not found in the IPFS store.`, {
      nextStep: "Publish the report first with `1tt publish`, or check that the CID is spelled correctly.",
      ...options,
    });
    this.cid = cid;
  }
}

/** Thrown when a block read from disk does not hash to its CID, so the local store is corrupt. */
export class BlockVerificationError extends IpfsError {
  override name = "BlockVerificationError" as const;
  readonly cid: string;

  constructor(cid: string, details: string) {
    super(`Block ${cid} in the local IPFS store does not match its CID.`, {
      nextStep: "The file on disk was changed or damaged: delete the block and add the original file again.",
      details,
    });
    this.cid = cid;
  }
}

/** Thrown when a CID names a directory or another node that is not a UnixFS file. */
export class NotAFileError extends IpfsError {
  override name = "NotAFileError" as const;
  readonly cid: string;

  constructor(cid: string, details: string) {
    super(`CID ${cid} is not a file.`, {
      nextStep: "Pass the CID of the report file itself, not of a directory that contains it.",
      details,
    });
    this.cid = cid;
  }
}

/** Thrown when the Kubo RPC API rejects a request or cannot be reached. */
export class KuboRequestError extends IpfsError {
  override name = "KuboRequestError" as const;
  readonly apiUrl: string;

  constructor(action: string, apiUrl: string, cause: unknown) {
    super(`Kubo RPC ${action} at ${apiUrl} failed.`, {
      nextStep: "Check that the Kubo daemon is running and that ONETT_IPFS_API points to its RPC API.",
      details: messageOf(cause),
      cause,
    });
    this.apiUrl = apiUrl;
  }
}

/** Thrown when Kubo returns another CID than the one computed locally with the same import settings. */
export class CidMismatchError extends IpfsError {
  override name = "CidMismatchError" as const;
  readonly expectedCid: string;
  readonly actualCid: string;

  constructor(expectedCid: string, actualCid: string) {
    super(`Kubo stored the file as ${actualCid}, but the import settings give ${expectedCid}.`, {
      nextStep:
        "Reset the node's Import.* settings (UnixFSChunker size-262144, UnixFSFileMaxLinks 174) " +
        "so that both backends give the same CID.",
    });
    this.expectedCid = expectedCid;
    this.actualCid = actualCid;
  }
}

/** Thrown when the gateway returns 404 or 410, so it does not have the report under that CID. */
export class ReportNotFoundError extends IpfsError {
  override name = "ReportNotFoundError" as const;
  readonly cid: string;
  readonly url: string;
  readonly status: number;

  constructor(cid: string, url: string, status: number) {
    super(`Report not found under that CID: ${url} returned HTTP ${status}.`, {
      nextStep: `Check the CID ${cid} registered on-chain, or try another gateway that has the report pinned.`,
    });
    this.cid = cid;
    this.url = url;
    this.status = status;
  }
}

/** Thrown when the bytes fetched for a CID do not have the sha256 registered on-chain. */
export class ReportHashMismatchError extends IpfsError {
  override name = "ReportHashMismatchError" as const;
  readonly cid: string;
  readonly expectedSha256: string;
  readonly actualSha256: string;

  constructor(cid: string, expectedSha256: string, actualSha256: string) {
    super(`Report changed: the bytes served for CID ${cid} have sha256 ${actualSha256}, expected ${expectedSha256}.`, {
      nextStep:
        "Do not trust this copy. Fetch it from another gateway, or check that the CID and sha256 come from " +
        "the same on-chain registration.",
    });
    this.cid = cid;
    this.expectedSha256 = expectedSha256;
    this.actualSha256 = actualSha256;
  }
}

/** Thrown when the gateway keeps failing (timeouts, connection errors, 5xx) after every retry. */
export class GatewayRequestError extends IpfsError {
  override name = "GatewayRequestError" as const;
  readonly cid: string;
  readonly url: string;
  readonly attempts: number;
  /** HTTP status of the last response, or undefined when no response arrived. */
  readonly status: number | undefined;

  constructor(cid: string, url: string, attempts: number, status: number | undefined, cause: unknown) {
    const outcome = status === undefined ? messageOf(cause) : `HTTP ${status}`;
    super(`Fetching CID ${cid} from ${url} failed after ${attempts} attempt(s): ${outcome}.`, {
      nextStep: "Check that the gateway is up and reachable, or pass another gateway URL.",
      details: cause === undefined ? undefined : messageOf(cause),
      cause,
    });
    this.cid = cid;
    this.url = url;
    this.attempts = attempts;
    this.status = status;
  }
}

/**
 * Returns the message of an unknown thrown value, followed by its cause's message if that adds to it.
 * fetch, for one, throws "fetch failed" and keeps the reason (such as ECONNREFUSED) in the cause.
 */
export function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.cause instanceof Error && !error.message.includes(error.cause.message)) {
    return `${error.message} (${error.cause.message})`;
  }
  return error.message;
}
