/** Reports batch progress: a live bar on a terminal, periodic plain lines in CI logs. */
export interface Progress {
  start(total: number): void;
  tick(done: number, failed: number): void;
  finish(): void;
}

export interface ProgressOptions {
  quiet: boolean;
  /** A live bar only on an interactive terminal outside CI. */
  live: boolean;
  write: (text: string) => void;
  now?: () => number;
}

export function createProgress({ quiet, live, write, now = () => performance.now() }: ProgressOptions): Progress {
  let total = 0;
  let started = 0;
  let lastLine = 0;
  const line = (done: number, failed: number) => {
    const secs = (now() - started) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    const failures = failed > 0 ? `, ${failed} failed` : '';
    return { text: `${done}/${total} built${failures} · ${rate.toFixed(1)}/s · ETA ${formatDuration(eta)}`, ratio: total ? done / total : 1 };
  };
  if (quiet) return { start() {}, tick() {}, finish() {} };
  return {
    start(n) {
      total = n;
      started = now();
      lastLine = started;
    },
    tick(done, failed) {
      const { text, ratio } = line(done, failed);
      if (live) {
        const width = 24;
        const filled = Math.round(ratio * width);
        write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K`);
      } else if (now() - lastLine >= 2000 || done === total) {
        lastLine = now();
        write(`batch: ${text}\n`);
      }
    },
    finish() {
      if (live) write('\n');
    },
  };
}

function formatDuration(secs: number): string {
  if (secs < 60) return `${secs}s`;
  return `${Math.floor(secs / 60)}m${String(secs % 60).padStart(2, '0')}s`;
}
