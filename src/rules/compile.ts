/**
 * Turns a checked condition into JS closures. Evaluating through either
 * CEL library cost 64-146 µs of CPU per open-storm event with the bench rule
 * set (bench/rules/celCompare.mjs), against a budget of 2 µs (these closures:
 * about 1 µs, bench/rules/engineBench.mjs): closures over a
 * tree check.ts has already typed need no runtime type dispatch, and
 * `list.NAME.exists(s, X.endsWith(s))`, the shape most rules are made of,
 * becomes one set lookup per distinct suffix length instead of a loop over
 * the list. String literals and lists are folded here, once; event values
 * are folded by variables.ts.
 */
import { type CelNode, nodeArgs } from './celAst.js';
import { fold } from './fold.js';
import { inRange, parseCidr, type IpRange } from './ipRange.js';

/** A compiled expression: the activation (or, in correlation rules, the counts) and the exists() frame. */
export type Compiled = (a: any, frame: unknown[]) => unknown;

export interface CompileContext {
  readonly lists: ReadonlyMap<string, readonly string[]>;
  /** correlation rules: the index of a rule's count in the counts array */
  readonly ruleIndex?: (ruleId: string) => number;
}

type Matcher = (value: string) => boolean;

/**
 * The two characters at an affix's end (a suffix's last two, a prefix's
 * first two) as an index into 128 × 128 buckets, or -1 when shorter or not
 * ASCII. A value can only end with items of its own bucket (or the short
 * ones, always tried), so each event tries a handful of endsWith calls
 * rather than the whole list: slicing and hashing per suffix length cost
 * more than the rules' whole budget.
 */
export function affixKey(text: string, tail: boolean): number {
  const n = text.length;
  if (n < 2) return -1;
  const a = tail ? text.charCodeAt(n - 1) : text.charCodeAt(0);
  const b = tail ? text.charCodeAt(n - 2) : text.charCodeAt(1);
  return (a | b) >= 128 ? -1 : a * 128 + b;
}

function affixMatcher(items: readonly string[], tail: boolean): Matcher {
  const short: string[] = [];
  // A Map, not an array of all 128 × 128 buckets: that is 128 KiB per list
  // whatever its length, megabytes of the tracker's memory for a rule set.
  const buckets = new Map<number, string[]>();
  for (const item of items) {
    const key = affixKey(item, tail);
    if (key < 0) short.push(item);
    else {
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, [item]);
      else bucket.push(item);
    }
  }
  const has = tail ? (v: string, s: string) => v.endsWith(s) : (v: string, s: string) => v.startsWith(s);
  return (v) => {
    const key = affixKey(v, tail);
    const bucket = key < 0 ? undefined : buckets.get(key);
    if (bucket !== undefined) for (let i = 0; i < bucket.length; i++) if (has(v, bucket[i]!)) return true;
    for (let i = 0; i < short.length; i++) if (has(v, short[i]!)) return true;
    return false;
  };
}

/** A test of one value against every item of a constant list at once. */
function listMatcher(method: string, items: readonly string[]): Matcher | undefined {
  if (method === '==') {
    const set = new Set(items);
    return (v) => set.has(v);
  }
  if (method === 'endsWith' || method === 'startsWith') return affixMatcher(items, method === 'endsWith');
  if (method === 'contains') return (v) => items.some((item) => v.includes(item));
  return undefined;
}

/*
 * Reads of the fields the hot event types' rules are made of, each its own
 * function literal. The generic `(a) => a[name]` is one closure site for
 * every identifier of every rule, so its keyed load sees dozens of names on
 * a dozen activation shapes and goes megamorphic: a stub-cache probe per
 * read, tens of reads per file open with a reference-sized rule set. Each
 * literal below sees one name on the few shapes that carry it. Any other
 * field falls back to the generic read.
 */
const VARIABLES: Readonly<Record<string, Compiled>> = {
  path: (a) => a.path,
  is_read: (a) => a.is_read,
  is_write: (a) => a.is_write,
  process: (a) => a.process,
  domain: (a) => a.domain,
  remote_ip: (a) => a.remote_ip,
  remote_port: (a) => a.remote_port,
};

