import type { MetadataForm } from './metadata';
import type { PlaceholderPolicy } from './placeholderScan';

/* The template model's shapes: what buildTemplateModel (template.ts) reads from a template. */

/**
 * The RFC schema, derived from the template's markdown itself: its heading tree, its
 * metadata lines and their expected forms, its placeholders and its example blocks.
 * Nothing here is specific to the default template, so a team's own template works the
 * same way.
 */
export interface TemplateModel {
  /** Changes whenever the template text changes; part of every cache key. */
  readonly id: string;
  readonly text: string;
  /** The H1 title, e.g. `RFC: [Feature Name]`, if the template has one. */
  readonly title?: TemplateTitle;
  readonly metadata: readonly MetadataField[];
  /** Every section (H2 and deeper), in template order. */
  readonly sections: readonly TemplateSection[];
  /** The top-level sections. */
  readonly roots: readonly TemplateSection[];
  /** The template's placeholders inside its code blocks (for hover and tests; documents use `placeholderPolicy`). */
  readonly codePlaceholders: ReadonlySet<string>;
  /** What is an unfilled placeholder in a document of this template: its syntaxes and texts. */
  readonly placeholderPolicy: PlaceholderPolicy;
  /** Code blocks of the template without placeholders: examples an author should replace. */
  readonly exampleCode: readonly TemplateExample[];
  /** The normalised texts of `exampleCode`, for lookup. */
  readonly exampleCodeTexts: ReadonlySet<string>;
  /** In how many of the sections' names and declared aliases each content word stands (similarity.ts): rare words weigh more in matching. */
  readonly headingWords: ReadonlyMap<string, number>;
  /** Body rows of the template's tables, normalised: examples an author should replace. */
  readonly exampleRows: ReadonlySet<string>;
  /**
   * The template's guidance: the prose blocks (and list items) inside its sections that hold
   * no placeholder, folded (see guidance.ts). Found unchanged in an RFC, they are unfilled.
   */
  readonly guidanceTexts: ReadonlySet<string>;
}

export interface TemplateTitle {
  text: string;
  /** The literal start of the title before any placeholder, normalised ("rfc:"); empty if none. */
  prefix: string;
}

/** A metadata line of the template and the form its value must take. */
export interface MetadataField {
  key: string;
  normalizedKey: string;
  /** The template's placeholder for the value, e.g. `[YYYY-XXX]`; empty when it writes a real value or nothing. */
  placeholder: string;
  /** The value the template writes when it is no placeholder (`accepted`, a sample link); else empty. */
  example: string;
  /** What the template says about the value: its placeholder's words and its comments. */
  guidance: string;
  kind: MetadataKind;
  /**
   * The line may be left out or empty: the template leaves the value empty and asks for
   * nothing, or a comment says the field is optional (`# These are optional elements.`).
   */
  optional: boolean;
  /** How the template writes the line, so messages and fixes write it the same way. */
  form: MetadataForm;
}

export type MetadataKind =
  | { type: 'number'; mask: string; pattern: string }
  | { type: 'enum'; values: string[] }
  | { type: 'date' }
  | { type: 'text' };

/** A placeholder of the template, with the section it belongs to. */
export interface TemplatePlaceholder {
  text: string;
  /** The text between the brackets: what the template asks the author to write. */
  guidance: string;
  line: number;
}

export interface TemplateSection {
  /** Stable within a template: the path of normalised names ("motivation/goals"). */
  id: string;
  /** The heading as written in the template ("Why Now?"), without an `(optional)` marker. */
  name: string;
  normalized: string;
  level: number;
  parent?: TemplateSection;
  children: TemplateSection[];
  /** Position in template order, used to place missing sections and check order. */
  order: number;
  line: number;
  /**
   * A repeatable kind of subsection (`Alternative 1: [Name]`, `Component A`): any number
   * of document headings, at least one, stand for it.
   */
  repeatable: boolean;
  /** For a repeatable section: the literal start its instances usually share ("alternative"). */
  prefix: string;
  /** Placeholders in the section's own text (not its subsections'). */
  placeholders: TemplatePlaceholder[];
  /**
   * The template marks the section optional: `(optional)` at the end of its heading, or an
   * `<!-- rfc: optional -->` comment right below it. An absent optional section is not
   * reported and does not count in completeness (nor do its subsections).
   */
  optional: boolean;
  /**
   * What the template tells the author about this section, in template order: the HTML
   * comments directly under its heading (`<!-- guidance: Explain why now. -->` or any other
   * comment; a `guidance:` comment anywhere in the section's own text counts too), then the
   * texts of its placeholders. Never the `rfc:` markers or `rfc-disable` comments.
   */
  guidance: string[];
  /** The section's own text holds a task list (a checklist an Implemented RFC must have ticked). */
  hasChecklist: boolean;
  /** Other headings that stand for this section, as the template declares them (`<!-- rfc: aliases Overview, Abstract -->`). */
  aliases: string[];
  /**
   * The template's markdown for this section with its subsections, placeholders kept: what
   * "Insert section" writes. For a repeatable kind, its first example only.
   */
  skeleton: string;
}

interface Example {
  sectionId: string | undefined;
  info: string;
  normalized: string;
}
export type TemplateExample = Example;
