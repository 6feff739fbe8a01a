import type { DocumentFacts } from './facts';
import { isUnfilledValue, readStatus, statusField } from './metadataFields';

/**
 * Where an RFC is in its life, read from its Status line. It sets how strict the rules
 * are: a draft is a work in progress, an approved RFC must be finished.
 */
export type Lifecycle = 'draft' | 'review' | 'approved' | 'implemented' | 'unknown';

/** Maps a Status value to a lifecycle stage by its meaning, so teams' own words work too. */
export function lifecycleOfStatus(status: string | undefined): Lifecycle {
  const s = (status ?? '').toLowerCase();
  if (/\b(implemented|shipped|done|released|complete[d]?)\b/.test(s)) return 'implemented';
  if (/\b(approved|accepted|final)\b/.test(s)) return 'approved';
  if (/\b(review|reviewing|proposed|rfc)\b/.test(s)) return 'review';
  if (/\b(draft|wip|work in progress)\b/.test(s)) return 'draft';
  return 'unknown';
}

/**
 * The lifecycle of a document, from its status line: the stage of the value when the
 * template or the team's vocabulary allows it, else unknown (the metadata rule then reports
 * the value, so the two never disagree).
 */
export function lifecycleOf(facts: DocumentFacts): Lifecycle {
  const field = statusField(facts.template);
  if (!field) return 'unknown';
  const line = facts.metadata.find((m) => m.normalizedKey === field.normalizedKey);
  // "[Draft/Under Review/Approved/Implemented]" names every stage: no stage at all.
  if (!line || line.value.trim() === '' || isUnfilledValue(line.value, field, facts.template)) return 'unknown';
  return readStatus(line.value, field, facts.statuses).stage;
}