/** `process.FIELD` as one load after another, with no call between them. */
const PROCESS_FIELDS: Readonly<Record<string, Compiled>> = {
  exec_path: (a) => a.process.exec_path,
  argv: (a) => a.process.argv,
  ancestors: (a) => a.process.ancestors,
};

/** FIELD of an exists() item (an ancestor, a descendant), read from its frame slot. */
function slotField(slot: number, field: string): Compiled | undefined {
  if (field === 'exec_path') return (_a, f) => (f[slot] as { exec_path: unknown }).exec_path;
  if (field === 'argv') return (_a, f) => (f[slot] as { argv: unknown }).argv;
  if (field === 'descendants') return (_a, f) => (f[slot] as { descendants: unknown }).descendants;
  return undefined;
}

function mentions(node: CelNode, name: string): boolean {
  if (node.op === 'id') return node.args === name;
  if (node.op === 'value') return false;
  const walk = (x: unknown): boolean =>
    Array.isArray(x) ? x.some(walk) : typeof x === 'object' && x !== null && 'op' in x && mentions(x as CelNode, name);
  return walk(node.args);
}

class Compiler {
  private depth = 0;
  private readonly slots: Map<string, number>[] = [];

  constructor(private readonly ctx: CompileContext) {}

  compile(node: CelNode): Compiled {
    switch (node.op) {
      case 'value': {
        const value = typeof node.args === 'string' ? fold(node.args) : typeof node.args === 'bigint' ? Number(node.args) : node.args;
        return () => value;
      }
      case 'id':
        return this.identifier(node.args as string);
      case '.':
        return this.select(node);
      case 'rcall':
        return this.method(node);
      case 'call':
        return this.ipRange(node);
      case 'list': {
        const items = nodeArgs(node).map((item) => fold(item.args as string));
        return () => items;
      }
      case '!_': {
        const operand = this.compile(node.args as CelNode);
        return (a, f) => !operand(a, f);
      }
      case '-_': {
        const operand = this.compile(node.args as CelNode);
        return (a, f) => -(operand(a, f) as number);
      }
      case '?:': {
        const [test, yes, no] = nodeArgs(node).map((n) => this.compile(n)) as [Compiled, Compiled, Compiled];
        return (a, f) => (test(a, f) ? yes(a, f) : no(a, f));
      }
      default:
        return this.binary(node);
    }
  }

  private identifier(name: string): Compiled {
    const slot = this.slotOf(name);
    if (slot !== undefined) return (_a, f) => f[slot];
    return Object.hasOwn(VARIABLES, name) ? VARIABLES[name]! : (a) => a[name];
  }

  /** The frame slot of an exists() variable in scope, innermost first. */
  private slotOf(name: string): number | undefined {
    for (let i = this.slots.length - 1; i >= 0; i--) {
      const slot = this.slots[i]!.get(name);
      if (slot !== undefined) return slot;
    }
    return undefined;
  }

  /** A field of a variable (the activation's, or an exists() item's) read in one closure, when it is a hot one. */
  private fieldOf(operand: CelNode, field: string): Compiled | undefined {
    if (operand.op !== 'id') return undefined;
    const name = operand.args as string;
    const slot = this.slotOf(name);
    if (slot !== undefined) return slotField(slot, field);
    return name === 'process' && Object.hasOwn(PROCESS_FIELDS, field) ? PROCESS_FIELDS[field] : undefined;
  }

  private constantList(node: CelNode): readonly string[] | undefined {
    if (node.op === 'list') return nodeArgs(node).map((item) => fold(item.args as string));
    if (node.op !== '.') return undefined;
    const [operand, field] = node.args as [CelNode, string];
    const free = operand.op === 'id' && operand.args === 'list' && !this.slots.some((s) => s.has('list'));
    return free ? this.ctx.lists.get(field)!.map(fold) : undefined;
  }

  private select(node: CelNode): Compiled {
    const list = this.constantList(node);
    if (list !== undefined) return () => list;
    const [operand, field] = node.args as [CelNode, string];
    if (this.ctx.ruleIndex && field === 'total_count' && operand.op === '.') {
      const index = this.ctx.ruleIndex((operand.args as [CelNode, string])[1]);
      return (counts: number[]) => counts[index];
    }
    const direct = this.fieldOf(operand, field);
    if (direct !== undefined) return direct;
    const object = this.compile(operand);
    return (a, f) => (object(a, f) as Record<string, unknown>)[field];
  }

