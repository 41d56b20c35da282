import { parentPort, workerData } from "node:worker_threads";
import { processBatch, type BatchContext } from "./process-batch.ts";
import type { Batch } from "./readers/batch.ts";
import { loadTokenizer } from "./tokenizer.ts";

/** Settings every worker receives once at start. */
export interface WorkerSettings {
  tokenizer: string;
  textField: string;
  spoolDir: string;
}

export interface WorkerTask {
  shardId: string;
  batch: Batch;
}

export type WorkerReply = { ok: true; result: ReturnType<typeof processBatch> } | { ok: false; shardId: string; message: string };

if (parentPort) {
  const port = parentPort;
  const settings = workerData as WorkerSettings;
  const context: BatchContext = { tokenizer: await loadTokenizer(settings.tokenizer), textField: settings.textField, spoolDir: settings.spoolDir };
  port.on("message", (task: WorkerTask) => {
    let reply: WorkerReply;
    const transfer: ArrayBuffer[] = [];
    try {
      const result = processBatch(task.shardId, task.batch, context);
      // All signatures of a shard share one buffer (see packSignatures); moving it avoids a copy.
      const shared = result.docs.find((doc) => doc.signature !== null)?.signature?.buffer;
      if (shared instanceof ArrayBuffer) transfer.push(shared);
      reply = { ok: true, result };
    } catch (error) {
      reply = { ok: false, shardId: task.shardId, message: (error as Error).stack ?? String(error) };
    }
    port.postMessage(reply, transfer);
  });
}
