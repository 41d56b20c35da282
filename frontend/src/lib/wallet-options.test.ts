import type { Connector, CreateConnectorFn } from "wagmi";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { connectorOf, walletOptionsOf } from "./wallet-options.ts";

// Connecting through WalletConnect needs its relay on the internet, which the test machine cannot
// reach. So only the dynamically imported connector module is replaced. The factory below runs
// when that module is first imported, which lets the tests see whether the import happened.
const walletConnectModule = vi.hoisted(() => ({
  loads: 0,
  createdFor: [] as string[],
  connectorFn: (() => ({})) as unknown as CreateConnectorFn,
}));

vi.mock("./wallet-connect-connector.ts", () => {
  walletConnectModule.loads += 1;
  return {
    createWalletConnectConnector: (projectId: string) => {
      walletConnectModule.createdFor.push(projectId);
      return walletConnectModule.connectorFn;
    },
  };
});

const injected = { uid: "injected-1", id: "injected", name: "Injected" } as Connector;
const PROJECT_ID = "0123456789abcdef0123456789abcdef";

describe("walletOptionsOf", () => {
  it("offers only injected wallets without a project id", () => {
    const options = walletOptionsOf([injected], {});

    expect(options).toEqual([{ kind: "injected", connector: injected }]);
    expect(options.some((option) => option.kind === "walletConnect")).toBe(false);
  });

  it("adds WalletConnect after injected wallets with a project id", () => {
    const options = walletOptionsOf([injected], { walletConnectProjectId: PROJECT_ID });

    expect(options).toEqual([
      { kind: "injected", connector: injected },
      { kind: "walletConnect", projectId: PROJECT_ID },
    ]);
  });

  it("offers WalletConnect when no injected wallet exists", () => {
    expect(walletOptionsOf([], { walletConnectProjectId: PROJECT_ID })).toEqual([{ kind: "walletConnect", projectId: PROJECT_ID }]);
  });
});

describe("connectorOf", () => {
  beforeEach(() => {
    walletConnectModule.createdFor.length = 0;
  });

  it("returns an injected connector without loading WalletConnect", async () => {
    expect(await connectorOf({ kind: "injected", connector: injected })).toBe(injected);
    expect(walletConnectModule.loads).toBe(0);
    expect(walletConnectModule.createdFor).toEqual([]);
  });

  it("imports the WalletConnect connector when chosen", async () => {
    expect(walletConnectModule.loads).toBe(0);

    const connector = await connectorOf({ kind: "walletConnect", projectId: PROJECT_ID });

    expect(walletConnectModule.loads).toBe(1);
    expect(walletConnectModule.createdFor).toEqual([PROJECT_ID]);
    expect(connector).toBe(walletConnectModule.connectorFn);
  });

  it("reuses the WalletConnect connector on a second choice", async () => {
    const first = await connectorOf({ kind: "walletConnect", projectId: "project-a" });
    const second = await connectorOf({ kind: "walletConnect", projectId: "project-a" });

    expect(second).toBe(first);
    expect(walletConnectModule.createdFor).toEqual(["project-a"]);
  });
});
