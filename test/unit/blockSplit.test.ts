import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseChunk, type ChunkParseOptions } from '../../server/src/engine/chunk';
import { chunkBoundaries } from '../../server/src/engine/chunking';
import { buildDocumentModel } from '../../server/src/engine/document';
import { defaultTemplate } from '../support/engine';
import { repoRoot } from '../support/paths';

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    return statSync(file).isDirectory() ? markdownFiles(file) : name.endsWith('.md') ? [file] : [];
  });
}

/** Documents that stress what one shared block parse could get wrong: references across chunks, front matter, CRLF. */
const TRICKY = [
  '# RFC: A\n\n[x]: https://one.example\n\n## Summary\nSee [x] and [y].\n\n## Design\n[y]: https://two.example\n[x]: https://other.example\nUse [x], [y] and [z].\n',
  '---\ntitle: A\nstatus: Draft\n---\n# RFC: A\n\n## Summary\n[Placeholder]\n\n## Design\n```\n## not a heading\n```\n',
  '# RFC: A\r\n\r\n**Status**: Draft\r\n---\r\n\r\n## Summary\r\nText [label][ref].\r\n\r\n[ref]: /x\r\n\r\n## Motivation\r\n- [ ] task\r\n',
  '## One\n<!--\n## in a comment\n-->\n\n## Two\n> ## quoted\n\n# Three\n| a | b |\n|---|---|\n| [c] | d |\n',
];

describe('a document split from one block parse', () => {
  it('has the chunks a parse of each chunk text alone gives, for every fixture, the built-in template and tricky documents', () => {
    const template = defaultTemplate();
    const optionsList: ChunkParseOptions[] = [
      { placeholders: 'template', guidance: 'all' },
      { placeholders: template.placeholderPolicy, guidance: template.guidanceTexts },
    ];
    const texts = [template.text, ...TRICKY, ...markdownFiles(path.join(repoRoot, 'test', 'fixtures')).map((f) => readFileSync(f, 'utf8'))];
    for (const text of texts) {
      for (const options of optionsList) {
        const model = buildDocumentModel(text, options, 'test');
        assert.deepEqual(
          model.chunks.map((c) => c.startLine),
          chunkBoundaries(model.text),
          `boundaries: ${text.slice(0, 60)}`,
        );
        for (const { chunk } of model.chunks) assert.deepEqual(chunk, parseChunk(chunk.text, options), `chunk: ${chunk.text.slice(0, 60)}`);
      }
    }
  });
});
