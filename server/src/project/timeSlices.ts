/** How long long-running work (building a very large template, an index scan) may hold the event loop at a time. */
export const SLICE_MS = 16;
/** How long it then lets other work run at most (a quarter of the slice). */
export const YIELD_MS = 4;
/** A yield that came back this fast (an idle one takes about 5 µs, one that answers a request several times that) found nothing else to run. */
const IDLE_HOP_MS = 0.015;

/**
 * A pause for work done in steps: once `SLICE_MS` have passed since the last pause, it
 * yields (through `yieldNow`: a macrotask on Node and in a worker) again and again, until a
 * yield comes back at once (nothing else was waiting) or `YIELD_MS` have passed. One yield
 * is not enough: the JSON-RPC connection handles one queued message per macrotask, so a
 * single yield per slice let one request through per 16 ms and a busy editor's requests
 * queued up for seconds; yielding the full 4 ms when nothing waits made scans a quarter
 * slower.
 */
export function timeSlicer(yieldNow: () => Promise<void>): () => Promise<void> {
  let since = Date.now();
  return async () => {
    if (Date.now() - since < SLICE_MS) return;
    const until = performance.now() + YIELD_MS;
    for (;;) {
      const hop = performance.now();
      await yieldNow();
      const now = performance.now();
      if (now - hop < IDLE_HOP_MS || now >= until) break;
    }
    since = Date.now();
  };
}
