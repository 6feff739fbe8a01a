/** How long long-running work (building a very large template) may hold the event loop at a time. */
export const SLICE_MS = 16;
/** How long it then lets other work run (a quarter of the slice: the work takes 25 % longer at most). */
export const YIELD_MS = 4;

/**
 * A pause for work done in steps: once `SLICE_MS` have passed since the last pause, it
 * yields (through `yieldNow`: a macrotask on Node and in a worker) again and again for
 * `YIELD_MS`. One yield is not enough: the JSON-RPC connection handles one queued message
 * per macrotask, so a single yield per slice let one request through per 16 ms and a busy
 * editor's requests queued up for seconds.
 */
export function timeSlicer(yieldNow: () => Promise<void>): () => Promise<void> {
  let since = Date.now();
  return async () => {
    if (Date.now() - since < SLICE_MS) return;
    const until = Date.now() + YIELD_MS;
    do await yieldNow();
    while (Date.now() < until);
    since = Date.now();
  };
}
