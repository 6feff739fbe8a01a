/** A rule of a markdown-it ruler, as it keeps them. */
export interface NamedRule {
  name: string;
  enabled: boolean;
  fn: (...args: never[]) => unknown;
  alt: string[];
}

/** The rules of a markdown-it ruler with their names (its `__rules__`, which plugins commonly read). */
export function rulesOf(ruler: unknown): NamedRule[] {
  return (ruler as { __rules__: NamedRule[] }).__rules__;
}
