import { ownString } from './ownString';

/**
 * A pure function of a string, remembered: the same headings, bold leads and URIs come back
 * for every file of a folder and at every re-analysis. Bounded: the answers are dropped all
 * at once when `max` are kept, so a walk of 100,000 files holds no more than that. Keys and
 * string answers are kept as copies: a heading's text is a slice of its document, and 4,096
 * of them kept as they are would keep 4,096 documents (ownString.ts).
 */
export function boundedMemo<T>(compute: (key: string) => T, max = 4096): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      if (answers.size >= max) answers.clear();
      answer = compute(key);
      if (typeof answer === 'string') answer = ownString(answer) as T;
      answers.set(ownString(key), answer);
    }
    return answer;
  };
}
