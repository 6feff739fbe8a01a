/**
 * `array.map(fn)` for arrays that hot functions read: the result is built by pushing, so it
 * is always a packed array.
 *
 * Why: once V8's optimiser inlines Array.prototype.map, the array it makes has holes
 * (HOLEY_ELEMENTS) where the built-in's had none (PACKED_ELEMENTS). Every optimised function
 * reading such an array then meets a second kind of array, is thrown out and compiled again
 * (--trace-deopt: "wrong map"): analyzeDocument and collectFacts over the chunks,
 * completeness' report over its children, lowerBound over finding lines, each once per
 * thread. Used where that was measured; plain map() everywhere else.
 */
export function packedMap<T, U>(array: readonly T[], fn: (item: T) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < array.length; i++) out.push(fn(array[i]));
  return out;
}
