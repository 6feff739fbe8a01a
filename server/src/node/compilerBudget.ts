/**
 * Caps how much code V8's optimising compiler inlines into one function, for this process
 * and its threads (V8 flags are per process): rfc-lint and its analysis workers. The
 * language server does without: with the cap its cold start and index build measured the
 * same (`npm run bench`, A/B), and a long-lived process keeps what the compiler makes.
 *
 * Why: an rfc-lint run is short, and most of its CPU beyond the analysis itself went to
 * TurboFan compiling the engine's hot functions with everything they call inlined (the
 * fact collector, the chunk reader, the rules), again after each early deoptimisation. On
 * 2,000 RFCs that was about 1.4 s of compiler threads per isolate; with two isolates on
 * two cores it took the core the second one was meant to use, so `--jobs 2` was no faster
 * than `--jobs 1`. With the budget at 120 bytecodes (V8's default is 920) the compiler
 * threads used half the CPU, the analysis threads none more, and `--jobs 2` became 20%
 * faster (`npm run bench:cli`; A/B in the commit message).
 *
 * setFlagsFromString changes only how later compilations are done, nothing already
 * compiled; it is called before any analysis runs.
 */
import { setFlagsFromString } from 'node:v8';

export function capInlining(): void {
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=120');
}
