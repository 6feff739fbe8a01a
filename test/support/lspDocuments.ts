/**
 * Documents and independent expectations for the language-server tests. Expectations are
 * computed from the text with plain string scanning, not with the engine, so a test
 * compares the server against a second opinion rather than against itself.
 */
import { readFileSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { defaultTemplatePath } from './paths';

/** A workspace-folder URI and document URIs under it; `rfcs/` matches the default `rfc.files` globs. */
export const WORKSPACE = 'file:///ws';
export const rfcUri = (name: string) => `${WORKSPACE}/rfcs/${name}`;

export function templateText(): string {
  return readFileSync(defaultTemplatePath, 'utf8');
}

/** A placeholder as found by scanning the text: zero-based line, UTF-16 columns, `[...]` text. */
export interface ExpectedPlaceholder {
  line: number;
  start: number;
  end: number;
  text: string;
}

/**
 * Every innermost `[...]` on one line whose inside has a letter, except the checkboxes of
 * task-list items (`- [x]`): in the untouched template these are exactly its placeholders.
 */
export function scanPlaceholders(text: string): ExpectedPlaceholder[] {
  const found: ExpectedPlaceholder[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    for (const m of line.matchAll(/\[([^[\]\n]*)\]/g)) {
      if (!/\p{L}/u.test(m[1])) continue;
      const taskBox = /^[ xX]$/.test(m[1]) && /^\s*(?:[-*+]|\d+[.)])\s+$/.test(line.slice(0, m.index));
      if (taskBox) continue;
      found.push({ line: i, start: m.index!, end: m.index! + m[0].length, text: m[0] });
    }
  });
  return found;
}

/** ATX headings outside fenced code: level, text and zero-based line. */
export function scanHeadings(text: string): { level: number; text: string; line: number }[] {
  const headings: { level: number; text: string; line: number }[] = [];
  let fence: string | undefined;
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1][0];
      else if (f[1][0] === fence) fence = undefined;
      return;
    }
    if (fence) return;
    const h = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) headings.push({ level: h[1].length, text: h[2], line: i });
  });
  return headings;
}

/**
 * The text of a section: from its heading line to the next heading of the same or a
 * higher level (subsections included), as offsets into `text` (LF line ends).
 */
export function sectionSpan(text: string, heading: string): { start: number; end: number; text: string } {
  const headings = scanHeadings(text);
  const index = headings.findIndex((h) => h.text === heading);
  if (index < 0) throw new Error(`no heading '${heading}'`);
  const own = headings[index];
  const next = headings.slice(index + 1).find((h) => h.level <= own.level);
  const starts = lineOffsets(text);
  const start = starts[own.line];
  const end = next ? starts[next.line] : text.length;
  return { start, end, text: text.slice(start, end) };
}

function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** The text a diagnostic's range covers (single-line ranges), for checking columns. */
export function textAt(text: string, d: Pick<Diagnostic, 'range'>): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (d.range.start.line !== d.range.end.line) throw new Error('multi-line range');
  return (lines[d.range.start.line] ?? '').slice(d.range.start.character, d.range.end.character);
}

/** A diagnostic's message as plain text (LSP 3.18 also allows markup). */
export function messageOf(d: Pick<Diagnostic, 'message'>): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** `line:start-end code` keys of diagnostics, for order-insensitive comparisons. */
export function keysOf(diagnostics: readonly Diagnostic[], code?: string): string[] {
  return diagnostics
    .filter((d) => code === undefined || d.code === code)
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}`)
    .sort();
}

export function byCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** A complete, compact RFC of the default template: every section, valid metadata, nothing left to fill. */
export const FILLED_RFC = `# RFC: Search Result Caching

**RFC Number**: 2026-001  
**Status**: Draft  
**Last Updated**: 2026-03-14  
**Author(s)**: Ada Lovelace  
**Reviewer(s)**: Grace Hopper

## Summary

Cache search results per query for five minutes to cut backend load.

## Motivation

### Problem Statement
Search traffic doubled and the index cluster is saturated at peak.

### Why Now?
The holiday peak starts in six weeks.

### Goals
- Halve index cluster load at peak
- Keep results at most five minutes stale

### Non-Goals
- Personalised ranking changes

## Detailed Design

### Architecture Overview

A read-through cache sits between the API gateway and the search service.

### Component Design

#### Cache Layer
- **Purpose**: Stores serialised result pages
- **Interface**: get, put and invalidate by query hash
- **Implementation**: Redis cluster with LRU eviction

### API Design

#### Endpoint: GET /api/v1/search

Unchanged request and response; a new \`X-Cache\` header says hit or miss.

### Data Model

#### Schema Changes

No schema changes: the cache holds no durable data.

#### Data Migration Strategy
Nothing to migrate.

### Error Handling

| Error Case | Handling Strategy | User Impact |
|------------|------------------|-------------|
| Cache down | Bypass the cache | Slower responses |

## Alternatives Considered

### Alternative 1: Bigger cluster
- **Description**: Add index nodes
- **Pros**: No staleness
- **Cons**: Doubles the cost
- **Why not chosen**: Budget

## Security Considerations

### Authentication & Authorization
Cached pages are keyed by tenant, so tenants never see each other's results.

### Data Privacy
Queries containing personal data are not cached.

### Threat Model
- **Cache poisoning**: keys are server-side hashes → **Mitigation**: no client-chosen keys

## Performance Impact

### Expected Load
About 2,000 requests per second at peak.

### Performance Targets
- **Latency p50**: < 20ms on a hit

### Optimization Strategy
Compress cached pages.

### Monitoring Plan
Hit ratio and eviction rate dashboards, alert below 50% hits.

## Migration Strategy

### Rollout Plan
1. **Phase 1**: Internal tenants, April
2. **Phase 2**: Everyone, May

### Feature Flags
The \`search_cache\` flag gates the cache per tenant.

### Rollback Plan
Turn the flag off; the cache is bypassed at once.

## Dependencies

### Internal Dependencies
- Platform team's Redis service

### External Dependencies
None.

## Testing Strategy

### Unit Tests
Key derivation and serialisation.

### Integration Tests
Gateway to cache to search, hit and miss paths.

### Performance Tests
Replay of a peak hour of production traffic.

### Chaos Engineering
Kill cache nodes during the replay.

## Documentation Plan

- [x] Runbook for operations
- [ ] Developer guide

## Timeline

| Milestone | Date | Description |
|-----------|------|-------------|
| Design Review | 2026-03-20 | Approval |
| Launch | 2026-05-04 | Everyone |

## Open Questions

1. **Should admins bypass the cache?**
   - Context: they debug live results

## Appendix

### References
- The search service design document

### Glossary
- **Hit ratio**: share of requests answered from the cache
`;
