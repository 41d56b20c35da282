import { describe, expect, it } from "vitest";

import { consentBlocker } from "./consent.ts";
import {
  awaitingConsentOf,
  InvalidAttestationFileError,
  parseAttestationJson,
  toAttestationJson,
  type PendingAttestation,
} from "./pending-attestation.ts";

const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3" as const;
const ALICE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as const;
const OPERATOR = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" as const;
const BYTES32 = `0x${"ab".repeat(32)}` as const;

const attestation: PendingAttestation = {
  chainId: 31_337,
  registry: REGISTRY,
  terms: {
    id: BYTES32,
    contributor: ALICE,
    tokenCount: 9_007_199_254_740_993n, // above 2^53: survives only as a string
    reportSha256: BYTES32,
    reportCid: "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG",
    pipelineId: BYTES32,
    tokenizerId: BYTES32,
  },
  signer: OPERATOR,
  deadline: 1_800_000_000n,
  signature: "0x1234",
};

describe("attestation files", () => {
  it("round-trip through JSON without losing integer precision", () => {
    const text = JSON.stringify(toAttestationJson(attestation));
    expect(parseAttestationJson(JSON.parse(text))).toEqual(attestation);
  });

  it("accept lower-case addresses and return them checksummed", () => {
    const json = toAttestationJson(attestation);
    const parsed = parseAttestationJson({ ...json, registry: REGISTRY.toLowerCase(), terms: { ...json.terms, contributor: ALICE.toLowerCase() } });
    expect(parsed.registry).toBe(REGISTRY);
    expect(parsed.terms.contributor).toBe(ALICE);
  });

  it.each<[string, (json: ReturnType<typeof toAttestationJson>) => unknown]>([
    ["another kind", (json) => ({ ...json, kind: "consent" })],
    ["a short id", (json) => ({ ...json, terms: { ...json.terms, id: "0x12" } })],
    ["a bad contributor", (json) => ({ ...json, terms: { ...json.terms, contributor: "alice" } })],
    ["a numeric token count", (json) => ({ ...json, terms: { ...json.terms, tokenCount: 42 } })],
    ["a missing CID", (json) => ({ ...json, terms: { ...json.terms, reportCid: "" } })],
    ["a missing signature", (json) => ({ ...json, signature: undefined })],
    ["null", () => null],
  ])("reject %s", (_case, mutate) => {
    expect(() => parseAttestationJson(mutate(toAttestationJson(attestation)))).toThrow(InvalidAttestationFileError);
  });
});

describe("consentBlocker", () => {
  const context = { chainId: 31_337, registry: REGISTRY, account: ALICE, nowSeconds: 1_700_000_000n, isRegistered: false } as const;

  it("lets the named contributor consent before the deadline", () => {
    expect(consentBlocker(attestation, context)).toBeUndefined();
  });

  it.each([
    ["wrongChain", { chainId: 1 }],
    ["wrongChain", { registry: OPERATOR }],
    ["alreadyRegistered", { isRegistered: true }],
    ["attestationExpired", { nowSeconds: 1_800_000_001n }],
    ["wrongContributor", { account: OPERATOR }],
  ] as const)("returns %s", (expected, change) => {
    expect(consentBlocker(attestation, { ...context, ...change })).toBe(expected);
  });
});

describe("awaitingConsentOf", () => {
  const other = { ...attestation, terms: { ...attestation.terms, id: `0x${"cd".repeat(32)}` as const, contributor: OPERATOR } };

  it("keeps the contributor's unregistered datasets, whatever the address case", () => {
    expect(awaitingConsentOf([attestation, other], ALICE.toLowerCase() as typeof ALICE, () => false)).toEqual([attestation]);
  });

  it("drops datasets already registered", () => {
    expect(awaitingConsentOf([attestation], ALICE, (id) => id === BYTES32)).toEqual([]);
  });
});
