import { closeSync, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { InputError } from './errors';
import { printable } from './escape';
import { readFailure } from '../node/nodeFiles';

/** Pieces are joined up to this size before each write. */
const BATCH = 64 * 1024;

/**
 * Writes the report's pieces to standard output, or with --output to that file (created or
 * replaced; the only file rfc-lint ever writes). Throws InputError naming a file that
 * cannot be written.
 */
export async function writeReport(pieces: Iterable<string>, file: string | undefined): Promise<void> {
  if (file === undefined) {
    for (const batch of batches(pieces)) {
      if (!process.stdout.write(batch)) await once(process.stdout, 'drain');
    }
    return;
  }
  let fd: number;
  try {
    fd = openSync(file, 'w');
  } catch (error) {
    throw new InputError(`cannot write '${printable(file)}': ${writeFailure(error)}`);
  }
  try {
    for (const batch of batches(pieces)) writeSync(fd, batch);
  } catch (error) {
    throw new InputError(`cannot write '${printable(file)}': ${writeFailure(error)}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Why --output's file could not be written, in words: as a read's reasons are worded
 * (node/nodeFiles.ts readFailure), but what is missing when a file is to be created is
 * its folder.
 */
function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'ENOTDIR') return 'a part of its path is a file, not a folder';
  if (code === 'ENOSPC') return 'the disk is full';
  return readFailure(error);
}

function* batches(pieces: Iterable<string>): Iterable<string> {
  let pending: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    pending.push(piece);
    size += piece.length;
    if (size >= BATCH) {
      yield pending.join('');
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}
