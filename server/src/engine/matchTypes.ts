/** What heading matching (match.ts, matchLikeness.ts) takes and gives. */
import type { TemplateSection } from './template';

/** What matching needs of a document heading. */
export interface MatchInput {
  level: number;
  normalized: string;
}

/** How a heading came to stand for its section. */
export type MatchKind = 'exact' | 'alias' | 'similar';

/** The template section a document heading stands for, if any. */
export interface HeadingMatch {
  section?: TemplateSection;
  /** Further sections the same heading stands for (`Explanation` for both explanation sections). */
  also: TemplateSection[];
  kind?: MatchKind;
  /** The heading is the document's title (its first H1 when the template has a title). */
  isTitle: boolean;
}

/** Headings more than this many levels away from their template section do not match it. */
export const MAX_LEVEL_DISTANCE = 2;
