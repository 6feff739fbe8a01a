import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// `gc` without starting node with --expose-gc: the flag set now exposes it to new contexts.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after collecting everything collectable (twice: weak references clear on the second). */
export function settledHeap(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
