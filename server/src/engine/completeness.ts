import { isWaived, type DocHeading, type DocumentFacts } from './facts';
import { isUnfilledValue, lineFor } from './metadataFields';
import type { TemplateSection } from './template';
import { packedMap } from './packedMap';

/**
 * How complete an RFC is, by one formula shared by the editor and the command line:
 *
 *   completeness = complete slots / all slots, rounded down to a whole percent
 *
 * where the slots are the template's title, each of its metadata lines and each of its
 * leaf sections, those without subsections (a repeatable kind of subsection is one slot).
 * A section with subsections is not a slot of its own: its state sums up its subsections'
 * ("incomplete" while one of them is not complete). A slot is complete when it is
 * present, not empty, free of unfilled placeholders, of template guidance standing in for
 * its content and of unchanged template examples, and (metadata) has a valid value. A
 * section marked "N/A" is complete, and so are its subsections. A section the template
 * marks optional counts only when the document has it with content: absent or left as an
 * empty heading, it and its subsections are no slots (a section whose subsections are all
 * such optional ones is a slot itself). Rounding down keeps 100% for an RFC with nothing
 * left to do, and an RFC with an unfilled placeholder, template guidance standing for
 * content or an unchanged example anywhere is at most 99%.
 */
export interface CompletenessReport {
  percent: number;
  complete: number;
  total: number;
  title: SlotState;
  metadata: { key: string; state: SlotState; line?: number }[];
  /** The template's top-level sections, each with its subsections. */
  sections: SectionReport[];
}

export type SlotState =
  | 'complete'
  | 'missing'
  | 'empty'
  | 'placeholders'
  | 'guidance'
  | 'example'
  | 'invalid'
  | 'not-applicable'
  | 'incomplete';

export interface SectionReport {
  /** The template section's id ("motivation/goals"). */
  id: string;
  name: string;
  level: number;
  state: SlotState;
  /** Unfilled placeholders in the section's own text (all instances of a repeatable kind). */
  placeholders: number;
  /** Line of the (first) document heading standing for it. */
  line?: number;
  /** How many document headings stand for it (more than one for repeatable kinds). */
  instances: number;
  /** The template marks it optional; when missing, it does not count against completeness. */
  optional: boolean;
  children: SectionReport[];
}

/** Computes completeness. `invalidMetadataLines` are lines the metadata rule reported. */
export function computeCompleteness(
  facts: DocumentFacts,
  titlePlaceholders: number,
  invalidMetadataLines: ReadonlySet<number>,
  unfilledLeft = false,
): CompletenessReport {
  let complete = 0;
  let total = 0;
  const count = (state: SlotState) => {
    total++;
    if (state === 'complete' || state === 'not-applicable') complete++;
    return state;
  };

  const title: SlotState = facts.template.title
    ? count(!facts.title ? 'missing' : titlePlaceholders > 0 ? 'placeholders' : 'complete')
    : 'complete';

  // A field the template leaves empty without a word may stay empty: no slot then.
  const fields = facts.template.metadata.filter((field) => !field.optional || (lineFor(facts.metadata, field)?.value.trim() ?? '') !== '');
  const metadata = fields.map((field) => {
    const line = lineFor(facts.metadata, field);
    let state: SlotState;
    if (!line) state = 'missing';
    else if (line.value.trim() === '') state = 'empty';
    else if (isUnfilledValue(line.value, field, facts.template)) state = 'placeholders';
    else if (invalidMetadataLines.has(line.line)) state = 'invalid';
    else state = 'complete';
    return { key: field.key, state: count(state), line: line?.line };
  });

  // An absent optional section is no slot, and neither is anything under it.
  const report = (section: TemplateSection, counted = true): SectionReport => {
    const instances = facts.instances.get(section) ?? [];
    const placeholders = instances.reduce((n, h) => n + h.placeholderCount, 0);
    let state = sectionState(facts, section, instances, placeholders);
    // An optional section left out, or kept as an empty heading, is no slot.
    const counts = counted && !(section.optional && (state === 'missing' || state === 'empty'));
    const children = packedMap(section.children, (child) => report(child, counts));
    const required = children.filter((c) => !(c.optional && (c.state === 'missing' || c.state === 'empty')));
    if (required.length === 0) {
      if (counts) count(state);
    } else if (state === 'complete' || state === 'empty') {
      const done = required.every((c) => c.state === 'complete' || c.state === 'not-applicable');
      state = done ? 'complete' : 'incomplete';
    }
    return {
      id: section.id,
      name: section.name,
      level: section.level,
      state,
      placeholders,
      line: instances[0]?.line,
      instances: instances.length,
      optional: section.optional,
      children,
    };
  };
  const sections = facts.template.roots.map((section) => report(section));

  return {
    // An unfilled placeholder, guidance or example anywhere (also outside every slot, such
    // as in a section the template does not have) keeps an RFC from 100%.
    percent: Math.min(total === 0 ? 100 : Math.floor((100 * complete) / total), unfilledLeft ? 99 : 100),
    complete,
    total,
    title,
    metadata,
    sections,
  };
}

function sectionState(facts: DocumentFacts, section: TemplateSection, instances: DocHeading[], placeholders: number): SlotState {
  if (instances.some((h) => h.notApplicable) || (instances.length === 0 && isWaived(facts, section))) return 'not-applicable';
  if (instances.length === 0) return 'missing';
  if (placeholders > 0) return 'placeholders';
  if (instances.some((h) => h.guidanceCount > 0)) return 'guidance';
  if (instances.some((h) => !h.hasContent && !h.hasSubsections)) return 'empty';
  if (instances.some((h) => h.exampleCount > 0)) return 'example';
  return 'complete';
}
