/**
 * Turns errors of viem calls into one plain sentence. A contract's custom error, decoded by viem
 * and never matched in message text, becomes a sentence with its values and the next step. A
 * failed RPC request names the endpoint without its credentials.
 */
import {
  BaseError,
  ContractFunctionRevertedError,
  HttpRequestError,
  InsufficientFundsError,
  keccak256,
  stringToHex,
  TimeoutError,
  type Hex,
} from "viem";

import { describeUrl } from "../keys/secrets.ts";

/** Kind of failure of a chain error. The CLI maps each kind to its own exit code. */
export type ChainErrorKind = "revert" | "rpc" | "funds" | "other";

export interface DescribedChainError {
  kind: ChainErrorKind;
  message: string;
  /** The decoded custom error's name, when a contract reverted with one. */
  errorName?: string;
}

const ROLE_NAMES = new Map<Hex, string>(
  ["ATTESTER_ROLE", "CONSUMER_ROLE", "PAUSER_ROLE"].map((name) => [keccak256(stringToHex(name)), name]),
);
ROLE_NAMES.set(`0x${"00".repeat(32)}`, "DEFAULT_ADMIN_ROLE");

type Sentence = (args: readonly unknown[]) => string;

const at = (serviceId: unknown, version: unknown) => `service ${String(serviceId)} version ${String(version)}`;

/** One sentence per custom error of the registry, the splitter and the ERC-20 tokens they call. */
const SENTENCES: Record<string, Sentence> = {
  // Registry
  DatasetAlreadyRegistered: ([id]) => `Dataset ${id} is already registered; it cannot be registered twice.`,
  ZeroContributor: ([id]) => `Dataset ${id} names the zero address as contributor.`,
  ZeroTokenCount: ([id]) => `Dataset ${id} counts zero tokens; only datasets with tokens can be registered.`,
  EmptyReportCid: ([id]) => `Dataset ${id} has no report CID; publish the report with "1tt publish" first.`,
  ConsentExpired: ([id, deadline, now]) =>
    `The consent for dataset ${id} expired at ${time(deadline)} (chain time ${time(now)}); the contributor must sign it again with "1tt consent".`,
  AttestationExpired: ([id, deadline, now]) =>
    `The attestation for dataset ${id} expired at ${time(deadline)} (chain time ${time(now)}); sign it again with "1tt attest".`,
  InvalidConsent: ([id, contributor, nonce]) =>
    `The consent for dataset ${id} is not a valid signature of contributor ${contributor} with nonce ${nonce} for this chain and registry; ` +
    'the contributor must sign it again with "1tt consent" against this deployment.',
  InvalidAttestation: ([id, recovered]) =>
    `The attestation for dataset ${id} was signed by ${recovered}, which does not hold ATTESTER_ROLE; sign it with the attester's key.`,
  EmptyBatch: () => "The batch is empty; pass at least one item.",
  DatasetLimitReached: ([limit]) => `The registry is full: all ${limit} dataset indexes are used.`,
  NotContributorOrAttester: ([id, caller]) => `${caller} may not revoke dataset ${id}; only its contributor or an attester can.`,
  DatasetAlreadyRevoked: ([id]) => `Dataset ${id} is already revoked.`,
  // Splitter
  UnknownService: ([serviceId]) => `No service has id ${serviceId}; list services with "1tt entitlements" or check the id.`,
  UnknownVersion: ([serviceId, version]) => `Service ${serviceId} has no version ${version}; open it first with "1tt version open ${serviceId}".`,
  PayoutTokenNotAllowed: ([token]) => `Token ${token} is not on the splitter's payout allow-list; the admin must allow it first.`,
  InvalidShare: ([share, max]) => `A share of ${share} basis points is invalid; it must be from 1 to ${max}.`,
  ShareUnchanged: ([serviceId, share]) => `Service ${serviceId} already has a share of ${share} basis points.`,
  VersionAlreadySealed: ([serviceId, version]) => `${capitalize(at(serviceId, version))} is sealed; its datasets are frozen. Open a new version instead.`,
  VersionNotSealed: ([serviceId, version]) => `${capitalize(at(serviceId, version))} is not sealed yet; seal it with "1tt version seal ${serviceId} ${version}" before depositing.`,
  EmptyVersion: ([serviceId, version]) => `${capitalize(at(serviceId, version))} has no datasets; attach some before sealing.`,
  UnknownDataset: ([id]) => `Dataset ${id} is not registered; register it with "1tt register" first.`,
  DatasetIsRevoked: ([id]) => `Dataset ${id} is revoked and cannot be attached.`,
  DatasetAlreadyAttached: ([serviceId, version, id]) => `Dataset ${id} is already attached to ${at(serviceId, version)}.`,
  DepositRoundsToZero: ([gross, share]) => `A gross revenue of ${gross} at ${share} basis points is a deposit of zero; report a larger revenue.`,
  TransferAmountMismatch: ([token, expected, received]) =>
    `Token ${token} delivered ${received} instead of ${expected}; fee-on-transfer tokens cannot be deposited.`,
  NothingToClaim: ([contributor]) => `${contributor} has nothing to claim in the given versions.`,
  InvalidPayoutAddress: ([payout]) => `${payout} cannot be a payout address.`,
  PayoutSignatureExpired: ([deadline, now]) => `The payout-address signature expired at ${time(deadline)} (chain time ${time(now)}).`,
  InvalidPayoutSignature: ([contributor, nonce]) => `The payout-address signature is not ${contributor}'s for nonce ${nonce}.`,
  RescueExceedsSurplus: ([token, requested, surplus]) => `Cannot rescue ${requested} of ${token}: only ${surplus} exceeds what contributors are owed.`,
  InvalidRescueRecipient: ([to]) => `${to} cannot receive rescued tokens.`,
  // OpenZeppelin
  AccessControlUnauthorizedAccount: ([account, role]) =>
    `${account} does not hold ${ROLE_NAMES.get(role as Hex) ?? `role ${role}`}; use the key of an account that holds it, or ask the admin to grant it.`,
  EnforcedPause: () => "The contract is paused; wait until the pauser resumes it.",
  ExpectedPause: () => 'The contract is not paused; "1tt unpause" has nothing to do.',
  ReentrancyGuardReentrantCall: () => "The call re-entered the contract, which is not allowed.",
  SafeERC20FailedOperation: ([token]) => `The transfer of token ${token} failed.`,
  ERC20InsufficientAllowance: ([spender, allowance, needed]) =>
    `The allowance of ${spender} is ${allowance}, but ${needed} is needed; approve at least that amount (1tt deposit approves it unless --no-approve is given).`,
  ERC20InsufficientBalance: ([sender, balance, needed]) => `${sender} holds ${balance} of the token, but ${needed} is needed.`,
};

