import { nextRfcNumber, type ExistingRfc, type TemplateModel } from '../engine';
import type { ProjectFiles } from './files';
import type { TrustBoundary } from './trust';
import { join } from './uris';
import type { WorkspaceIndex } from './workspaceIndex';

/** Metadata sits at the top of an RFC: this much of a file is enough to find its number. */
const HEAD_BYTES = 8 * 1024;
/** New RFC waits this long at most for the first scan (a number handed out before would not know the workspace's RFCs). */
const FIRST_SCAN_WAIT_MS = 30_000;

/**
 * RFC numbers: the next free one for a series, after the numbers of the index (RFC number
 * lines and file names) and those New RFC handed out this session (their files may not be
 * written yet), so one machine never hands out a number twice. Quick fixes and completion
 * answer from memory; New RFC also reads the target folder once (it may be outside the
 * indexed folders).
 */
export class Numbering {
  private readonly handedOut = new Map<string, Set<string>>();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly files: ProjectFiles,
    private readonly trust: TrustBoundary,
  ) {}

  /** Numbers taken in a series (the template's number key), but the RFC at `exceptUri`. */
  taken(series: string | undefined, exceptUri?: string): string[] {
    return [...this.index.takenNumbers(series, exceptUri), ...(this.handedOut.get(series ?? '') ?? [])];
  }

  /** The next free number for an RFC of this template in this year (a quick fix, a completion): from memory only. */
  nextFor(template: TemplateModel, year: number, exceptUri?: string): string {
    return nextRfcNumber(template, [], year, this.taken(seriesOf(template), exceptUri));
  }

  /** New RFC's number: after the index (once scanned), the target folder's files and earlier ones; remembered as handed out. */
  async handOut(template: TemplateModel, year: number, folder: string | undefined): Promise<string> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.index.firstScan, new Promise((resolve) => (timer = setTimeout(resolve, FIRST_SCAN_WAIT_MS)))]);
    clearTimeout(timer);
    const existing = folder ? await this.folderRfcs(folder) : [];
    const series = seriesOf(template);
    const number = nextRfcNumber(template, existing, year, this.taken(series));
    const set = this.handedOut.get(series ?? '') ?? new Set<string>();
    set.add(number);
    this.handedOut.set(series ?? '', set);
    return number;
  }

  /**
   * The markdown files of a folder with their heads; none when it does not exist yet, or
   * when an untrusted workspace may not read it (a folder, or a link to one, outside it).
   */
  private async folderRfcs(folder: string): Promise<ExistingRfc[]> {
    if (!(await this.trust.allows(folder))) return [];
    const listed = await this.files.list(folder);
    const entries = 'error' in listed ? [] : listed;
    const names = entries.filter((e) => e.type === 'file' && /\.md$/i.test(e.name)).map((e) => e.name);
    return Promise.all(
      names.map(async (fileName) => {
        const head = await this.files.readHead(join(folder, fileName), HEAD_BYTES);
        return { fileName, head: head ? new TextDecoder('utf-8').decode(head) : '' };
      }),
    );
  }
}

/** The series of a template: the key of its number line (`rfc number`, `adr number`). */
export function seriesOf(template: TemplateModel): string | undefined {
  return template.metadata.find((f) => f.kind.type === 'number')?.normalizedKey;
}
