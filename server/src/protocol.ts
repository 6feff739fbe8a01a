/**
 * The contract between the language server and its clients (the VS Code extension, tests):
 * settings with their defaults, and the custom requests and notifications. Nothing else is
 * shared across the LSP boundary.
 */
import { NotificationType, NotificationType0, RequestType, RequestType0, type Range, type TextEdit } from 'vscode-languageserver-protocol';
import type { CompletenessReport, RuleSetting, SectionReport, SlotState } from './engine';

export type { CompletenessReport, SectionReport, SlotState };

/** The `rfc.*` settings the server reads. */
export interface RfcSettings {
  /** Globs of markdown files always treated as RFCs (workspace-relative). */
  files: string[];
  /** Per rule id: `off` or a severity replacing the rule's own. */
  rules: Record<string, RuleSetting>;
  /** The RFC folder, relative to the workspace folder (New RFC; `0000-template.md` discovery). */
  directory: string;
  /** The team's template, relative to the workspace folder; empty: `rfc.templates`, discovery, built-in. */
  template: string;
  /** Workspace-relative globs to template paths, in order; the first matching glob wins over `template`. */
  templates: Record<string, string>;
  /** Other names of template sections: the template's heading → headings that stand for it (`{ "Summary": ["Overview"] }`). */
  aliases: Record<string, string[]>;
  /** The team's status values beyond the template's, each with its lifecycle stage (`{ "Active": "approved" }`). */
  statuses: Record<string, StatusStage>;
}

/** The lifecycle stages a team's status value may stand for. */
export type StatusStage = 'draft' | 'review' | 'approved' | 'implemented';

export const defaultSettings: RfcSettings = {
  files: ['**/rfcs/**/*.md', '**/rfc/**/*.md'],
  rules: {},
  directory: 'rfcs',
  template: '',
  templates: {},
  aliases: {},
  statuses: {},
};

export interface WorkspaceTrustParams {
  trusted: boolean;
}

/**
 * `rfc/workspaceTrust` (client to server): whether the workspace is trusted, sent when it
 * changes (the initial value is `initializationOptions.trusted`; absent means trusted).
 * Untrusted, the server reads templates and `.rfcrc.json` only inside the workspace folders.
 */
export namespace WorkspaceTrustNotification {
  export const method = 'rfc/workspaceTrust';
  export const type = new NotificationType<WorkspaceTrustParams>(method);
}

export interface CompletenessParams {
  /** The document's URI, as the client knows it. */
  uri: string;
}

/** Completeness of an open RFC, and the version of the document it was computed on. */
export interface CompletenessResult extends CompletenessReport {
  uri: string;
  version: number;
}

/** `rfc/completeness`: how complete an open RFC is; null when the document is not an open RFC. */
export namespace CompletenessRequest {
  export const method = 'rfc/completeness';
  export const type = new RequestType<CompletenessParams, CompletenessResult | null, void>(method);
}

export interface AnalysisReadyParams {
  uri: string;
  version: number;
  /** False when the document is not (or no longer) treated as an RFC. */
  isRfc: boolean;
  /** Completeness percentage; absent when not an RFC. */
  percent?: number;
}

/** `rfc/analysisReady`: sent after each analysis is published, so clients refresh without polling. */
export namespace AnalysisReadyNotification {
  export const method = 'rfc/analysisReady';
  export const type = new NotificationType<AnalysisReadyParams>(method);
}

export interface DocumentParams {
  uri: string;
}

/** `rfc/placeholders`: the unfilled placeholders of an open RFC, in document order (for Next/Previous Placeholder). */
export namespace PlaceholdersRequest {
  export const method = 'rfc/placeholders';
  export const type = new RequestType<DocumentParams, Range[], void>(method);
}

export interface InsertSectionParams {
  uri: string;
  /** A template section id, as in the completeness report's sections. */
  sectionId: string;
}

/** `rfc/insertSection`: the edit that inserts a missing section's template skeleton; null when not missing. */
export namespace InsertSectionRequest {
  export const method = 'rfc/insertSection';
  export const type = new RequestType<InsertSectionParams, TextEdit | null, void>(method);
}

export interface NewRfcParams {
  /** The folder the RFC will be written to; absent for an untitled RFC. */
  directoryUri?: string;
  title: string;
  /** Comma-separated author names; may be empty. */
  authors: string;
  /** Today as YYYY-MM-DD (the client's clock and time zone). */
  date: string;
  /** The team's template (the `rfc.template` setting); absent for the built-in one. */
  templateUri?: string;
}

export type NewRfcResult =
  | {
      /** The RFC number, one more than the highest of the year in the folder. */
      number: string;
      /** `<number>-<slug>.md`: no path separators, no `..`, length-capped. */
      fileName: string;
      content: string;
      /** The first placeholder of the first section, to select. */
      selection?: Range;
    }
  | { error: string };

/** `rfc/newRfc`: validates a title, numbers and fills a new RFC from the template. Writes nothing. */
export namespace NewRfcRequest {
  export const method = 'rfc/newRfc';
  export const type = new RequestType<NewRfcParams, NewRfcResult, void>(method);
}

export interface ValidateTitleParams {
  title: string;
}

/** `rfc/validateTitle`: why a title cannot name a new RFC, or null when it can (for live validation). */
export namespace ValidateTitleRequest {
  export const method = 'rfc/validateTitle';
  export const type = new RequestType<ValidateTitleParams, string | null, void>(method);
}

/** One RFC of the workspace index, as the RFCs view lists it. */
export interface RfcListEntry {
  uri: string;
  /** The RFC number from the metadata line (or the file name); absent when it has none. */
  number?: string;
  title: string;
  /** The Status line's value; absent when missing or still a placeholder. */
  status?: string;
  percent: number;
  /** How many problems the engine reports for it. */
  problems: number;
}

export interface ListRfcsResult {
  rfcs: RfcListEntry[];
}

/** `rfc/listRfcs`: every RFC the server has indexed in the workspace. */
export namespace ListRfcsRequest {
  export const method = 'rfc/listRfcs';
  export const type = new RequestType0<ListRfcsResult, void>(method);
}

/** `rfc/indexChanged`: the workspace index changed (debounced); clients refresh their lists. */
export namespace IndexChangedNotification {
  export const method = 'rfc/indexChanged';
  export const type = new NotificationType0(method);
}
