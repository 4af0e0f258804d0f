/**
 * The CEL parser: @marcbachmann/cel-js's, chosen over @bufbuild/cel on
 * evidence (bench/rules/celCompare.mjs, CPU time per open-storm event for
 * the bench rule set's 29 file_open rules: 64 µs through its evaluator
 * against 146 µs through @bufbuild/cel's; no dependencies against three;
 * source offsets on every node). Only its parser is used: check.ts walks
 * the tree it builds, compile.ts turns it into closures.
 */
import { parse, ParseError } from '@marcbachmann/cel-js';

/** The parser's node, as much of it as the walkers read. */
export interface CelNode {
  readonly op: string;
  readonly args: unknown;
  /** offset in the expression the node is reported at */
  readonly pos: number;
}

/** A problem in an expression, at an offset into it. */
export class CelIssue extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function parseCel(text: string): CelNode {
  try {
    return parse(text).ast as unknown as CelNode;
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    throw new CelIssue(`syntax error: ${err.summary}`, err.range?.start ?? 0);
  }
}

export const nodeArgs = (node: CelNode): readonly CelNode[] => node.args as CelNode[];
