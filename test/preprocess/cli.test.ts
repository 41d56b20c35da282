import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { setTimeout as sleep } from "node:timers/promises";
import { Writable } from "node:stream";
import { describe, test } from "node:test";
import { runCli as runCliInProcess } from "../../scripts/cli/main.ts";
import { generateDocuments, writeJsonl } from "./corpus.ts";
import { CLI, FIXTURES, ROOT, runCli, tempDir } from "./helpers.ts";

function lastJsonLine(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Record<string, unknown>;
}

describe("1tt CLI", () => {
  test("--json prints the summary as the last line", () => {
    const out = join(tempDir(), "out");
    const result = runCli(["preprocess", join(FIXTURES, "pii.jsonl"), "--out", out, "--json", "--no-index"]);
    assert.equal(result.status, 0, result.stderr);
    const summary = lastJsonLine(result.stdout);
    for (const key of ["datasetId", "tokenCount", "documentsIn", "documentsKept", "pipelineId", "tokenizerId"]) assert.ok(key in summary, key);
    assert.match(String(summary.datasetId), /^0x[0-9a-f]{64}$/);
    assert.equal(summary.documentsIn, 12);
    assert.equal(summary.documentsKept, 12);
  });

  test("no progress bar when stderr is not a terminal", () => {
    const result = runCli(["preprocess", join(FIXTURES, "pii.jsonl"), "--out", join(tempDir(), "out"), "--no-index"]);
    assert.equal(result.status, 0);
    assert.doesNotMatch(result.stderr, /\r|\[#/);
    assert.equal(result.stdout, "");
  });

  test("progress bar drawn on a terminal", async () => {
    let stderr = "";
    let stdout = "";
    const terminal = Object.assign(new Writable({ write: (chunk, _encoding, done) => ((stderr += String(chunk)), done()) }), { isTTY: true });
    const output = new Writable({ write: (chunk, _encoding, done) => ((stdout += String(chunk)), done()) });
    const input = writeJsonl(join(tempDir(), "in.jsonl"), generateDocuments(3000, 9));
    const status = await runCliInProcess(["preprocess", input, "--out", join(tempDir(), "out"), "--no-index", "--workers", "1", "--json"], { stdout: output, stderr: terminal });
    assert.equal(status, 0, stderr);
    assert.match(stderr, /\r\[#*-*\] +\d+% [\d.]+ MB\/s/);
    assert.equal(stdout.trim().split("\n").length, 1, "stdout has only the JSON line");
  });

  test("relative paths resolve from the caller's folder", () => {
    const dir = tempDir();
    writeJsonl(join(dir, "in.jsonl"), ["relative path document"]);
    const result = spawnSync(process.execPath, [CLI, "preprocess", "in.jsonl", "--out", "out", "--json", "--no-index"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ONETT_CWD: dir },
    });
    assert.equal(result.status, 0, result.stderr);
    assert.ok(existsSync(join(dir, "out", "report.html")));
  });

  test("help lists commands and exit codes", () => {
    const result = runCli(["--help"]);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /preprocess/);
    assert.match(result.stdout, /Exit codes:/);
    const preprocessHelp = runCli(["preprocess", "--help"]);
    assert.match(preprocessHelp.stdout, /--workers N/);
    assert.match(preprocessHelp.stdout, /3 {4}invalid input/);
  });

  test("unknown option exits 2 and names it", () => {
    const result = runCli(["preprocess", "x.jsonl", "--out", "o", "--wrokers", "2"]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--wrokers/);
  });

  test("invalid worker count exits 2", () => {
    const result = runCli(["preprocess", join(FIXTURES, "pii.jsonl"), "--out", join(tempDir(), "o"), "--workers", "0"]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /invalid value for --workers: "0"; expected a whole number from 1 to 256/);
  });

  test("unknown command exits 2", () => {
    const result = runCli(["preprocesss"]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown command "preprocesss"/);
  });

  test("missing input exits 3", () => {
    const result = runCli(["preprocess", "/nonexistent/file.jsonl", "--out", join(tempDir(), "o")]);
    assert.equal(result.status, 3);
    assert.match(result.stderr, /input not found: \/nonexistent\/file\.jsonl/);
  });

  test("strict mode exits 3 on the invalid line", () => {
    const out = join(tempDir(), "o");
    const result = runCli(["preprocess", join(FIXTURES, "misc.jsonl"), "--out", out, "--strict", "--no-index"]);
    assert.equal(result.status, 3);
    assert.match(result.stderr, /misc\.jsonl:3: invalid JSON/);
    assert.ok(!existsSync(join(out, "report.json")));
  });

  test("missing tokenizer file exits 2 with the fix", () => {
    const result = runCli(["preprocess", join(FIXTURES, "pii.jsonl"), "--out", join(tempDir(), "o"), "--tokenizer", "/nope/tokenizer.json"]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /cannot read tokenizer file \/nope\/tokenizer\.json.*Pass --tokenizer o200k_base/);
  });

  test("other run in the output folder exits 4", () => {
    const out = join(tempDir(), "o");
    const first = runCli(["preprocess", join(FIXTURES, "pii.jsonl"), "--out", out, "--keep-work", "--no-index"]);
    assert.equal(first.status, 0);
    const second = runCli(["preprocess", join(FIXTURES, "misc.jsonl"), "--out", out, "--no-index"]);
    assert.equal(second.status, 4);
    assert.match(second.stderr, /Pass --fresh/);
    const fresh = runCli(["preprocess", join(FIXTURES, "misc.jsonl"), "--out", out, "--no-index", "--fresh"]);
    assert.equal(fresh.status, 0, fresh.stderr);
  });

  test("index commands add and list a dataset", () => {
    const dir = tempDir();
    const index = join(dir, "index.sqlite");
    const out = join(dir, "out");
    assert.equal(runCli(["preprocess", join(FIXTURES, "pii.jsonl"), "--out", out, "--index", index]).status, 0);
    const added = runCli(["index", "add", "--dataset", out, "--index", index, "--json"]);
    assert.equal(added.status, 0, added.stderr);
    assert.equal(lastJsonLine(added.stdout).sequence, 1);
    const status = runCli(["index", "status", "--index", index]);
    assert.match(status.stdout, /state 1/);
    const rerun = runCli(["preprocess", join(FIXTURES, "pii.jsonl"), "--out", join(dir, "again"), "--index", index, "--json"]);
    assert.equal(lastJsonLine(rerun.stdout).documentsKept, 0);
    const pinned = runCli(["preprocess", join(FIXTURES, "pii.jsonl"), "--out", join(dir, "pinned"), "--index", index, "--index-at", "0", "--json"]);
    const original = runCli(["preprocess", join(FIXTURES, "pii.jsonl"), "--out", join(dir, "orig"), "--no-index", "--json"]);
    assert.equal(lastJsonLine(pinned.stdout).datasetId, lastJsonLine(original.stdout).datasetId);
  });

  test("resumes after a crash without redoing finished shards", async () => {
    const dir = tempDir();
    const input = writeJsonl(join(dir, "big.jsonl"), generateDocuments(30_000, 5));
    const out = join(dir, "out");
    const child = spawn(process.execPath, [CLI, "preprocess", input, "--out", out, "--workers", "1", "--no-index"], { stdio: "ignore" });
    const workDb = join(out, ".work", "work.sqlite");
    let finishedAtKill = 0;
    for (let attempt = 0; attempt < 600 && finishedAtKill === 0; attempt++) {
      await sleep(50);
      if (!existsSync(workDb)) continue;
      try {
        const db = new DatabaseSync(workDb, { readOnly: true });
        finishedAtKill = Number((db.prepare("SELECT count(*) AS n FROM shards").get() as { n: number }).n);
        db.close();
      } catch {
        // The database may be mid-creation; poll again.
      }
    }
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    assert.ok(finishedAtKill > 0, "no shard finished before the kill");
    assert.ok(!existsSync(join(out, "report.json")), "the run finished before it was killed; the input is too small");

    const resumed = runCli(["preprocess", input, "--out", out, "--workers", "1", "--no-index", "--json"]);
    assert.equal(resumed.status, 0, resumed.stderr);
    const summary = lastJsonLine(resumed.stdout);
    assert.ok(Number(summary.shardsResumed) >= finishedAtKill, `resumed ${summary.shardsResumed} of at least ${finishedAtKill}`);

    const clean = runCli(["preprocess", input, "--out", join(dir, "clean"), "--workers", "2", "--no-index", "--json"]);
    assert.equal(lastJsonLine(clean.stdout).datasetId, summary.datasetId);
    assert.equal(lastJsonLine(clean.stdout).tokenCount, summary.tokenCount);
  });
});

describe("1tt bin", () => {
  test("runs from the repository with npx", () => {
    const result = spawnSync("npx", ["--no-install", "1tt", "--help"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Usage: 1tt COMMAND/);
  });

  test("runs a bad-input file through the bash wrapper", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bad.jsonl"), "{not json\n");
    const result = spawnSync(join(ROOT, "bin", "1tt"), ["preprocess", "bad.jsonl", "--out", "o", "--strict", "--no-index"], { cwd: dir, encoding: "utf8" });
    assert.equal(result.status, 3, result.stderr);
    assert.match(result.stderr, /bad\.jsonl:1: invalid JSON/);
  });
});
