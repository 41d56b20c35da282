/**
 * The contributor's side of a registration from the web app: sign the EIP-712 consent over the
 * attested terms with the connected wallet, then submit both signatures to the registry.
 */
import type { Address, Hex, WalletClient } from "viem";

import { consentTypes, registryDomain } from "../../../scripts/lib/eip712.ts";
import type { PendingAttestation } from "./pending-attestation.ts";

/** How long a consent signed here stays valid: long enough to submit, short enough to go stale. */
export const CONSENT_VALIDITY_SECONDS = 7n * 24n * 60n * 60n;

export interface SignConsentParameters {
  walletClient: WalletClient;
  account: Address;
  attestation: PendingAttestation;
  nonce: bigint;
  /** The latest block's timestamp; the deadline counts from chain time, not the computer's clock. */
  nowSeconds: bigint;
}

export interface SignedConsent {
  deadline: bigint;
  signature: Hex;
}

/** Asks the wallet for the consent signature (`eth_signTypedData_v4`). */
export async function signConsent(parameters: SignConsentParameters): Promise<SignedConsent> {
  const { attestation } = parameters;
  const deadline = parameters.nowSeconds + CONSENT_VALIDITY_SECONDS;
  const signature = await parameters.walletClient.signTypedData({
    account: parameters.account,
    domain: registryDomain(attestation.chainId, attestation.registry),
    types: consentTypes,
    primaryType: "Consent",
    message: { dataset: attestation.terms, nonce: parameters.nonce, deadline },
  });
  return { deadline, signature };
}

/** Returns the `register` argument built from the attestation and the consent. */
export function registrationOf(attestation: PendingAttestation, consent: SignedConsent) {
  return {
    terms: attestation.terms,
    consentDeadline: consent.deadline,
    attestationDeadline: attestation.deadline,
    consentSignature: consent.signature,
    attestationSignature: attestation.signature,
  };
}

export type ConsentBlocker = "wrongChain" | "wrongContributor" | "attestationExpired" | "alreadyRegistered";

/** Returns why the connected wallet cannot consent to this attestation now, or undefined. */
export function consentBlocker(
  attestation: PendingAttestation,
  context: { chainId: number; registry: Address; account: Address | undefined; nowSeconds: bigint; isRegistered: boolean },
): ConsentBlocker | undefined {
  if (attestation.chainId !== context.chainId || attestation.registry.toLowerCase() !== context.registry.toLowerCase()) return "wrongChain";
  if (context.isRegistered) return "alreadyRegistered";
  if (attestation.deadline < context.nowSeconds) return "attestationExpired";
  if (context.account !== undefined && context.account.toLowerCase() !== attestation.terms.contributor.toLowerCase()) return "wrongContributor";
  return undefined;
}
