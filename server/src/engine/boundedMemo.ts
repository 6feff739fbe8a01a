/**
 * A pure function of a string, remembered: the same headings, bold leads and URIs come back
 * for every file of a folder and at every re-analysis. Bounded: the answers are dropped all
 * at once when `max` are kept, so a walk of 100,000 files holds no more than that.
 */
export function boundedMemo<T>(compute: (key: string) => T, max = 4096): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      if (answers.size >= max) answers.clear();
      answer = compute(key);
      answers.set(key, answer);
    }
    return answer;
  };
}
