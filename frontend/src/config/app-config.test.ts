import { describe, expect, it } from "vitest";

import { ConfigError, parseAppConfig } from "./app-config.ts";

const valid = {
  chainId: 31_337,
  chainName: "Hardhat (local)",
  rpcUrl: "http://127.0.0.1:8545/",
  gatewayUrl: "http://127.0.0.1:8080",
  deployment: {
    chainId: 31_337,
    registry: { address: "0x5fbdb2315678afecb367f032d93f642f64180aa3", transactionHash: "0x", blockNumber: "1" },
    splitter: { address: "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512", transactionHash: "0x", blockNumber: "2" },
    multicall3: "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0",
    shareDecreaseNoticeSeconds: 2_592_000,
    deployedAt: "2026-12-04T00:00:00.000Z",
  },
};

describe("parseAppConfig", () => {
  it("checksums addresses, trims URLs and fills defaults", () => {
    const config = parseAppConfig(valid);
    expect(config.rpcUrl).toBe("http://127.0.0.1:8545");
    expect(config.deployment.registry.address).toBe("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    expect(config.deployment.multicall3).toBe("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");
    expect(config.attestationsUrl).toBe("attestations");
    expect(config.nativeCurrency.decimals).toBe(18);
    expect(config.walletConnectProjectId).toBeUndefined();
  });

  it("keeps a WalletConnect project id without surrounding spaces", () => {
    const config = parseAppConfig({ ...valid, walletConnectProjectId: " 0123456789abcdef0123456789abcdef " });
    expect(config.walletConnectProjectId).toBe("0123456789abcdef0123456789abcdef");
  });

  it.each(["", "  ", null])("treats WalletConnect project id %j as none", (projectId) => {
    expect(parseAppConfig({ ...valid, walletConnectProjectId: projectId }).walletConnectProjectId).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ["no object", "config"],
    ["a numeric WalletConnect project id", { ...valid, walletConnectProjectId: 1234 }],
    ["a bad chain id", { ...valid, chainId: "31337" }],
    ["a non-http RPC URL", { ...valid, rpcUrl: "ws://127.0.0.1:8545" }],
    ["a missing gateway", { ...valid, gatewayUrl: undefined }],
    ["another chain's deployment", { ...valid, deployment: { ...valid.deployment, chainId: 1 } }],
    ["a bad splitter address", { ...valid, deployment: { ...valid.deployment, splitter: { address: "0x1234" } } }],
  ])("rejects %s with a message naming the field", (_case, value) => {
    expect(() => parseAppConfig(value)).toThrow(ConfigError);
  });
});
