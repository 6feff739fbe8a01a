import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { chunkBoundaries, chunkBoundarySteps, lineStarts } from '../../server/src/engine/chunking';
import { defaultTemplate } from '../support/engine';
import { repoRoot } from '../support/paths';

function run(text: string, windowLines: number): number[] {
  const steps = chunkBoundarySteps(text, lineStarts(text), windowLines);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    return statSync(file).isDirectory() ? markdownFiles(file) : name.endsWith('.md') ? [file] : [];
  });
}

/** A document of random blocks, many of which run across any window's edge. */
function randomDocument(seed: number, blocks: number): string {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
  const kinds = [
    () => `## Section ${next(1000)}\n`,
    () => `# Part ${next(1000)}\n`,
    () => 'Setext title\n============\n',
    () => 'Another setext\n---\n',
    () => '**Status**: Draft\n---\n',
    () => '```\n' + '## not a heading\n'.repeat(next(40)) + '```\n',
    () => '~~~md\n# inside a fence\n', // never closed: swallows the rest
    () => '<!--\n## in a comment\n'.repeat(1) + 'text\n'.repeat(next(5)) + '-->\n',
    () => '- item\n  ## heading in a list\n- item\n',
    () => '> quote\n> ## heading in a quote\n',
    () => '| a | b |\n|---|---|\n| 1 | 2 |\n',
    () => 'A paragraph line\nthat goes on\n',
    () => '\n',
    () => '    ## indented code\n',
  ];
  let text = '';
  for (let i = 0; i < blocks; i++) {
    const kind = next(kinds.length);
    // Unclosed fences are rare, else everything after the first is one block.
    if (kind === 6 && next(20) !== 0) continue;
    text += kinds[kind]() + (next(3) === 0 ? '\n' : '');
  }
  return text;
}

describe('chunk boundaries found a window at a time', () => {
  it('are those of one parse of the whole text, for every window size, on every fixture and the built-in template (each after 500 blank lines, past the front matter window)', () => {
    const fixtures = [defaultTemplate().text, ...markdownFiles(path.join(repoRoot, 'test', 'fixtures')).map((f) => readFileSync(f, 'utf8'))];
    const texts = [...fixtures, ...fixtures.map((t) => '# Padding\n' + '\n'.repeat(500) + t)];
    for (const text of texts) {
      const whole = chunkBoundaries(text);
      for (const window of [1, 2, 5, 13, 2000]) assert.deepEqual(run(text, window), whole, `window ${window}: ${text.slice(0, 60)}`);
    }
  });

  it('are those of one parse on random documents whose fences, comments, lists and setext headings cross window edges', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const text = randomDocument(seed, 800);
      assert.ok(lineStarts(text).length > 1500, `seed ${seed}: ${lineStarts(text).length} lines`);
      const whole = chunkBoundaries(text);
      for (const window of [3, 7, 31, 100]) assert.deepEqual(run(text, window), whole, `seed ${seed}, window ${window}`);
    }
  });
});
