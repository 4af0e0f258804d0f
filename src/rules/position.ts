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

/** A function from an offset in the scalar's value to its place in the file. */
export function scalarLocator(file: string, source: string, node: Scalar, counter: LineCounter): (offset: number) => SourceAt {
  const lines = node.range ? contentLines(source, node) : [];
  return (offset) => {
    let fileOffset = node.range?.[0] ?? 0;
    let rest = offset;
    for (const line of lines) {
      fileOffset = line.start + rest;
      if (rest <= line.length) break;
      rest -= line.length + 1;
    }
    const pos = counter.linePos(fileOffset);
    return { file, line: pos.line, col: pos.col };
  };
}

/** The place of a node's start. */
export function nodeAt(file: string, node: { range?: [number, number, number] | null } | null | undefined, counter: LineCounter): SourceAt {
  const pos = counter.linePos(node?.range?.[0] ?? 0);
  return { file, line: pos.line, col: pos.col };
}
