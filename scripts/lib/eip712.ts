/**
 * EIP-712 domains and types of the registry's consent and attestation and of the splitter's
 * payout-address redirect. They must match the type strings hashed in the contracts.
 */
import type { Address, Hex } from "viem";

/** Dataset fields that the contributor consents to and the attester attests. */
export interface DatasetTerms {
  id: Hex;
  contributor: Address;
  tokenCount: bigint;
  reportSha256: Hex;
  reportCid: string;
  pipelineId: Hex;
  tokenizerId: Hex;
}

const datasetType = [
  { name: "id", type: "bytes32" },
  { name: "contributor", type: "address" },
  { name: "tokenCount", type: "uint64" },
  { name: "reportSha256", type: "bytes32" },
  { name: "reportCid", type: "string" },
  { name: "pipelineId", type: "bytes32" },
  { name: "tokenizerId", type: "bytes32" },
] as const;

export const consentTypes = {
  Consent: [
    { name: "dataset", type: "Dataset" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint64" },
  ],
  Dataset: datasetType,
} as const;

export const attestationTypes = {
  Attestation: [
    { name: "dataset", type: "Dataset" },
    { name: "deadline", type: "uint64" },
  ],
  Dataset: datasetType,
} as const;

export const payoutAddressTypes = {
  PayoutAddress: [
    { name: "contributor", type: "address" },
    { name: "payout", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint64" },
  ],
} as const;

/** Returns the registry's EIP-712 domain on `chainId` at `registry`. */
export function registryDomain(chainId: number, registry: Address) {
  return { name: "1TT ContributionRegistry", version: "1", chainId, verifyingContract: registry } as const;
}

/** Returns the splitter's EIP-712 domain on `chainId` at `splitter`. */
export function splitterDomain(chainId: number, splitter: Address) {
  return { name: "1TT RevenueSplitter", version: "1", chainId, verifyingContract: splitter } as const;
}
