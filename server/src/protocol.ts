/**
 * The contract between the language server and its clients (the VS Code extension, tests):
 * the custom requests and notifications, and the settings' shape. Nothing else is shared
 * across the LSP boundary.
 */
import { NotificationType, NotificationType0, RequestType, RequestType0, type Range, type TextEdit } from 'vscode-languageserver-protocol';
import type { CompletenessReport, SectionReport, SlotState } from './engine';
import type { FileStat, FileType } from './project/files';
import type { NewRfcInput, NewRfcOutput } from './project/newRfc';
import type { ListedRfc } from './project/workspaceIndex';

export type { CompletenessReport, SectionReport, SlotState };

/**
 * The `rfc.*` settings: defined with the project service (the CLI and the browser read them
 * too). Types only: a value from there would bring the engine (markdown-it, yaml) into the
 * client bundles.
 */
export type { RfcSettings, StatusStage } from './project/settings';

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
  /**
   * Unfilled placeholders and guidance left in the whole RFC, title and metadata included:
   * what Next Placeholder visits and the preview marks (the sections' own counts leave out
   * what stands outside every section).
   */
  placeholdersLeft: number;
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

/** One unfilled placeholder: where it is and its text as the document has it. */
export interface PlaceholderText {
  range: Range;
  text: string;
}

/** The placeholders of one version of an open RFC. */
export interface PlaceholderTextsResult {
  uri: string;
  version: number;
  placeholders: PlaceholderText[];
}

/**
 * `rfc/placeholderTexts`: the placeholders `rfc/placeholders` lists, each with its text, and
 * the version they are for (the markdown preview finds them in its rendered text); null
 * when the document is not an open RFC.
 */
export namespace PlaceholderTextsRequest {
  export const method = 'rfc/placeholderTexts';
  export const type = new RequestType<DocumentParams, PlaceholderTextsResult | null, void>(method);
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

/**
 * New RFC's request: `folderUri` (a workspace folder, whose settings name the RFC folder)
 * or `directoryUri` (the folder itself); neither: an untitled RFC.
 */
export type NewRfcParams = NewRfcInput;

/** The new RFC (the client writes it to `directoryUri`/`fileName`, never over an existing file), or why not. */
export type NewRfcResult = NewRfcOutput;

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
export type RfcListEntry = ListedRfc;

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

/*
 * The workspace file system, asked by the server where it cannot read files itself (the
 * web build: the server runs in a Web Worker, the client answers with `vscode.workspace.fs`).
 * Server to client. The answers mirror the project's `ProjectFiles` (project/files.ts);
 * bytes travel as base64. Nothing here is asked by the Node server, which reads files itself.
 */

export type { FileStat, FileType };
/** How file bytes travel in `rfc/fs/read` and `rfc/fs/readHead`: both sides encode with these. */
export { fromBase64, toBase64 } from './project/base64';
export { tooLarge } from './project/files';

export interface FileUriParams {
  uri: string;
}

/** `rfc/fs/stat`: what is at a URI; null when nothing is. */
export namespace FsStatRequest {
  export const method = 'rfc/fs/stat';
  export const type = new RequestType<FileUriParams, FileStat | null, void>(method);
}

export interface FsReadParams {
  uri: string;
  /** A larger file is refused (an error), not read. */
  maxBytes: number;
}

/** A read's answer: the bytes in base64, or why there are none in words (`it does not exist`). */
export type FsReadResult = { base64: string } | { error: string; missing?: boolean };

/** `rfc/fs/read`: a whole file of at most `maxBytes`. */
export namespace FsReadRequest {
  export const method = 'rfc/fs/read';
  export const type = new RequestType<FsReadParams, FsReadResult, void>(method);
}

export interface FsReadHeadParams {
  uri: string;
  bytes: number;
}

/** `rfc/fs/readHead`: the first `bytes` of a file in base64; null when it cannot be read. */
export namespace FsReadHeadRequest {
  export const method = 'rfc/fs/readHead';
  export const type = new RequestType<FsReadHeadParams, string | null, void>(method);
}

/** A folder's entries, or why it cannot be listed. */
export type FsListResult = { entries: { name: string; type: FileType }[] } | { error: string };

/** `rfc/fs/list`: the entries of a folder. */
export namespace FsListRequest {
  export const method = 'rfc/fs/list';
  export const type = new RequestType<FileUriParams, FsListResult, void>(method);
}
