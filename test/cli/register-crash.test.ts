/**
 * `1tt register` killed right after its first batch is mined, then run again: the registry must
 * hold every dataset exactly once. The first run is the real `bin/1tt` process. A test hook makes
 * it kill itself with SIGKILL after one mined batch, as a crash or a power cut would.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { keccak256, parseEventLogs, stringToHex, type Address, type PublicClient } from "viem";

import { registryAbi } from "../../scripts/lib/chain/abis.ts";
import { REPORT_FORMAT } from "../../scripts/preprocess/report.ts";
import { ACTORS, BIN, lastJson, startCliChain, type CliChain } from "./helpers.ts";

const DATASETS = 7;
const BATCH_SIZE = 2;

describe("1tt register after a crash", () => {
  let chain: CliChain;
  let work: string;
  let env: Record<string, string>;
  let client: PublicClient;
  let registry: Address;
  const folders: string[] = [];

  before(async () => {
    chain = await startCliChain();
    ({ work, env, client } = chain);
    const deployed = await chain.run(["deploy", "--json"], { ONETT_DEPLOYER_KEY: ACTORS.operator.key });
    registry = deployed.json!.registry as Address;

    // Report files with only the registered fields stand in for preprocessing, which the flow test covers.
    for (let i = 0; i < DATASETS; i++) {
      const folder = path.join(work, `dataset-${i}`);
      mkdirSync(folder);
      writeFileSync(
        path.join(folder, "report.json"),
        JSON.stringify({
          format: REPORT_FORMAT,
          datasetId: keccak256(stringToHex(`crash-test dataset ${i}`)),
          tokenCount: 1_000 + i,
          pipelineId: keccak256(stringToHex("pipeline")),
          tokenizerId: keccak256(stringToHex("o200k_base")),
        }),
      );
      folders.push(folder);
    }
    const aliceFolders = folders.filter((_, i) => i % 2 === 0);
    const bobFolders = folders.filter((_, i) => i % 2 === 1);
    for (const [argv, extra] of [
      [["publish", ...folders, "--json"], {}],
      [["consent", ...aliceFolders], { ONETT_CONTRIBUTOR_KEY: ACTORS.alice.key }],
      [["consent", ...bobFolders], { ONETT_CONTRIBUTOR_KEY: ACTORS.bob.key }],
      [["attest", ...folders], { ONETT_ATTESTER_KEY: ACTORS.operator.key }],
    ] as const) {
      const result = await chain.run([...argv], extra);
      if (argv[0] === "publish") assert.equal((result.json?.published as unknown[]).length, DATASETS);
    }
  });

  after(async () => {
    await chain?.stop();
  });

  it("registers each dataset once when re-run", async () => {
    const crashed = spawnSync("bash", [BIN, "register", ...folders, "--batch-size", String(BATCH_SIZE)], {
      cwd: work,
      encoding: "utf8",
      env: { ...process.env, ...env, ONETT_RELAYER_KEY: ACTORS.relayer.key, ONETT_TEST_CRASH_AFTER_BATCHES: "1", ONETT_CWD: "" },
      timeout: 120_000,
    });
    assert.equal(crashed.signal ?? (crashed.status === 137 ? "SIGKILL" : null), "SIGKILL", `status ${crashed.status}\n${crashed.stderr}`);
    assert.match(crashed.stderr, /batch 1: registered 2 in tx/);
    assert.doesNotMatch(crashed.stderr, /batch 2/);
    assert.equal(await datasetCount(), BigInt(BATCH_SIZE));

    const rerun = spawnSync("bash", [BIN, "register", ...folders, "--batch-size", String(BATCH_SIZE), "--json"], {
      cwd: work,
      encoding: "utf8",
      env: { ...process.env, ...env, ONETT_RELAYER_KEY: ACTORS.relayer.key, ONETT_CWD: "" },
      timeout: 120_000,
    });
    assert.equal(rerun.status, 0, rerun.stderr);
    const summary = lastJson(rerun.stdout)!;
    assert.equal((summary.skipped as unknown[]).length, BATCH_SIZE);
    assert.equal((summary.registered as unknown[]).length, DATASETS - BATCH_SIZE);

    assert.equal(await datasetCount(), BigInt(DATASETS));
    const logs = await client.getLogs({ address: registry, fromBlock: 0n, toBlock: "latest" });
    const registered = parseEventLogs({ abi: registryAbi, logs, eventName: "DatasetRegistered" }).map((event) => event.args.datasetId);
    const expected = Array.from({ length: DATASETS }, (_, i) => keccak256(stringToHex(`crash-test dataset ${i}`)));
    assert.deepEqual([...registered].sort(), [...expected].sort());
  });

  async function datasetCount() {
    return await client.readContract({ address: registry, abi: registryAbi, functionName: "datasetCount" });
  }
});
