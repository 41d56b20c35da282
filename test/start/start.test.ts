/**
 * Runs `npm start -- --no-serve` end to end on small generated corpora, with free ports and a
 * temporary state folder. Verify must pass, and the printed table must match shares and payouts
 * recomputed here from the reports' token counts and the revenue. A second run must reuse the
 * chain without registering or depositing again.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";

import { parseStartArguments, runStart, type StartOptions } from "../../scripts/start/main.ts";
import { generateDocuments } from "../preprocess/corpus.ts";

/** Services of the demo as the README describes them: share in basis points and contributors. */
const SERVICES = new Map([
  ["1", { shareBps: 1_500n, contributors: ["korean-help", "speeches", "mail-archive"] }],
  ["2", { shareBps: 300n, contributors: ["speeches", "mail-archive"] }],
]);
/** Gross revenue of each service per period, in tUSDC base units (6 decimals). */
const REVENUE_RAW = new Map([
  ["1", [120_000_000000n, 135_500_500000n, 150_250_250000n]],
  ["2", [45_000_000000n, 52_000_000000n, 61_000_750000n]],
]);
const OVERLAP = 5;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface TableRow {
  contributor: string;
  serviceId: string;
  tokens: bigint;
  sharePercent: string;
  deposited: bigint;
  entitled: bigint;
  claimed: bigint;
}

describe("npm start --no-serve", () => {
  let work: string;
  let options: StartOptions;
  let first: Run;

  before(() => {
    work = mkdtempSync(path.join(tmpdir(), "1tt-start-"));
    const corpora = path.join(work, "corpora");
    writeCorpus(path.join(corpora, "ko", "libreoffice-help-ko.jsonl"), generateDocuments(30, 21));
    writeCorpus(path.join(corpora, "ko", "debian-faq-ko.jsonl"), generateDocuments(8, 22));
    writeCorpus(path.join(corpora, "en", "sotu.jsonl"), generateDocuments(20, 23));
    writeCorpus(path.join(corpora, "en", "spam-assassin.jsonl"), generateDocuments(25, 24));
    options = {
      serve: false,
      stateDir: path.join(work, "state"),
      corporaDir: corpora,
      mailLimit: 20,
      overlap: OVERLAP,
      workers: 1,
      rpcPort: 0,
      gatewayPort: 0,
      webPort: 0,
    };
  });

  after(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it("builds the demo and passes verify", async () => {
    first = await start(options);
    assert.equal(first.code, 0, `npm start exited ${first.code}\nstdout:\n${first.stdout}\nstderr:\n${first.stderr}`);
    assert.match(first.stdout, /^PASSED: /m);
    assert.match(first.stdout, /never on a real network/);
  });

  it("prints shares and payouts that match a recomputation", () => {
    const rows = parseTable(first.stdout);
    assert.equal(rows.length, 5);
    const tokens = new Map(
      ["korean-help", "speeches", "mail-archive"].map((name) => {
        const report = JSON.parse(readFileSync(path.join(options.stateDir, "datasets", name, "report.json"), "utf8")) as { tokenCount: number };
        return [name, BigInt(report.tokenCount)];
      }),
    );
    for (const [serviceId, service] of SERVICES) {
      const total = service.contributors.reduce((sum, name) => sum + tokens.get(name)!, 0n);
      // The consumer pays the share of each period's revenue, rounded up.
      const deposited = REVENUE_RAW.get(serviceId)!.reduce((sum, revenue) => sum + ceilDiv(revenue * service.shareBps, 10_000n), 0n);
      for (const name of service.contributors) {
        const row = rows.find((candidate) => candidate.serviceId === serviceId && candidate.contributor === name);
        assert.ok(row, `no row for ${name} in service ${serviceId}`);
        const weight = tokens.get(name)!;
        assert.equal(row.tokens, weight, `${name} tokens in service ${serviceId}`);
        assert.equal(row.sharePercent, percentWithFourDecimals(weight, total), `${name} share in service ${serviceId}`);
        assert.equal(row.deposited, deposited, `service ${serviceId} deposits`);
        const exact = (deposited * weight) / total;
        // The splitter rounds each payout down, by less than one unit per contributor.
        assert.ok(row.entitled <= exact, `${name} in service ${serviceId}: entitled ${row.entitled}, exact share ${exact}`);
        assert.ok(row.entitled >= exact - 1n, `${name} in service ${serviceId}: entitled ${row.entitled}, exact share ${exact}`);
        assert.equal(row.claimed, name === "korean-help" ? row.entitled : 0n, `${name} claimed in service ${serviceId}`);
      }
    }
  });

  it("removes the repeated speeches through the shared index", () => {
    const report = JSON.parse(readFileSync(path.join(options.stateDir, "datasets", "mail-archive", "report.json"), "utf8")) as {
      stages: Array<{ stage: string; removed: Record<string, { documents: number }> }>;
    };
    const indexStage = report.stages.find((stage) => stage.stage === "index-dedup");
    assert.ok(indexStage, "the report has an index-dedup stage");
    assert.ok((indexStage.removed["registered-dataset"]?.documents ?? 0) > 0, JSON.stringify(indexStage.removed));
  });

  it("reuses the chain on a second run", async () => {
    const logFile = path.join(options.stateDir, "chain-transactions.log");
    const transactionsBefore = readFileSync(logFile, "utf8");
    const second = await start(options);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, /Restored the chain by replaying \d+ recorded transactions/);
    assert.doesNotMatch(second.stderr, /Registering|Depositing|Creating the service|Claiming/);
    assert.equal(readFileSync(logFile, "utf8"), transactionsBefore, "the second run sent no transaction");
    assert.deepEqual(parseTable(second.stdout), parseTable(first.stdout));
  });

  it("resumes after an unrecorded service", async () => {
    // As if the run had stopped right after creating the second service and sealing its version.
    const file = path.join(options.stateDir, "progress.json");
    const progress = JSON.parse(readFileSync(file, "utf8")) as { services: Record<string, string>; opened: string[]; sealed: string[]; deposits: string[] };
    delete progress.services["Speech Writer"];
    progress.opened = progress.opened.filter((id) => id !== "2");
    progress.sealed = progress.sealed.filter((id) => id !== "2");
    progress.deposits = progress.deposits.filter((key) => !key.startsWith("2/"));
    writeFileSync(file, JSON.stringify(progress));

    const resumed = await start(options);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stdout, /serviceCount 2, 2 ServiceCreated events/);
    assert.match(resumed.stdout, /3 datasets, 2 versions, 6 deposits/);
    assert.deepEqual(parseTable(resumed.stdout), parseTable(first.stdout));
  });

  it("stops the chain and the gateway", async () => {
    const rpcUrl = /Local chain: (http:\/\/127\.0\.0\.1:\d+)/.exec(first.stderr)?.[1];
    const gatewayUrl = /IPFS gateway: (http:\/\/127\.0\.0\.1:\d+)/.exec(first.stderr)?.[1];
    assert.ok(rpcUrl !== undefined, first.stderr);
    assert.ok(gatewayUrl !== undefined, first.stderr);
    for (const url of [rpcUrl, gatewayUrl]) {
      await assert.rejects(fetch(url, { signal: AbortSignal.timeout(2_000) }), `${url} still answers`);
    }
  });

  it("rejects invalid options", () => {
    assert.throws(() => parseStartArguments(["--rpc-port", "70000"]), /invalid --rpc-port "70000"/);
    assert.throws(() => parseStartArguments(["--workers", "two"]), /invalid --workers "two"/);
    assert.equal(parseStartArguments(["--help"]), "help");
  });

  it("names missing corpus files", async () => {
    const empty = path.join(work, "empty-corpora");
    mkdirSync(empty);
    await assert.rejects(start({ ...options, corporaDir: empty, stateDir: path.join(work, "state-2") }), /lacks ko\/libreoffice-help-ko\.jsonl/);
  });
});

