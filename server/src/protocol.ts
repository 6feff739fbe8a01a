/**
 * The contract between the language server and its clients (the VS Code extension, tests):
 * settings with their defaults, and the custom requests and notifications. Nothing else is
 * shared across the LSP boundary.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { CompletenessReport, RuleSetting } from './engine';

/** The `rfc.*` settings the server reads. */
export interface RfcSettings {
  /** Globs of markdown files always treated as RFCs (workspace-relative). */
  files: string[];
  /** Per rule id: `off` or a severity replacing the rule's own. */
  rules: Record<string, RuleSetting>;
}

export const defaultSettings: RfcSettings = {
  files: ['**/rfcs/**/*.md', '**/rfc/**/*.md'],
  rules: {},
};

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
