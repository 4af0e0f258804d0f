/**
 * Typed reads of one YAML mapping of a rule file, each wrong key or value
 * recorded as a problem at its place (the file keeps loading, so `rules
 * check` reports every mistake at once). Unknown keys are problems too: a
 * misspelt `exception:` must not quietly leave a rule without its exceptions.
 */
import { isMap, isScalar, isSeq, type LineCounter, type Node, type YAMLMap } from 'yaml';
import { celPlace, nodeAt } from './position.js';
import type { CelText, RuleProblem, SourceAt } from './specs.js';

export class FileContext {
  readonly problems: RuleProblem[] = [];

  constructor(
    readonly file: string,
    readonly source: string,
    readonly counter: LineCounter,
  ) {}

  at(node: Node | null | undefined): SourceAt {
    return nodeAt(this.file, node as { range?: [number, number, number] }, this.counter);
  }

  problem(node: Node | null | undefined, message: string, rule?: string): void {
    this.problems.push({ at: this.at(node), message, ...(rule ? { rule } : {}) });
  }
}

export class Fields {
  constructor(
    private readonly ctx: FileContext,
    readonly node: YAMLMap,
    private readonly label: string | undefined,
    allowed: readonly string[],
  ) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      if (!allowed.includes(key)) ctx.problem(pair.key as Node, `unknown key "${key}" (allowed: ${allowed.join(', ')})`, label);
    }
  }

  get at(): SourceAt {
    return this.ctx.at(this.node);
  }

  raw(key: string): Node | undefined {
    return (this.node.get(key, true) as Node | undefined) ?? undefined;
  }

  problem(key: string | undefined, message: string): void {
    this.ctx.problem(key === undefined ? this.node : (this.raw(key) ?? this.node), message, this.label);
  }

  string(key: string, required = false): string | undefined {
    const node = this.raw(key);
    if (node === undefined) {
      if (required) this.problem(undefined, `"${key}" is required`);
      return undefined;
    }
    if (!isScalar(node) || typeof node.value !== 'string' || node.value === '') {
      this.problem(key, `"${key}" must be a non-empty string`);
      return undefined;
    }
    return node.value;
  }

  cel(key: string, required = false): CelText | undefined {
    const text = this.string(key, required);
    const node = this.raw(key);
    if (text === undefined || !isScalar(node)) return undefined;
    return { text, place: celPlace(this.ctx.file, this.ctx.source, node, this.ctx.counter) };
  }

  oneOf<T extends string>(key: string, values: readonly T[], required = false): T | undefined {
    const text = this.string(key, required);
    if (text === undefined) return undefined;
    if (!(values as readonly string[]).includes(text)) {
      this.problem(key, `"${key}" must be one of ${values.join(', ')}, not "${text}"`);
      return undefined;
    }
    return text as T;
  }

  int(key: string, min: number, max: number): number | undefined {
    const node = this.raw(key);
    if (node === undefined) return undefined;
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.problem(key, `"${key}" must be an integer from ${min} to ${max}`);
      return undefined;
    }
    return value;
  }

  bool(key: string): boolean | undefined {
    const node = this.raw(key);
    if (node === undefined) return undefined;
    if (!isScalar(node) || typeof node.value !== 'boolean') {
      this.problem(key, `"${key}" must be true or false`);
      return undefined;
    }
    return node.value;
  }

  /** The items of a list-valued key ([] when absent or not a list, the latter a problem). */
  seq(key: string, required = false): Node[] {
    const node = this.raw(key);
    if (node === undefined) {
      if (required) this.problem(undefined, `"${key}" is required`);
      return [];
    }
    if (!isSeq(node)) {
      this.problem(key, `"${key}" must be a list`);
      return [];
    }
    return node.items as Node[];
  }

  map(key: string): YAMLMap | undefined {
    const node = this.raw(key);
    if (node === undefined) return undefined;
    if (!isMap(node)) {
      this.problem(key, `"${key}" must be a mapping`);
      return undefined;
    }
    return node;
  }
}

/** A list entry that must be a mapping: its Fields, or a problem. */
export function entryFields(ctx: FileContext, node: Node, what: string, label: string | undefined, allowed: readonly string[]): Fields | undefined {
  if (!isMap(node)) {
    ctx.problem(node, `each ${what} must be a mapping`, label);
    return undefined;
  }
  return new Fields(ctx, node, label, allowed);
}
