import { network } from "hardhat";
import type { Address, WalletClient } from "viem";
import { keccak256, stringToHex, toHex } from "viem";

import type { DatasetTerms } from "../../scripts/lib/eip712.ts";
import { signRegistration, type TypedDataSigner } from "../../scripts/lib/sign-typed-data.ts";

export const connection = await network.create();
export const { viem, networkHelpers } = connection;

export const ONE_DAY = 86_400n;
export const ADMIN_DELAY = 3n * ONE_DAY;
export const SHARE_NOTICE = 30n * ONE_DAY;

export type Actors = Awaited<ReturnType<typeof namedActors>>;

async function namedActors() {
  const wallets = await viem.getWalletClients();
  const wallet = (index: number) => {
    const client = wallets[index];
    if (client === undefined) throw new Error(`the test network has no account #${index}`);
    return client;
  };
  return {
    admin: wallet(0),
    attester: wallet(1),
    consumer: wallet(2),
    pauser: wallet(3),
    alice: wallet(4),
    bob: wallet(5),
    carol: wallet(6),
    relayer: wallet(7),
    outsider: wallet(8),
  };
}

/** Deploys both contracts and the test tokens, and grants every role to its named actor. */
export async function deployPlatform() {
  const actors = await namedActors();
  const registry = await viem.deployContract("ContributionRegistry", [actors.admin.account.address, 259_200]);
  const splitter = await viem.deployContract("RevenueSplitter", [
    registry.address,
    actors.admin.account.address,
    Number(ADMIN_DELAY),
    Number(SHARE_NOTICE),
  ]);
  const usdc = await viem.deployContract("MockERC20", ["USD Coin", "USDC", 6]);
  const krw = await viem.deployContract("MockERC20", ["Won Token", "KRWT", 2]);
  const dai = await viem.deployContract("MockERC20", ["Dai", "DAI", 18]);

  await registry.write.grantRole([await registry.read.ATTESTER_ROLE(), actors.attester.account.address]);
  await registry.write.grantRole([await registry.read.PAUSER_ROLE(), actors.pauser.account.address]);
  await splitter.write.grantRole([await splitter.read.CONSUMER_ROLE(), actors.consumer.account.address]);
  await splitter.write.grantRole([await splitter.read.PAUSER_ROLE(), actors.pauser.account.address]);
  for (const token of [usdc, krw, dai]) {
    await splitter.write.setPayoutTokenAllowed([token.address, true]);
    await token.write.mint([actors.consumer.account.address, 10n ** 30n]);
    await token.write.approve([splitter.address, 2n ** 256n - 1n], { account: actors.consumer.account });
  }

  const chainId = await (await viem.getPublicClient()).getChainId();
  return { ...actors, registry, splitter, usdc, krw, dai, chainId };
}

export type Platform = Awaited<ReturnType<typeof deployPlatform>>;

let datasetSeed = 0;

/** Returns distinct dataset terms for `contributor`, as the preprocessing pipeline would report them. */
export function datasetTerms(contributor: Address, tokenCount: bigint): DatasetTerms {
  datasetSeed += 1;
  return {
    id: keccak256(stringToHex(`dataset-${datasetSeed}`)),
    contributor,
    tokenCount,
    reportSha256: keccak256(stringToHex(`report-${datasetSeed}`)),
    reportCid: `bafkreigh2akiscaildc${datasetSeed.toString().padStart(8, "0")}`,
    pipelineId: keccak256(toHex("pipeline-v1")),
    tokenizerId: keccak256(toHex("o200k_base")),
  };
}

export interface SignOptions {
  consentSigner?: WalletClient;
  attestationSigner?: WalletClient;
  consentDeadline?: bigint;
  attestationDeadline?: bigint;
  nonce?: bigint;
  chainId?: number;
  verifyingContract?: Address;
}

/** Builds a registration with the contributor's consent and the attester's attestation. */
export async function signedRegistration(platform: Platform, terms: DatasetTerms, options: SignOptions = {}) {
  const now = await networkHelpers.time.latest();
  const consentDeadline = options.consentDeadline ?? BigInt(now) + ONE_DAY;
  const attestationDeadline = options.attestationDeadline ?? BigInt(now) + ONE_DAY;
  const consentSigner = options.consentSigner ?? walletOf(platform, terms.contributor);
  const attestationSigner = options.attestationSigner ?? platform.attester;
  const nonce = options.nonce ?? (await platform.registry.read.consentNonce([terms.contributor]));

  return await signRegistration({
    chainId: options.chainId ?? platform.chainId,
    registry: options.verifyingContract ?? platform.registry.address,
    terms,
    consentSigner: typedDataSigner(consentSigner),
    attestationSigner: typedDataSigner(attestationSigner),
    nonce,
    consentDeadline,
    attestationDeadline,
  });
}

/** Wraps a wallet client as the signer that the signing helpers take. */
export function typedDataSigner(wallet: WalletClient): TypedDataSigner {
  return { signTypedData: (typedData) => wallet.signTypedData({ ...typedData, account: wallet.account! } as never) };
}

function walletOf(platform: Platform, address: Address): WalletClient {
  const wallets = [platform.alice, platform.bob, platform.carol, platform.relayer, platform.outsider];
  const wallet = wallets.find((candidate) => candidate.account.address.toLowerCase() === address.toLowerCase());
  if (wallet === undefined) throw new Error(`no test wallet for contributor ${address}; pass consentSigner`);
  return wallet;
}

/** Registers one dataset of `tokenCount` tokens for `contributor` and returns its terms. */
export async function registerDataset(platform: Platform, contributor: WalletClient, tokenCount: bigint) {
  const terms = datasetTerms(contributor.account!.address, tokenCount);
  await platform.registry.write.register([await signedRegistration(platform, terms)], {
    account: platform.relayer.account,
  });
  return terms;
}

/**
 * Creates a USDC service at `shareBps`, opens version 1, attaches one dataset per entry of
 * `weights` (contributor wallet and token count) and seals it.
 */
export async function sealedVersion(
  platform: Platform,
  weights: Array<[WalletClient, bigint]>,
  options: { token?: Address; shareBps?: number } = {},
) {
  const { splitter, consumer } = platform;
  const datasets = [];
  for (const [wallet, tokenCount] of weights) datasets.push(await registerDataset(platform, wallet, tokenCount));

  const serviceId = (await splitter.read.serviceCount()) + 1n;
  await splitter.write.createService(["Solar Chat", options.token ?? platform.usdc.address, options.shareBps ?? 1_000], {
    account: consumer.account,
  });
  await splitter.write.openVersion([serviceId], { account: consumer.account });
  await splitter.write.attachDatasets([serviceId, 1n, datasets.map((terms) => terms.id)], { account: consumer.account });
  await splitter.write.sealVersion([serviceId, 1n], { account: consumer.account });
  return { serviceId, version: 1n, datasets };
}

/** Returns the ERC-20 balance changes that `action` causes for each of `accounts`. */
export async function tokenBalanceChanges(
  token: { read: { balanceOf: (args: [Address]) => Promise<bigint> } },
  accounts: Address[],
  action: () => Promise<unknown>,
): Promise<bigint[]> {
  const before = await Promise.all(accounts.map((account) => token.read.balanceOf([account])));
  await action();
  const after = await Promise.all(accounts.map((account) => token.read.balanceOf([account])));
  return after.map((value, i) => value - before[i]!);
}