  private method(node: CelNode): Compiled {
    const [name, receiverNode, args] = node.args as [string, CelNode, CelNode[]];
    if (name === 'exists') return this.exists(receiverNode, args[0]!.args as string, args[1]!);
    const receiver = this.compile(receiverNode);
    const arg = this.compile(args[0]!);
    if (name === 'startsWith') return (a, f) => (receiver(a, f) as string).startsWith(arg(a, f) as string);
    if (name === 'endsWith') return (a, f) => (receiver(a, f) as string).endsWith(arg(a, f) as string);
    return (a, f) => (receiver(a, f) as string).includes(arg(a, f) as string);
  }

  /** `X.method(v)` or `X == v` / `v == X` with X free of v: the parts for listMatcher. */
  private itemTest(pred: CelNode, v: string): { method: string; subject: CelNode } | undefined {
    const isV = (n: CelNode): boolean => n.op === 'id' && n.args === v;
    if (pred.op === 'rcall') {
      const [name, receiver, args] = pred.args as [string, CelNode, CelNode[]];
      if (args.length === 1 && isV(args[0]!) && !mentions(receiver, v)) return { method: name, subject: receiver };
    }
    if (pred.op === '==') {
      const [left, right] = nodeArgs(pred) as [CelNode, CelNode];
      if (isV(right) && !mentions(left, v)) return { method: '==', subject: left };
      if (isV(left) && !mentions(right, v)) return { method: '==', subject: right };
    }
    return undefined;
  }

  private exists(rangeNode: CelNode, v: string, pred: CelNode): Compiled {
    const list = this.constantList(rangeNode);
    const test = list && this.itemTest(pred, v);
    const matcher = test && listMatcher(test.method, list);
    if (test && matcher) {
      const subject = this.compile(test.subject);
      return (a, f) => matcher(subject(a, f) as string);
    }
    const range = this.compile(rangeNode);
    const slot = this.depth++;
    this.slots.push(new Map([[v, slot]]));
    const body = this.compile(pred);
    this.slots.pop();
    this.depth--;
    return (a, f) => {
      for (const item of range(a, f) as unknown[]) {
        f[slot] = item;
        if (body(a, f) === true) return true;
      }
      return false;
    };
  }

  private ipRange(node: CelNode): Compiled {
    const [, args] = node.args as [string, CelNode[]];
    const ip = this.compile(args[0]!);
    const range = parseCidr(args[1]!.args as string) as IpRange;
    return (a, f) => inRange(ip(a, f) as string, range);
  }

  private binary(node: CelNode): Compiled {
    const [l, r] = nodeArgs(node).map((n) => this.compile(n)) as [Compiled, Compiled];
    switch (node.op) {
      case '&&':
        return (a, f) => l(a, f) === true && r(a, f) === true;
      case '||':
        return (a, f) => l(a, f) === true || r(a, f) === true;
      case '==':
        return (a, f) => l(a, f) === r(a, f);
      case '!=':
        return (a, f) => l(a, f) !== r(a, f);
      case '<':
        return (a, f) => (l(a, f) as number) < (r(a, f) as number);
      case '<=':
        return (a, f) => (l(a, f) as number) <= (r(a, f) as number);
      case '>':
        return (a, f) => (l(a, f) as number) > (r(a, f) as number);
      case '>=':
        return (a, f) => (l(a, f) as number) >= (r(a, f) as number);
      case '+':
        return (a, f) => (l(a, f) as number) + (r(a, f) as number);
      default:
        return (a, f) => (l(a, f) as number) - (r(a, f) as number);
    }
  }
}

/**
 * The boolean variables a condition cannot be true without: the bare
 * identifiers among the terms of its top-level `&&` chain (`is_write &&
 * ...`). The engine sets a rule aside for an event where one of them is
 * false, without calling its closures.
 */
export function requiredFlags(root: CelNode, isBool: (name: string) => boolean): string[] {
  if (root.op === '&&') return nodeArgs(root).flatMap((term) => requiredFlags(term, isBool));
  return root.op === 'id' && isBool(root.args as string) ? [root.args as string] : [];
}

/** Closures for a condition check.ts accepted. */
export function compileCondition(root: CelNode, ctx: CompileContext): Compiled {
  return new Compiler(ctx).compile(root);
}
