/**
 * The workspace part of the engine: what an index keeps of each RFC (indexEntryOf), the
 * mentions of other RFCs in it, and the rules across RFCs (workspaceFindings). Pure, like
 * the rest of the engine: the language server and the command line read the files and
 * keep the entries.
 */
export { indexEntryOf, type RfcIndexEntry } from './entry';
export { mentionsOf, type RfcMention } from './mentions';
export { fileNameNumber, numberKey } from './numbers';
export { numberOf, workspaceView, type WorkspaceView } from './view';
export { applyAnalysisSettings, applyFindingFilter, findingFilterOf, workspaceFindings, type FindingFilter } from './findings';
