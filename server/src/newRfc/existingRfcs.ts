import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExistingRfc } from '../engine';

/** Metadata sits at the top of an RFC: this much of each file is enough to find its number. */
const HEAD_BYTES = 8 * 1024;

/**
 * The markdown files of an RFC folder with their first kilobytes, for numbering. A folder
 * that does not exist yet has no RFCs; unreadable files are skipped (numbering then relies
 * on their names).
 */
export async function readExistingRfcs(folder: string): Promise<ExistingRfc[]> {
  let names: string[];
  try {
    names = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isFile() && /\.md$/i.test(e.name)).map((e) => e.name);
  } catch {
    return [];
  }
  return Promise.all(names.map(async (fileName) => ({ fileName, head: await readHead(join(folder, fileName)) })));
}

async function readHead(path: string): Promise<string> {
  try {
    const file = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
      return new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead));
    } finally {
      await file.close();
    }
  } catch {
    return '';
  }
}
