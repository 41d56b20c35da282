/**
 * Turns an error from viem (a simulation, a wallet request, a receipt wait) into copy for the
 * reader. A revert is found by walking the cause chain to `ContractFunctionRevertedError`, whose
 * decoded `errorName` and `args` pick the copy; the message text is never parsed.
 */
import {
  BaseError,
  ChainMismatchError,
  ContractFunctionRevertedError,
  HttpRequestError,
  InsufficientFundsError,
  TimeoutError,
  UserRejectedRequestError,
} from "viem";

import { KNOWN_CONTRACT_ERRORS, type ErrorFormatters, type KnownContractError } from "../i18n/error-copy.ts";
import type { Locale } from "../i18n/locale.ts";
import type { Messages } from "../i18n/messages.ts";
import { formatBps, formatInteger, formatReadableTime, formatTokenWithSymbol, shortHex } from "./format.ts";

/** EIP-1193 code of a request that the user rejected in the wallet. */
export const USER_REJECTED_CODE = 4001;

export type DecodedErrorKind =
  | "revert"
  | "unknownRevert"
  | "rejected"
  | "chainMismatch"
  | "insufficientFunds"
  | "network"
  | "unknown";

export interface DecodedError {
  kind: DecodedErrorKind;
  /** Copy for the reader, in the requested language. */
  message: string;
  /** The custom error's name, for reverts that the ABI decodes. */
  errorName?: string;
  args?: readonly unknown[];
  /** viem's one-line summary, shown under "Technical details". */
  shortMessage: string;
  /** viem's details (the node's message), logged and shown under "Technical details". */
  details?: string;
}

/** A payout token's display data, so that amounts in errors read as amounts. */
export interface TokenDisplay {
  decimals: number;
  symbol: string;
}

/** Returns the formatters that error copy uses, in `locale`, for amounts of `token` when known. */
export function errorFormatters(locale: Locale, token?: TokenDisplay): ErrorFormatters {
  return {
    hex: (value) => shortHex(String(value), 6),
    integer: (value) => formatInteger(toBigInt(value), locale),
    amount: (value) =>
      token === undefined
        ? `${formatInteger(toBigInt(value), locale)}`
        : formatTokenWithSymbol(toBigInt(value), token.decimals, token.symbol, locale),
    bps: (value) => formatBps(toBigInt(value), locale),
    time: (value) => {
      const time = formatReadableTime(toBigInt(value), locale);
      return `${time.kst} (${time.utc})`;
    },
  };
}

/** Decodes `error` into copy from `t`, formatting its values with `format`. */
export function decodeError(error: unknown, t: Messages, format: ErrorFormatters): DecodedError {
  let shortMessage = String(error);
  if (error instanceof BaseError) shortMessage = error.shortMessage;
  else if (error instanceof Error) shortMessage = error.message;
  const details = error instanceof BaseError ? error.details : undefined;
  const base = { shortMessage, ...(details === undefined || details === "" ? {} : { details }) };

  if (isRejection(error)) return { ...base, kind: "rejected", message: t.errors.rejected };

  if (error instanceof BaseError) {
    const reverted = error.walk((cause) => cause instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError) {
      const errorName = reverted.data?.errorName;
      const args = reverted.data?.args ?? [];
      if (errorName !== undefined && isKnownError(errorName)) {
        return { ...base, kind: "revert", errorName, args, message: t.errors.contract[errorName](args, format) };
      }
      return { ...base, kind: "unknownRevert", ...(errorName === undefined ? {} : { errorName, args }), message: t.errors.unknownRevert };
    }
    if (error.walk((cause) => cause instanceof ChainMismatchError) !== null) {
      return { ...base, kind: "chainMismatch", message: t.errors.chainMismatch };
    }
    if (error.walk((cause) => cause instanceof InsufficientFundsError) !== null) {
      return { ...base, kind: "insufficientFunds", message: t.errors.insufficientFunds };
    }
    if (error.walk((cause) => cause instanceof HttpRequestError || cause instanceof TimeoutError) !== null) {
      return { ...base, kind: "network", message: t.errors.network };
    }
  }
  return { ...base, kind: "unknown", message: t.errors.unknown };
}

function isRejection(error: unknown): boolean {
  if (error instanceof BaseError) {
    return error.walk((cause) => cause instanceof UserRejectedRequestError || codeOf(cause) === USER_REJECTED_CODE) !== null;
  }
  return codeOf(error) === USER_REJECTED_CODE;
}

function codeOf(error: unknown): unknown {
  return typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
}

function isKnownError(name: string): name is KnownContractError {
  return (KNOWN_CONTRACT_ERRORS as readonly string[]).includes(name);
}

/** Converts a decoded integer argument; viem decodes uint8-uint48 as number and wider ones as bigint. */
function toBigInt(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value);
  throw new TypeError(`expected an integer error argument, got ${String(value)}`);
}
