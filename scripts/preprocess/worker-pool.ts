import { Worker } from "node:worker_threads";
import type { ShardResult } from "./process-batch.ts";
import type { WorkerReply, WorkerSettings, WorkerTask } from "./worker.ts";

export interface WorkerPool {
  /** Runs a task on the next free worker; resolves with its result. */
  run(task: WorkerTask): Promise<ShardResult>;
  close(): Promise<void>;
}

/**
 * Old-generation heap limit of each worker. Without it V8 lets the heap grow with the amount of
 * text processed, so peak memory would depend on input size. 256 MiB leaves room for the
 * tokenizer (about 25 MiB) and a few copies of the largest document (MAX_DOCUMENT_BYTES, 16 MiB).
 */
export const WORKER_MAX_HEAP_MB = 256;

/** Starts `size` worker threads that each load the tokenizer once and then process batches. */
export function createWorkerPool(size: number, settings: WorkerSettings): WorkerPool {
  const idle: Worker[] = [];
  const waiting: Array<(worker: Worker) => void> = [];
  const workers = Array.from(
    { length: size },
    () => new Worker(new URL("./worker.ts", import.meta.url), { workerData: settings, resourceLimits: { maxOldGenerationSizeMb: WORKER_MAX_HEAP_MB } }),
  );
  idle.push(...workers);
  let closed = false;

  const acquire = (): Promise<Worker> => {
    const worker = idle.pop();
    return worker ? Promise.resolve(worker) : new Promise((resolve) => waiting.push(resolve));
  };
  const release = (worker: Worker): void => {
    const next = waiting.shift();
    if (next) next(worker);
    else idle.push(worker);
  };

  return {
    async run(task) {
      const worker = await acquire();
      try {
        return await new Promise<ShardResult>((resolve, reject) => {
          const onError = (error: Error) => {
            worker.off("message", onMessage);
            reject(error);
          };
          const onMessage = (reply: WorkerReply) => {
            worker.off("error", onError);
            if (reply.ok) resolve(reply.result);
            else reject(new Error(`worker failed on shard ${reply.shardId}: ${reply.message}`));
          };
          worker.once("message", onMessage);
          worker.once("error", onError);
          worker.postMessage(task);
        });
      } finally {
        release(worker);
      }
    },
    /** Stops all workers; a second call does nothing. */
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
