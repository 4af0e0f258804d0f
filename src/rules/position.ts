/**
 * Finds an offset of a condition in its rule file, so an error points at the
 * line and column in the file rather than into the expression. YAML gives
 * the scalar's source span; the expression is that span's content lines
 * joined by one character (a newline in a `|` block, a space when folded or
 * plain), so walking the content lines with their file offsets maps any
 * offset back. Escapes in double-quoted scalars shift the column slightly;
 * the line stays right.
 */
import type { LineCounter, Scalar } from 'yaml';
import type { SourceAt } from './specs.js';

interface ContentLine {
  /** file offset of the line's first content character */
  readonly start: number;
  readonly length: number;
}

function contentLines(source: string, node: Scalar): ContentLine[] {
  const [begin, end] = node.range!;
  const raw = source.slice(begin, end);
  const lines: ContentLine[] = [];
  const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  let offset = begin;
  const parts = raw.split('\n');
  const bodyIndent = block
    ? Math.min(...parts.slice(1).filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length))
    : 0;
  parts.forEach((line, i) => {
    if (!(block && i === 0)) {
      let skip = block ? Math.min(bodyIndent, line.length) : line.length - line.trimStart().length;
      if (quoted && i === 0) skip += 1;
      lines.push({ start: offset + skip, length: Math.max(0, line.trimEnd().length - skip) });
    }
    offset += line.length + 1;
  });
  return lines;
}

/**
 * Where a scalar's content lines are in its file, as data: the rule set
 * parsed at build time (prebuilt.ts) carries it, where a closure over the
 * YAML document could not be stored.
 */
export interface CelPlace {
  readonly file: string;
  /** the scalar's own start, for an offset past its content */
  readonly line: number;
  readonly col: number;
  /** each content line's file line, column and length */
  readonly lines: readonly (readonly [line: number, col: number, length: number])[];
}

export function celPlace(file: string, source: string, node: Scalar, counter: LineCounter): CelPlace {
  const start = counter.linePos(node.range?.[0] ?? 0);
  const lines = node.range ? contentLines(source, node) : [];
  return {
    file, line: start.line, col: start.col,
    lines: lines.map((l) => {
      const pos = counter.linePos(l.start);
      return [pos.line, pos.col, l.length] as const;
    }),
  };
}

/** An offset in the scalar's value as its place in the file. */
export function placeAt(place: CelPlace, offset: number): SourceAt {
  let rest = offset;
  for (const [line, col, length] of place.lines) {
    if (rest <= length) return { file: place.file, line, col: col + rest };
    rest -= length + 1;
  }
  // Past the end: the last line's column as far as it goes (as the offset walk always did).
  const last = place.lines.at(-1);
  return last ? { file: place.file, line: last[0], col: last[1] + rest + last[2] + 1 } : { file: place.file, line: place.line, col: place.col };
}

/** The place of a node's start. */
export function nodeAt(file: string, node: { range?: [number, number, number] | null } | null | undefined, counter: LineCounter): SourceAt {
  const pos = counter.linePos(node?.range?.[0] ?? 0);
  return { file, line: pos.line, col: pos.col };
}
