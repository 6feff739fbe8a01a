/**
 * V8 settings for a short run that keeps every core busy: rfc-lint and its analysis
 * workers. V8's flags belong to the process, so they hold for every thread of it. The
 * language server does without: with them its cold start and index build measured the
 * same (`npm run bench`, A/B), and a long-lived process keeps what the compiler makes.
 *
 * setFlagsFromString changes only how later compilations and collections are done, nothing
 * already compiled; it is called before any analysis runs. Only flags V8 reads afresh at
 * each use are set here: a flag read once when the heap is set up (concurrent marking,
 * say) crashes V8 when changed later.
 */
import { setFlagsFromString } from 'node:v8';

export function tuneForShortRun(): void {
  // How much code the optimising compiler inlines into one function (V8's default is 920
  // bytecodes). An rfc-lint run is short, and most of its CPU beyond the analysis itself
  // went to TurboFan compiling the engine's hot functions with everything they call
  // inlined (the fact collector, the chunk reader, the rules), again after each early
  // deoptimisation. On 2,000 RFCs that was about 1.4 s of compiler threads per isolate;
  // with two isolates on two cores it took the core the second one was meant to use, so
  // `--jobs 2` was no faster than `--jobs 1`. At 120 the compiler threads used half the
  // CPU, the analysis threads none more, and `--jobs 2` became 20% faster
  // (`npm run bench:cli`; A/B in the commit message).
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=120');
  // One thread per young-generation collection instead of helpers on other cores. With a
  // thread per core already analysing, the helpers only take turns with the analysis
  // threads: over 2,000 RFCs on two cores, runs with two threads became 3–5% faster and
  // used less CPU; one-thread runs measured the same (A/B in the commit message).
  setFlagsFromString('--no-parallel-scavenge');
}