/** Describes `error` in one sentence, naming `rpcUrl` only without its credentials. */
export function describeChainError(error: unknown, rpcUrl?: string): DescribedChainError {
  if (error instanceof BaseError) {
    const reverted = error.walk((cause) => cause instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError) return describeRevert(reverted);
    if (error.walk((cause) => cause instanceof InsufficientFundsError) !== null) {
      return { kind: "funds", message: "The sending account has too little ETH to pay for gas; fund it and try again." };
    }
    const http = error.walk((cause) => cause instanceof HttpRequestError || cause instanceof TimeoutError);
    if (http !== null) {
      const status = http instanceof HttpRequestError && http.status !== undefined ? ` (HTTP ${http.status})` : "";
      const reason = http instanceof BaseError ? http.shortMessage : http.message;
      const endpoint = rpcUrl === undefined ? "the RPC endpoint" : `the RPC endpoint ${describeUrl(rpcUrl)}`;
      return {
        kind: "rpc",
        message: `The request to ${endpoint} failed${status}: ${reason.replace(/\.$/, "")}. Check that the node is running and --rpc-url (or ONETT_RPC_URL) is right.`,
      };
    }
    return { kind: "other", message: error.shortMessage };
  }
  return { kind: "other", message: error instanceof Error ? error.message : String(error) };
}

function describeRevert(reverted: ContractFunctionRevertedError): DescribedChainError {
  const name = reverted.data?.errorName;
  if (name === undefined) {
    const reason = reverted.reason === undefined ? "without a reason" : `with "${reverted.reason}"`;
    return { kind: "revert", message: `The contract rejected the call ${reason}.` };
  }
  const args = reverted.data?.args ?? [];
  const sentence = SENTENCES[name];
  const message = sentence === undefined ? `The contract rejected the call with ${name}(${args.map(String).join(", ")}).` : sentence(args);
  return { kind: "revert", message, errorName: name };
}

function time(seconds: unknown): string {
  const value = Number(seconds);
  return Number.isFinite(value) ? new Date(value * 1000).toISOString() : String(seconds);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
