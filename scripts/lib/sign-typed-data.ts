/**
 * Signs the registry's consents and attestations and the splitter's payout-address redirects, and
 * assembles a `Registration` as `register` and `registerBatch` take it. Types and domains come from
 * `eip712.ts`, which mirrors the type strings hashed in the contracts.
 */
import type { Address, Hex, LocalAccount } from "viem";

import {
  attestationTypes,
  consentTypes,
  payoutAddressTypes,
  registryDomain,
  splitterDomain,
  type DatasetTerms,
} from "./eip712.ts";

/**
 * Anything that signs EIP-712 typed data: a viem local account, or a wrapper around a wallet client
 * such as `{ signTypedData: (typedData) => walletClient.signTypedData(typedData) }`.
 */
export type TypedDataSigner = Pick<LocalAccount, "signTypedData">;

export interface SignConsentParameters {
  chainId: number;
  registry: Address;
  terms: DatasetTerms;
  /** The registry's `consentNonce(terms.contributor)` at submission time. */
  nonce: bigint;
  /** Unix time in seconds after which the registry rejects the consent. */
  deadline: bigint;
}

/**
 * Signs the contributor's consent to register `terms`.
 *
 * **The signer must be `terms.contributor`, or the owner key of a contributor that is an ERC-1271
 * wallet.**
 */
export function signConsent(signer: TypedDataSigner, parameters: SignConsentParameters): Promise<Hex> {
  const { chainId, registry, terms, nonce, deadline } = parameters;
  return signer.signTypedData({
    domain: registryDomain(chainId, registry),
    types: consentTypes,
    primaryType: "Consent",
    message: { dataset: terms, nonce, deadline },
  });
}

export interface SignAttestationParameters {
  chainId: number;
  registry: Address;
  terms: DatasetTerms;
  /** Unix time in seconds after which the registry rejects the attestation. */
  deadline: bigint;
}

/** Signs the attester's attestation of `terms`; the signer must hold the registry's `ATTESTER_ROLE`. */
export function signAttestation(signer: TypedDataSigner, parameters: SignAttestationParameters): Promise<Hex> {
  const { chainId, registry, terms, deadline } = parameters;
  return signer.signTypedData({
    domain: registryDomain(chainId, registry),
    types: attestationTypes,
    primaryType: "Attestation",
    message: { dataset: terms, deadline },
  });
}

export interface SignPayoutAddressParameters {
  chainId: number;
  splitter: Address;
  contributor: Address;
  /** Address that receives the contributor's claims from now on; zero pays the contributor itself. */
  payout: Address;
  /** The splitter's `payoutNonce(contributor)` at submission time. */
  nonce: bigint;
  deadline: bigint;
}

/** Signs a contributor's request to redirect its claims, for `setPayoutAddressWithSig`. */
export function signPayoutAddress(signer: TypedDataSigner, parameters: SignPayoutAddressParameters): Promise<Hex> {
  const { chainId, splitter, contributor, payout, nonce, deadline } = parameters;
  return signer.signTypedData({
    domain: splitterDomain(chainId, splitter),
    types: payoutAddressTypes,
    primaryType: "PayoutAddress",
    message: { contributor, payout, nonce, deadline },
  });
}

/** A registration as the registry's `register` and `registerBatch` take it. */
export interface Registration {
  terms: DatasetTerms;
  consentDeadline: bigint;
  attestationDeadline: bigint;
  consentSignature: Hex;
  attestationSignature: Hex;
}

export interface SignRegistrationParameters {
  chainId: number;
  registry: Address;
  terms: DatasetTerms;
  consentSigner: TypedDataSigner;
  attestationSigner: TypedDataSigner;
  /** The registry's `consentNonce(terms.contributor)`. */
  nonce: bigint;
  consentDeadline: bigint;
  attestationDeadline: bigint;
}

/** Signs the consent and the attestation of `terms` and returns the registration to submit. */
export async function signRegistration(parameters: SignRegistrationParameters): Promise<Registration> {
  const { chainId, registry, terms, nonce, consentDeadline, attestationDeadline } = parameters;
  const [consentSignature, attestationSignature] = await Promise.all([
    signConsent(parameters.consentSigner, { chainId, registry, terms, nonce, deadline: consentDeadline }),
    signAttestation(parameters.attestationSigner, { chainId, registry, terms, deadline: attestationDeadline }),
  ]);
  return { terms, consentDeadline, attestationDeadline, consentSignature, attestationSignature };
}
