/**
 * Contract ABIs, typed from Hardhat's artifact declarations so that viem infers argument, event
 * and error types. The artifacts exist after `hardhat compile`; `npm test`, `npm start`, the `1tt`
 * command and the npm scripts that import them compile first (scripts/with-artifacts.sh).
 */
import type { ArtifactMap } from "hardhat/types/artifacts";

import registryArtifact from "../../../artifacts/contracts/ContributionRegistry.sol/ContributionRegistry.json" with { type: "json" };
import splitterArtifact from "../../../artifacts/contracts/RevenueSplitter.sol/RevenueSplitter.json" with { type: "json" };
import erc20Artifact from "../../../artifacts/contracts/mocks/MockERC20.sol/MockERC20.json" with { type: "json" };

export const registryAbi = registryArtifact.abi as unknown as ArtifactMap["ContributionRegistry"]["abi"];
export const splitterAbi = splitterArtifact.abi as unknown as ArtifactMap["RevenueSplitter"]["abi"];
/** ABI of the test token, a superset of ERC-20 with `mint`; use only ERC-20 functions on real tokens. */
export const erc20Abi = erc20Artifact.abi as unknown as ArtifactMap["MockERC20"]["abi"];

/** Runtime bytecode of each contract as compiled here, to check what is deployed at an address. */
export const deployedBytecode = {
  ContributionRegistry: registryArtifact.deployedBytecode as `0x${string}`,
  RevenueSplitter: splitterArtifact.deployedBytecode as `0x${string}`,
};

/** Byte ranges of each contract's immutables in its runtime bytecode, which differ per deployment. */
export const immutableReferences = {
  ContributionRegistry: registryArtifact.immutableReferences as ImmutableReferences,
  RevenueSplitter: splitterArtifact.immutableReferences as ImmutableReferences,
};

type ImmutableReferences = Record<string, Array<{ start: number; length: number }>>;
