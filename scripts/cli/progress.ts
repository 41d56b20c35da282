/**
 * Creates a one-line progress bar on stderr. It draws only when stderr is a terminal, so logs and
 * `--json` output stay clean, and redraws at most ten times a second.
 */
export function createProgressBar(stream: NodeJS.WritableStream & { isTTY?: boolean }) {
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done: number, total: number, label: string): void {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const width = 30;
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(ratio * width);
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? done / 1e6 / seconds : 0;
      stream.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${rate.toFixed(1)} MB/s ${label}\x1b[K`);
      drawn = true;
    },
    finish(): void {
      if (drawn) stream.write("\r\x1b[K");
    },
  };
}
