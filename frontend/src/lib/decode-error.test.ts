import {
  ChainMismatchError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  defineChain,
  encodeErrorResult,
  HttpRequestError,
  UserRejectedRequestError,
  type Abi,
  type AbiParameter,
} from "viem";
import { describe, expect, it } from "vitest";

import { erc20Abi, registryAbi, splitterAbi } from "../../../scripts/lib/chain/abis.ts";
import { KNOWN_CONTRACT_ERRORS } from "../i18n/error-copy.ts";
import { messages } from "../i18n/messages.ts";
import { decodeError, errorFormatters } from "./decode-error.ts";

const SPLITTER = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const CONTRIBUTOR = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const TOKEN = { decimals: 6, symbol: "tUSDC" };

/** Fixed sample values per Solidity type, so the snapshot is stable. */
function sampleValue(parameter: AbiParameter): unknown {
  if (parameter.type === "address") return CONTRIBUTOR;
  if (parameter.type === "bytes32") return `0x${"ab".repeat(32)}`;
  if (parameter.type === "string") return "sample";
  if (parameter.name === "deadline" || parameter.name === "timestamp") return 1_795_000_000n;
  if (/^uint(8|16|24|32|40|48)$/.test(parameter.type)) return 1_500;
  if (parameter.name === "shareBps" || parameter.name === "maxShareBps") return 1_500n;
  return 1_234_567n;
}

/** Builds the error that `simulateContract` throws when the contract reverts with `errorName`. */
function revertOf(abi: Abi, errorName: string) {
  const item = abi.find((entry) => entry.type === "error" && entry.name === errorName);
  if (item === undefined || item.type !== "error") throw new Error(`${errorName} is not in the ABI`);
  const data = encodeErrorResult({ abi, errorName, args: item.inputs.map(sampleValue) } as never);
  const reverted = new ContractFunctionRevertedError({ abi, data, functionName: "claim" });
  return new ContractFunctionExecutionError(reverted, { abi, functionName: "claim", args: [], contractAddress: SPLITTER });
}

function abiWith(errorName: string): Abi {
  for (const abi of [splitterAbi, registryAbi, erc20Abi] as Abi[]) {
    if (abi.some((entry) => entry.type === "error" && entry.name === errorName)) return abi;
  }
  throw new Error(`no ABI declares ${errorName}`);
}

function decodeIn(locale: "en" | "ko", error: unknown) {
  return decodeError(error, messages[locale], errorFormatters(locale, TOKEN));
}

describe("decodeError", () => {
  it("walks to the revert and names the custom error with its arguments", () => {
    const decoded = decodeIn("en", revertOf(splitterAbi as Abi, "NothingToClaim"));

    expect(decoded.kind).toBe("revert");
    expect(decoded.errorName).toBe("NothingToClaim");
    expect(decoded.args).toEqual([CONTRIBUTOR]);
    expect(decoded.shortMessage).toContain("reverted");
  });

  it("has user-facing copy for every known contract error", () => {
    const copy = Object.fromEntries(
      KNOWN_CONTRACT_ERRORS.map((name) => {
        const error = revertOf(abiWith(name), name);
        return [name, { en: decodeIn("en", error).message, ko: decodeIn("ko", error).message }];
      }),
    );
    expect(copy).toMatchSnapshot();
  });

  it("reports a revert with an unknown selector without guessing", () => {
    const reverted = new ContractFunctionRevertedError({ abi: splitterAbi as Abi, data: "0xdeadbeef", functionName: "claim" });
    const decoded = decodeIn("en", new ContractFunctionExecutionError(reverted, { abi: splitterAbi as Abi, functionName: "claim", args: [] }));
    expect(decoded.kind).toBe("unknownRevert");
    expect(decoded.message).toBe(messages.en.errors.unknownRevert);
  });

  it("recognises a rejection by the user, wrapped or raw", () => {
    const wrapped = new UserRejectedRequestError(new Error("User rejected the request."));
    expect(decodeIn("ko", wrapped).message).toMatchInlineSnapshot(`"지갑에서 요청을 거절했어요."`);
    expect(decodeIn("en", { code: 4001, message: "User rejected the request." }).kind).toBe("rejected");
  });

  it("explains a wallet on another chain and an unreachable endpoint", () => {
    const chain = defineChain({
      id: 31_337,
      name: "Hardhat (local)",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: ["http://127.0.0.1:8545"] } },
    });
    expect(decodeIn("en", new ChainMismatchError({ chain, currentChainId: 1 })).kind).toBe("chainMismatch");
    const network = decodeIn("en", new HttpRequestError({ url: "http://127.0.0.1:9/", details: "fetch failed" }));
    expect(network.kind).toBe("network");
    expect(network.message).toMatchInlineSnapshot(`"The chain's RPC endpoint did not answer. Check the connection and try again."`);
  });

  it("falls back to a generic message for anything else", () => {
    const decoded = decodeIn("en", new Error("boom"));
    expect(decoded).toEqual({ kind: "unknown", message: messages.en.errors.unknown, shortMessage: "boom" });
  });
});