async function start(options: StartOptions): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runStart(options, { stdout: sink((text) => (stdout += text)), stderr: sink((text) => (stderr += text)) });
  return { code, stdout, stderr };
}

function sink(append: (text: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      append(chunk.toString());
      callback();
    },
  });
}

function writeCorpus(file: string, texts: string[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, texts.map((text, i) => JSON.stringify({ id: `doc-${i}`, text })).join("\n") + "\n");
}

/** Parses the summary table: the rows between the dashed line and the next blank line. */
function parseTable(stdout: string): TableRow[] {
  const lines = stdout.split("\n");
  const start = lines.findIndex((line) => /^-+ {2}-+/.test(line));
  assert.ok(start > 0, `no summary table in:\n${stdout}`);
  const rows: TableRow[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "") break;
    // Columns: contributor, address, service id, service name..., version, tokens, share, deposited, entitled, claimed.
    const cells = line.trim().split(/\s+/);
    const tail = cells.slice(-6);
    rows.push({
      contributor: cells[0]!,
      serviceId: cells[2]!,
      tokens: BigInt(tail[1]!),
      sharePercent: tail[2]!,
      deposited: toRaw(tail[3]!),
      entitled: toRaw(tail[4]!),
      claimed: toRaw(tail[5]!),
    });
  }
  return rows;
}

/** Converts a tUSDC decimal such as "7653.587424" into base units. */
function toRaw(decimal: string): bigint {
  const [whole, fraction = ""] = decimal.replaceAll(",", "").split(".");
  return BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(6, "0"));
}

function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

/** Returns weight / total as a percentage truncated to four decimals, such as "42.0262". */
function percentWithFourDecimals(weight: bigint, total: bigint): string {
  const scaled = (weight * 100n * 10_000n) / total;
  return `${scaled / 10_000n}.${(scaled % 10_000n).toString().padStart(4, "0")}`;
}
