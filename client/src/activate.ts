/**
 * The VS Code side of RFC Assistant, for both extension hosts (Node: extension.ts; web
 * worker: web/extension.ts). It starts the language server the host made a client for and
 * renders what the server reports: diagnostics, outline, completeness, sections,
 * placeholders, templates. It never parses markdown itself. What only one host can do
 * comes in through `ClientHost`.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { insertSection, pickAndInsertSection } from './insertSection';
import { newRfc, type NewRfcArguments } from './newRfc';
import { moveToPlaceholder } from './placeholderNavigation';
import { PreviewAnalyses } from './previewAnalyses';
import { extendMarkdownIt, type MarkdownItLike } from './previewPlugin';
import { RfcState } from './rfcState';
import { RfcListProvider } from './rfcListView';
import { revealSection, SectionsTreeProvider, type SectionNode } from './sectionsView';
import { showCompleteness } from './showCompleteness';
import { CompletenessStatusBar } from './statusBar';

/** What the extension hands to other extensions and to its own real-editor tests. */
export interface RfcAssistantApi {
  client: BaseLanguageClient;
  /** Settles when the language server has started (activation does not wait for it). */
  ready: Promise<void>;
  /**
   * Milliseconds from the start of activation: to the extension's own setup done (views,
   * commands, status bar), and to the language server ready (NaN until it is).
   */
  timings: { setupMs: number; serverReadyMs: number };
  state: RfcState;
  sections: SectionsTreeProvider;
  statusBar: CompletenessStatusBar;
  rfcList: RfcListProvider;
  /** What the markdown preview shows of each RFC. */
  preview: PreviewAnalyses;
  /** Called by VS Code's markdown extension (`markdown.markdownItPlugins`): the preview's banner and placeholder marks. */
  extendMarkdownIt<T extends MarkdownItLike>(md: T): T;
}

/** What differs between the Node and the web extension hosts. */
export interface ClientHost {
  /** The language client for this host's server (a Node process, a Web Worker). */
  createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): BaseLanguageClient;
  /** The author name New RFC suggests for a workspace folder ('' when unknown). */
  authorName(folder: vscode.Uri | undefined): Promise<string>;
  /** What else this host registers: the rfc-lint task type (Node only), the answers to the server's file requests. */
  extras(context: vscode.ExtensionContext, client: BaseLanguageClient): vscode.Disposable[];
}

let client: BaseLanguageClient | undefined;

export async function activateWith(context: vscode.ExtensionContext, host: ClientHost): Promise<RfcAssistantApi> {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('RFC Assistant', { log: true });
  client = host.createClient(context, output);
  const lc = client;
  const state = new RfcState(lc);
  const sections = new SectionsTreeProvider(lc, state, output);
  const statusBar = new CompletenessStatusBar(lc, state, output);
  const rfcList = new RfcListProvider(lc, output);
  const preview = new PreviewAnalyses(lc, state, output);
  const logErrors =
    <A extends unknown[], R>(name: string, run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R | undefined> => {
      try {
        return await run(...args);
      } catch (error) {
        output.appendLine(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        void vscode.window.showErrorMessage(`RFC Assistant: ${name} failed. See the "RFC Assistant" output for details.`);
        return undefined;
      }
    };

  const sectionsTree = vscode.window.createTreeView('rfcSections', { treeDataProvider: sections, showCollapseAll: true });
  const rfcListTree = vscode.window.createTreeView('rfcList', { treeDataProvider: rfcList, showCollapseAll: true });
  // A stopped server is said where its numbers were; a running one fills the views again.
  const serverChanged = state.onDidChangeServer((running) => {
    const message = running ? undefined : 'The RFC language server stopped. VS Code restarts it after a crash; see the "RFC Assistant" output.';
    sectionsTree.message = message;
    rfcListTree.message = message;
    if (running) void rfcList.refresh();
    else rfcList.clear();
  });

  context.subscriptions.push(
    output,
    state,
    sections,
    statusBar,
    sectionsTree,
    rfcList,
    rfcListTree,
    preview,
    serverChanged,
    vscode.commands.registerCommand('rfc.showOutput', () => output.show(true)),
    vscode.commands.registerCommand(
      'rfc.restartServer',
      logErrors('Restart Language Server', async () => {
        output.info('Restarting the language server (RFC: Restart Language Server).');
        // What the Node client's restart() does; the web client has none.
        await lc.stop();
        await lc.start();
      }),
    ),
    ...host.extras(context, lc),
    vscode.commands.registerCommand('rfc.list.refresh', logErrors('Refresh RFCs', () => rfcList.refresh())),
    vscode.commands.registerCommand('rfc.newRfc', logErrors('New RFC', (args?: NewRfcArguments) => newRfc(lc, output, host.authorName, args))),
    vscode.commands.registerCommand('rfc.nextPlaceholder', logErrors('Next Placeholder', () => moveToPlaceholder(lc, state, 1))),
    vscode.commands.registerCommand('rfc.previousPlaceholder', logErrors('Previous Placeholder', () => moveToPlaceholder(lc, state, -1))),
    vscode.commands.registerCommand('rfc.showCompleteness', logErrors('Show Completeness', () => showCompleteness(lc, state))),
    vscode.commands.registerCommand('rfc.insertMissingSection', logErrors('Insert Missing Section', () => pickAndInsertSection(lc, state))),
    vscode.commands.registerCommand(
      'rfc.sections.insertSection',
      logErrors('Insert Section', (node: SectionNode) => insertSection(lc, node.uri, node.section.id)),
    ),
    vscode.commands.registerCommand('rfc.sections.reveal', logErrors('Reveal Section', (uri: vscode.Uri, line: number) => revealSection(uri, line))),
  );

  // Activation ends here: the server starts behind it (requests made meanwhile wait for it),
  // so nothing that activates the extension waits half a second for a process to start.
  const timings = { setupMs: performance.now() - started, serverReadyMs: NaN };
  const ready = lc.start().then(
    () => {
      timings.serverReadyMs = performance.now() - started;
      output.info(`Activated: own setup ${timings.setupMs.toFixed(0)} ms, language server ready after ${timings.serverReadyMs.toFixed(0)} ms.`);
      void rfcList.refresh();
    },
    (error: unknown) => output.error(`The RFC language server did not start: ${error instanceof Error ? error.message : String(error)}`),
  );
  return {
    client: lc,
    state,
    sections,
    statusBar,
    rfcList,
    preview,
    ready,
    timings,
    extendMarkdownIt: (md) => extendMarkdownIt(md, (document) => preview.figuresFor(document)),
  };
}

/** Stops the language server (both hosts' `deactivate`). */
export async function deactivateClient(): Promise<void> {
  await client?.stop();
}
