/**
 * End-to-end tests of the web app. The built app runs in Debian's headless Chromium against a
 * real local Hardhat node with the platform deployed and a small allocation, and against a real
 * IPFS gateway. An injected wallet signs with Hardhat's test keys.
 * Run after `vite build`: `node --test frontend/e2e/app.e2e.test.ts`.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";

import type { Browser, BrowserContext, Page } from "playwright-core";
import { createPublicClient, createTestClient, createWalletClient, http, zeroAddress, type Address, type PublicClient } from "viem";

import { erc20Abi, registryAbi, splitterAbi } from "../../scripts/lib/chain/abis.ts";
import { fetchEntitlements } from "../src/lib/entitlements.ts";
import { formatTokenAmount } from "../src/lib/format.ts";
import { startAppServer, type AppServer } from "./fixtures/app-server.ts";
import { launchBrowser } from "./fixtures/browser.ts";
import { EXTRA_VERSIONS, startPlatform, USDC_DECIMALS, type PlatformFixture } from "./fixtures/platform.ts";
import { installTestWallet, type TestWallet } from "./fixtures/wallet.ts";

const run = promisify(execFile);
const SCREENSHOTS = path.resolve(import.meta.dirname, "..", "..", "test-results", "screenshots");
/** Time a page may take to show chain data, in ms. */
const UI_TIMEOUT_MS = 15_000;
/** Chain id of Ethereum mainnet, where the wallet starts in the network-switch test. */
const MAINNET_CHAIN_ID = 1;

let platform: PlatformFixture;
let app: AppServer;
let browser: Browser;

before(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  platform = await startPlatform();
  app = await startAppServer(platform, [platform.pending]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await platform?.stop();
});

interface Session {
  context: BrowserContext;
  page: Page;
  wallet: TestWallet | undefined;
  errors: string[];
}

