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
      // A shard's signatures share one buffer and its leaves another (see packBytes); moving
      // them avoids a copy.
      const buffers = new Set<ArrayBufferLike>();
      for (const doc of result.docs) {
        if (doc.signature) buffers.add(doc.signature.buffer);
        buffers.add(doc.leaf.buffer);
      }
      for (const buffer of buffers) if (buffer instanceof ArrayBuffer) transfer.push(buffer);
      reply = { ok: true, result };
    } catch (error) {
      reply = { ok: false, shardId: task.shardId, message: (error as Error).stack ?? String(error) };
    }
    port.postMessage(reply, transfer);
  });
}