/** Opens a page in a new context, in `locale`, with a wallet of `account` when given. */
async function openSession(options: {
  locale?: string;
  wallet?: { account: PlatformFixture["accounts"]["alice"]; startChainId?: number };
}): Promise<Session> {
  const context = await browser.newContext({ locale: options.locale ?? "en-US", viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  const wallet =
    options.wallet === undefined
      ? undefined
      : await installTestWallet(context, {
          account: options.wallet.account,
          chain: platform.chain,
          ...(options.wallet.startChainId === undefined ? {} : { startChainId: options.wallet.startChainId }),
        });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, wallet, errors };
}

async function goTo(page: Page, hash: string) {
  await page.goto(`${app.url}/${hash}`);
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function connect(page: Page) {
  await page.getByRole("button", { name: /^(Connect wallet|지갑 연결)$/ }).click();
  await page.getByText(/^(Wallet|지갑): /).waitFor();
}

/** Returns `contributor`'s claimable amount per version as the splitter computes it. */
async function claimableOnChain(contributor: Address, refs: Array<{ serviceId: bigint; version: bigint }>) {
  const [, claimable] = await platform.publicClient.readContract({
    address: platform.deployment.splitter.address,
    abi: splitterAbi,
    functionName: "positions",
    args: [contributor, refs],
  });
  return claimable;
}

async function isPendingRegistered() {
  const record = await platform.publicClient.readContract({
    address: platform.deployment.registry.address,
    abi: registryAbi,
    functionName: "datasetRecord",
    args: [platform.pending.terms.id],
  });
  return record.contributor !== zeroAddress;
}

async function balanceOf(owner: Address) {
  return await platform.publicClient.readContract({ address: platform.usdc, abi: erc20Abi, functionName: "balanceOf", args: [owner] });
}

/** The (service, version) pairs in which the fixture gave Alice weight: 3 deposited, 17 without deposits. */
function aliceRefs() {
  const { solar, docs, archive } = platform.services;
  return [
    { serviceId: solar, version: 1n },
    { serviceId: solar, version: 2n },
    { serviceId: docs, version: 1n },
    ...Array.from({ length: EXTRA_VERSIONS }, (_, i) => ({ serviceId: archive, version: BigInt(i + 1) })),
  ];
}

const usdc = (raw: bigint, locale: "en" | "ko" = "en") => `${formatTokenAmount(raw, USDC_DECIMALS, locale)} tUSDC`;

describe("public pages without a wallet", () => {
  it("overview shows totals from the chain", async () => {
    const { context, page, errors } = await openSession({});
    await goTo(page, "#/");
    await page.getByRole("heading", { name: "Overview" }).waitFor();
    const totals = page.getByRole("table", { name: "Deposits and claims per payout token" });
    await totals.waitFor();

    const figures = await page.locator(".figures").innerText();
    assert.match(figures, /Datasets\s+3\b/);
    assert.match(figures, /Tokens registered\s+1,000,000\b/);
    assert.match(figures, /Sealed versions\s+20\b/);
    // 15% of 100,000.5 + 15% of 80,000 + 5% of 12,345.678901, each rounded up to the base unit.
    assert.match(await totals.innerText(), /27,617\.358946 tUSDC/);
    await screenshot(page, "overview-en");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("services and a version's allocation match the splitter's views", async () => {
    const { context, page, errors } = await openSession({});
    await goTo(page, "#/services");
    const services = page.getByRole("table", { name: "Services and their revenue shares" });
    await services.waitFor();
    assert.match(await services.innerText(), /Solar Chat\s+tUSDC\s+15%/);
    await screenshot(page, "services-en");

    await page.getByRole("link", { name: "Solar Chat" }).click();
    await page.getByRole("heading", { name: "Service: Solar Chat" }).waitFor();
    await screenshot(page, "service-en");
    await page.getByRole("link", { name: "Version 1" }).click();
    const allocation = page.getByRole("table", { name: /^Allocation/ });
    await allocation.waitFor();
    assert.equal(new URL(page.url()).hash, `#/services/${platform.services.solar}/versions/1`);

    const { alice, bob } = platform.accounts;
    const ref = [{ serviceId: platform.services.solar, version: 1n }];
    const [aliceOwed] = await claimableOnChain(alice.address, ref);
    const [bobOwed] = await claimableOnChain(bob.address, ref);
    const rows = allocation.locator("tbody tr");
    assert.equal(await rows.count(), 2);
    const aliceRow = await rows.nth(0).innerText();
    assert.match(aliceRow, /600,000/);
    assert.match(aliceRow, /\b70\.5882%/); // 600,000 / 850,000, rounded down
    assert.ok(aliceRow.includes(usdc(aliceOwed!)), `${aliceRow} shows ${usdc(aliceOwed!)}`);
    assert.ok((await rows.nth(1).innerText()).includes(usdc(bobOwed!)));
    const footer = await allocation.locator("tfoot").innerText();
    assert.match(footer, /850,000/);
    assert.match(footer, /Carried to the next deposit/);

    const deposits = page.getByRole("table", { name: "Deposits to this version" });
    assert.match(await deposits.innerText(), / KST\s+[^\n]+ UTC\s+2026-10\s+100,000\.5 tUSDC\s+15%\s+15,000\.075 tUSDC/);
    await page.locator(".recharts-wrapper").first().waitFor();
    await screenshot(page, "version-en");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("dataset page verifies its report against the on-chain sha256", async () => {
    const { context, page, errors } = await openSession({});
    await goTo(page, `#/datasets/${platform.datasets.alice1}`);
    await page.getByText("Verified: the report's sha256 matches the value recorded on-chain.").waitFor();
    assert.equal(await page.locator("[data-report-status]").getAttribute("data-report-status"), "verified");
    const stages = page.getByRole("table", { name: "What each preprocessing stage removed" });
    assert.match(await stages.innerText(), /exact-dedup\s+1,200\s+80/);
    assert.match(await page.locator("dl.facts").first().innerText(), /600,000/);
    await screenshot(page, "dataset-en");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("verification passes from chain data alone", async () => {
    const { context, page, errors } = await openSession({});
    await goTo(page, "#/verify");
    const status = page.locator("[data-verified]");
    await status.waitFor({ timeout: 30_000 });
    assert.equal(await status.getAttribute("data-verified"), "true");
    assert.match(await status.innerText(), /^✓ Passed: all \d+ checks agree with the chain\.$/);
    assert.match(await page.getByRole("table", { name: "Checks and their results" }).innerText(), /3 of 3 reports match their sha256/);
    await screenshot(page, "verify-en");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("deep links to an address and rejects a malformed look-up", async () => {
    const { context, page, errors } = await openSession({});
    await goTo(page, "#/");
    await page.getByLabel("Look up an address or dataset id").fill("0x1234");
    await page.getByRole("button", { name: "Open" }).click();
    await page.getByText("Enter a 0x address (40 hex digits) or a dataset id (64 hex digits).").waitFor();

    await page.getByLabel("Look up an address or dataset id").fill(platform.accounts.bob.address);
    await page.getByRole("button", { name: "Open" }).click();
    await page.getByRole("table", { name: "Datasets contributed by this address" }).waitFor();
    assert.equal(new URL(page.url()).hash, `#/address/${platform.accounts.bob.address.toLowerCase()}`);
    assert.match(await page.getByRole("table", { name: "Entitlements per service version" }).innerText(), /Solar Chat\s+1\s+250,000/);
    await screenshot(page, "address-en");

    await goTo(page, "#/services/999");
    await page.getByText("Nothing with this id is recorded on this chain.").waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("config.json", () => {
  it("is written from the deployment record by the config script", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "1tt-config-")), "config.json");
    const { stdout } = await run(process.execPath, [
      path.join(import.meta.dirname, "..", "scripts", "write-config.ts"),
      "--rpc-url", platform.node.url,
      "--gateway-url", platform.gateway.url,
      "--chain-name", "Hardhat (local)",
      "--deployments", platform.deploymentsDir,
      "--walletconnect-project-id", "0123456789abcdef0123456789abcdef",
      "--out", out,
    ]);
    assert.match(stdout, /^Wrote .+config\.json for chain 31337/);

    const written = JSON.parse(readFileSync(out, "utf8")) as AppServer["config"];
    assert.equal(written.chainId, platform.chain.id);
    assert.equal(written.deployment.registry.address, platform.deployment.registry.address);
    assert.equal(written.deployment.multicall3, platform.deployment.multicall3);
    assert.equal(written.gatewayUrl, platform.gateway.url);
    assert.equal(written.walletConnectProjectId, "0123456789abcdef0123456789abcdef");
    rmSync(path.dirname(out), { recursive: true, force: true });
  });
});

describe("failure states", () => {
  it("explains a missing config.json in both languages", async () => {
    const { context, page } = await openSession({});
    await page.route("**/config.json", (route) => route.fulfill({ status: 404, body: "not found" }));
    await goTo(page, "#/");
    await page.getByText("The app's configuration could not be loaded, so it cannot reach the chain.").waitFor();
    assert.match(await page.locator("main").innerText(), /앱 설정을 불러오지 못해 체인에 연결할 수 없어요\.[\s\S]*config\.json could not be loaded \(HTTP 404\)/);
    await context.close();
  });

  it("offers a retry when the RPC endpoint fails", async () => {
    const { context, page } = await openSession({});
    let isDown = true;
    await page.route(`${platform.node.url}/**`, (route) => (isDown ? route.fulfill({ status: 503, body: "unavailable" }) : route.fallback()));
    await goTo(page, "#/");
    await page.getByText("The chain data could not be loaded.").waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('[data-error-kind="network"]').count(), 1);

    isDown = false;
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("table", { name: "Deposits and claims per payout token" }).waitFor();
    await context.close();
  });
});

describe("keyboard", () => {
  it("skips to the content and follows links without a mouse", async () => {
    const { context, page, errors } = await openSession({});
    await goTo(page, "#/");
    await page.getByRole("heading", { name: "Overview" }).waitFor();

    await page.keyboard.press("Tab");
    assert.equal(await page.locator(":focus").innerText(), "Skip to content");
    await page.keyboard.press("Enter");
    assert.equal(await page.locator(":focus").getAttribute("id"), "main");

    await page.getByRole("link", { name: "Services", exact: true }).first().focus();
    await page.keyboard.press("Enter");
    await page.getByRole("table", { name: "Services and their revenue shares" }).waitFor();
    await page.getByRole("link", { name: "Solar Chat" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Service: Solar Chat" }).waitFor();
    assert.equal(await page.locator('nav a[aria-current="page"]').innerText(), "Services");
    assert.equal(await page.title(), "Services · 1TT Platform");
    assert.equal(await page.locator(":focus").getAttribute("id"), "main");
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("entitlements budget", () => {
  it("reads 20 (service, version) entitlements in one request", async () => {
    let requests = 0;
    const client = createPublicClient({
      chain: platform.chain,
      transport: http(platform.node.url, { onFetchRequest: () => void (requests += 1) }),
    }) as PublicClient;
    const refs = aliceRefs();
    assert.equal(refs.length, 20);

    const result = await fetchEntitlements(client, platform.deployment, platform.accounts.alice.address, refs);

    assert.equal(requests, 1);
    assert.deepEqual(result.entitlements.map((entry) => entry.claimable), [...(await claimableOnChain(platform.accounts.alice.address, refs))]);
    assert.equal(result.entitlements.filter((entry) => entry.weight > 0n).length, 20);
  });
});

describe("WalletConnect", () => {
  const PROJECT_ID = "0123456789abcdef0123456789abcdef";
  const WALLETCONNECT_BUTTON = /^(Connect with WalletConnect|WalletConnect로 연결)$/;

  /**
   * Serves `config.json` with `projectId` and records every request and WebSocket of the page.
   * Connecting would open a WebSocket to the WalletConnect relay on the internet, so these tests
   * never click the button, and any request to a host other than 127.0.0.1 is aborted before it
   * leaves the browser and recorded as a failure.
   */
  async function openWithProjectId(locale: string, projectId: string | undefined) {
    const session = await openSession({ locale });
    const urls: string[] = [];
    const outside: string[] = [];
    await session.context.route(
      (url) => url.hostname !== "127.0.0.1",
      async (route) => {
        outside.push(route.request().url());
        await route.abort("blockedbyclient");
      },
    );
    await session.page.route("**/config.json", (route) =>
      route.fulfill({ json: { ...app.config, ...(projectId === undefined ? {} : { walletConnectProjectId: projectId }) } }),
    );
    session.page.on("request", (request) => urls.push(request.url()));
    session.page.on("websocket", (socket) => outside.push(socket.url()));
    await goTo(session.page, "#/contributor");
    await session.page.getByRole("button", { name: /^(Connect wallet|지갑 연결)$/ }).waitFor();
    return { ...session, urls, outside };
  }

  it("offers no WalletConnect without a project id", async () => {
    const { context, page, urls, outside, errors } = await openWithProjectId("en-US", undefined);

    assert.equal(await page.getByRole("button", { name: WALLETCONNECT_BUTTON }).count(), 0);
    assert.deepEqual(urls.filter((url) => url.includes("wallet-connect-connector")), []);
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const [locale, label] of [
    ["en-US", "Connect with WalletConnect"],
    ["ko-KR", "WalletConnect로 연결"],
  ] as const) {
    it(`offers WalletConnect with a project id (${locale})`, async () => {
      const { context, page, urls, outside, errors } = await openWithProjectId(locale, PROJECT_ID);

      const button = page.getByRole("button", { name: label, exact: true });
      await button.waitFor();
      assert.equal(await button.isEnabled(), true);
      await screenshot(page, `walletconnect-option-${locale}`);
      // The connector's chunk loads only when the button is clicked.
      assert.deepEqual(urls.filter((url) => url.includes("wallet-connect-connector")), []);
      assert.ok(urls.every((url) => new URL(url).hostname === "127.0.0.1"), urls.join("\n"));
      assert.deepEqual(outside, []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe("wallet flows", () => {
  it("names the wallet's wrong network and switches in one click", async () => {
    const { context, page, errors } = await openSession({ wallet: { account: platform.accounts.alice, startChainId: MAINNET_CHAIN_ID } });
    await goTo(page, "#/contributor");
    await connect(page);
    const warning = page.getByText("Your wallet is on Ethereum, but this platform runs on Hardhat (local).");
    await warning.waitFor();
    assert.equal(await page.getByRole("button", { name: "Claim everything" }).isDisabled(), true);
    await screenshot(page, "wrong-network-en");

    await page.getByRole("button", { name: "Switch to Hardhat (local)" }).click();
    await warning.waitFor({ state: "detached" });
    assert.equal(await page.getByTestId("wallet-network").innerText(), "Hardhat (local)");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("claims everything in one transaction and shows it pending, then confirmed", async () => {
    const { context, page, errors } = await openSession({ wallet: { account: platform.accounts.alice } });
    const alice = platform.accounts.alice.address;
    const owed = (await claimableOnChain(alice, aliceRefs())).reduce((sum, value) => sum + value, 0n);
    assert.ok(owed > 0n);
    const before = await balanceOf(alice);

    await goTo(page, "#/contributor");
    await connect(page);
    const totals = page.getByTestId("claimable-totals");
    await totals.waitFor();
    assert.equal(await totals.innerText(), usdc(owed));
    assert.equal(await page.getByRole("table", { name: "What each service version owes you" }).locator("tbody tr").count(), 20);
    await screenshot(page, "contributor-en");

    const testClient = createTestClient({ chain: platform.chain, mode: "hardhat", transport: http(platform.node.url) });
    await testClient.setAutomine(false);
    try {
      await page.getByRole("button", { name: "Claim everything" }).click();
      await page.locator('[data-phase="pending"]').waitFor();
      assert.match(await page.locator('[data-phase="pending"]').innerText(), /Sent\. Waiting for the block…/);
      await testClient.mine({ blocks: 1 });
    } finally {
      await testClient.setAutomine(true);
    }
    await page.locator('[data-phase="confirmed"]').waitFor();
    await page.getByText("Nothing to claim right now.").waitFor();

    assert.equal((await balanceOf(alice)) - before, owed);
    assert.equal((await claimableOnChain(alice, aliceRefs())).every((value) => value === 0n), true);

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download statement (CSV)" }).click();
    const csv = readFileSync((await (await download).path())!, "utf8");
    assert.equal(csv.charCodeAt(0), 0xfeff);
    assert.match(csv, /^\uFEFFKind,Time \(UTC\),Time \(KST\),Service,Version,Token,/);
    assert.match(csv, new RegExp(`\r\nclaim,[^,]+ UTC,[^,]+ KST,Solar Chat,1,tUSDC,`));
    assert.equal(csv.split("\r\n").filter((line) => line.startsWith("entitlement,")).length, 20);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("shows a rejection, then decodes a revert in both languages", async () => {
    const { context, page, wallet } = await openSession({ wallet: { account: platform.accounts.bob } });
    const bob = platform.accounts.bob.address;
    await goTo(page, "#/contributor");
    await connect(page);
    await page.getByTestId("claimable-totals").waitFor();

    wallet!.rejectNext();
    await page.getByRole("button", { name: "Claim everything" }).click();
    await page.getByText("You rejected the request in your wallet.").waitFor();

    // Someone claims for Bob (anyone may) while his page still shows the old amounts.
    const operator = createWalletClient({ account: platform.accounts.operator, chain: platform.chain, transport: http(platform.node.url) });
    const refs = [
      { serviceId: platform.services.solar, version: 1n },
      { serviceId: platform.services.solar, version: 2n },
      { serviceId: platform.services.docs, version: 1n },
    ];
    await platform.publicClient.waitForTransactionReceipt({
      hash: await operator.writeContract({ address: platform.deployment.splitter.address, abi: splitterAbi, functionName: "claim", args: [bob, refs] }),
    });

    await page.getByRole("button", { name: "Claim everything" }).click();
    const alert = page.locator('[data-error-name="NothingToClaim"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), new RegExp(`There is nothing to claim for ${bob} in these versions`));
    await page.getByText("Nothing to claim right now.").waitFor();
    await screenshot(page, "revert-en");

    await page.getByRole("button", { name: "한국어" }).click();
    assert.match(await alert.innerText(), new RegExp(`이 버전들에서 ${bob} 주소가 수령할 금액이 없어요`));
    await screenshot(page, "revert-ko");
    await context.close();
  });

  it("deposits: approves exactly the amount, then deposits, with receipts and history", async () => {
    const { context, page, errors } = await openSession({ wallet: { account: platform.accounts.operator } });
    const operator = platform.accounts.operator.address;
    const splitter = platform.deployment.splitter.address;
    await goTo(page, "#/consumer");
    await connect(page);

    await page.getByLabel("Service version").selectOption({ label: "Solar Chat · Version 1" });
    await page.getByLabel("Gross revenue (tUSDC)").fill("1.0000001");
    await page.getByText("Enter a number with at most 6 decimals.").waitFor();
    assert.equal(await page.getByLabel("Gross revenue (tUSDC)").getAttribute("aria-invalid"), "true");
    await page.getByLabel("Period label").fill("x".repeat(32));
    await page.getByText("Use up to 31 characters of plain text.").waitFor();
    assert.equal(await page.getByRole("button", { name: "Deposit", exact: true }).isDisabled(), true);

    await page.getByLabel("Gross revenue (tUSDC)").fill("1,000.25");
    await page.getByLabel("Period label").fill("2026-12");
    await page.getByText("Deposit: 150.0375 tUSDC (15% of the gross revenue).").waitFor();
    await screenshot(page, "consumer-en");

    await page.getByRole("button", { name: "Approve exactly 150.0375 tUSDC" }).click();
    await page.getByTestId("receipt-approve").waitFor();
    const allowance = await platform.publicClient.readContract({ address: platform.usdc, abi: erc20Abi, functionName: "allowance", args: [operator, splitter] });
    assert.equal(allowance, 150_037_500n);

    const before = await balanceOf(operator);
    await page.getByRole("button", { name: "Deposit", exact: true }).click();
    await page.getByTestId("receipt-deposit").waitFor();
    assert.equal(before - (await balanceOf(operator)), 150_037_500n);
    const history = page.getByRole("table", { name: "Deposit history" });
    await history.getByRole("cell", { name: "2026-12", exact: true }).waitFor();
    assert.match(await history.locator("tbody tr").first().innerText(), /Solar Chat\s+1\s+2026-12\s+1,000\.25 tUSDC\s+15%\s+150\.0375 tUSDC/);

    // A revenue that rounds to a zero deposit is explained, not sent.
    await page.getByLabel("Gross revenue (tUSDC)").fill("0");
    await page.getByRole("button", { name: "Deposit", exact: true }).click();
    await page.locator('[data-error-name="DepositRoundsToZero"]').waitFor();
    assert.match(await page.locator('[data-error-name="DepositRoundsToZero"]').innerText(), /A gross revenue of 0 tUSDC at a share of 15% rounds to a deposit of zero\./);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("follows a claim that the wallet sped up", async () => {
    // The deposit test above gave Bob something to claim again.
    const { context, page, errors } = await openSession({ wallet: { account: platform.accounts.bob } });
    const bob = platform.accounts.bob;
    await goTo(page, "#/contributor");
    await connect(page);
    await page.getByTestId("claimable-totals").waitFor();

    const testClient = createTestClient({ chain: platform.chain, mode: "hardhat", transport: http(platform.node.url) });
    await testClient.setAutomine(false);
    let fasterHash: `0x${string}`;
    try {
      await page.getByRole("button", { name: "Claim everything" }).click();
      const pending = page.locator('[data-phase="pending"] .mono');
      await pending.waitFor();
      const original = await platform.publicClient.getTransaction({ hash: (await pending.innerText()) as `0x${string}` });

      // The same call at twice the fees and the same nonce, as a wallet's "speed up" sends it.
      const wallet = createWalletClient({ account: bob, chain: platform.chain, transport: http(platform.node.url) });
      fasterHash = await wallet.sendTransaction({
        to: original.to!,
        data: original.input,
        nonce: original.nonce,
        gas: original.gas,
        maxFeePerGas: original.maxFeePerGas! * 2n,
        maxPriorityFeePerGas: original.maxPriorityFeePerGas! * 2n + 1n,
      });
      await testClient.mine({ blocks: 1 });
    } finally {
      await testClient.setAutomine(true);
    }

    await page.locator('[data-phase="confirmed"]').waitFor();
    assert.match(await page.getByTestId("transaction-replacement").innerText(), /Your wallet replaced \(sped up\) the transaction first sent as 0x/);
    assert.ok((await page.locator('[data-phase="confirmed"]').innerText()).includes(fasterHash));
    await page.getByText("Nothing to claim right now.").waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("reviews a dataset awaiting consent and registers it with the wallet's signature", async () => {
    const { context, page, errors, wallet } = await openSession({ wallet: { account: platform.accounts.alice } });
    const { terms } = platform.pending;
    await goTo(page, "#/contributor");
    await connect(page);
    const awaiting = page.getByRole("table", { name: "Datasets awaiting your consent" });
    assert.match(await awaiting.innerText(), /42,000/);
    assert.equal(await awaiting.locator("tbody tr").count(), 1);
    await page.getByLabel("Enter the report CID that the operator sent you.").fill(terms.reportCid);
    await page.getByRole("button", { name: "Review" }).click();
    await page.getByText("Verified: the report's sha256 matches the value recorded on-chain.").waitFor();
    assert.match(await page.locator("dl.facts").first().innerText(), /42,000/);
    await screenshot(page, "consent-en");

    await page.getByRole("button", { name: "Sign consent and register" }).click();
    await page.getByText("Registered. The dataset is now on-chain in your name.").waitFor();
    assert.ok(wallet!.requests.includes("eth_signTypedData_v4"));
    const record = await platform.publicClient.readContract({
      address: platform.deployment.registry.address,
      abi: registryAbi,
      functionName: "datasetRecord",
      args: [terms.id],
    });
    assert.equal(record.contributor, platform.accounts.alice.address);
    assert.equal(record.tokenCount, 42_000n);

    await goTo(page, "#/contributor");
    await page.getByRole("table", { name: "Your datasets" }).getByText("42,000").waitFor();
    assert.equal(await page.getByRole("table", { name: "Datasets awaiting your consent" }).count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("Korean", () => {
  it("follows the browser language, formats per locale and remembers a switch", async () => {
    const { context, page, errors } = await openSession({ locale: "ko-KR", wallet: { account: platform.accounts.alice } });
    await goTo(page, "#/");
    await page.getByRole("heading", { name: "개요" }).waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "ko");
    await page.getByRole("table", { name: "정산 토큰별 예치액과 수령액" }).waitFor();
    await screenshot(page, "overview-ko");

    for (const [hash, heading, name] of [
      ["#/services", "서비스", "services-ko"],
      [`#/services/${platform.services.solar}`, "서비스: Solar Chat", "service-ko"],
      [`#/services/${platform.services.solar}/versions/1`, "Solar Chat 버전 1", "version-ko"],
      [`#/datasets/${platform.datasets.alice1}`, "데이터셋", "dataset-ko"],
      [`#/address/${platform.accounts.bob.address.toLowerCase()}`, "주소", "address-ko"],
      ["#/verify", "검증", "verify-ko"],
      [`#/consent/${platform.pending.terms.reportCid}`, "검토 및 동의", "consent-ko"],
    ] as const) {
      await goTo(page, hash);
      await page.getByRole("heading", { name: heading, exact: true }).waitFor();
      await page.locator("table").first().waitFor();
      if (name === "version-ko") await page.locator(".recharts-wrapper").first().waitFor();
      if (name === "verify-ko") await page.locator("[data-verified]").waitFor({ timeout: 30_000 });
      if (name === "dataset-ko") await page.getByText("검증 완료: 보고서의 sha256이 온체인 기록과 일치해요.").waitFor();
      // Once the consent test has registered this dataset, the page shows that instead of asking again.
      if (name === "consent-ko") await page.getByText(await isPendingRegistered() ? "이미 등록된 데이터셋이에요." : "동의 서명은 7일 동안 유효해요.").waitFor();
      await screenshot(page, name);
    }

    await goTo(page, "#/contributor");
    await connect(page);
    await page.getByRole("table", { name: "서비스 버전별 정산 금액" }).waitFor();
    await screenshot(page, "contributor-ko");
    await goTo(page, "#/consumer");
    await page.getByRole("table", { name: "예치 내역" }).waitFor();
    await screenshot(page, "consumer-ko");
    await page.setViewportSize({ width: 390, height: 844 });
    await goTo(page, `#/services/${platform.services.solar}/versions/1`);
    await page.locator(".recharts-wrapper").first().waitFor();
    await screenshot(page, "version-ko-phone");
    await page.setViewportSize({ width: 1280, height: 900 });
    await goTo(page, "#/consumer");
    await page.getByRole("heading", { name: "서비스 운영사" }).waitFor();

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Consumer" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Consumer" }).waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    assert.deepEqual(errors, []);
    await context.close();
  });
});
