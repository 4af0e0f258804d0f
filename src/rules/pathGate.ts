/**
 * Rules set aside by the path they require. Most file rules start with a
 * test of `path` against a constant or a list (`list.X.exists(s,
 * path.endsWith(s))`): each closure is cheap, but dozens of them per open,
 * on an open storm whose paths match none, cost more than the rest of the
 * rules' budget. From a rule's top-level `&&` chain, requiredPath() takes
 * one term made only of path tests (`==`, endsWith, startsWith, contains,
 * their `||` and list exists()); a PathGate indexes every such test of one
 * rule list, so an event looks up its path once (by its last two
 * characters, its first component, the whole path) and gets back only the
 * rules one of whose tests holds, plus the rules with no path term, in
 * book order. Exact by construction: a rule is set aside only when every
 * test of a term its condition cannot be true without is false.
 */
import { type CelNode, nodeArgs } from './celAst.js';
import type { CompiledRule } from './book.js';
import { affixKey } from './compile.js';
import { fold } from './fold.js';

type PathTest = '==' | 'endsWith' | 'startsWith' | 'contains';

/** One test of the event's path against a folded constant. */
export interface PathAtom {
  readonly test: PathTest;
  readonly text: string;
}

const AFFIX_TESTS: ReadonlySet<string> = new Set(['endsWith', 'startsWith', 'contains']);

const isPath = (n: CelNode): boolean => n.op === 'id' && n.args === 'path';

function stringValue(n: CelNode): string | undefined {
  return n.op === 'value' && typeof n.args === 'string' ? fold(n.args) : undefined;
}

/** A constant list at the top level (no exists() variable can shadow `list` there), folded as compile.ts folds it. */
function constantList(n: CelNode, lists: ReadonlyMap<string, readonly string[]>): readonly string[] | undefined {
  if (n.op === 'list') {
    const items = nodeArgs(n).map(stringValue);
    return items.every((s) => s !== undefined) ? (items as string[]) : undefined;
  }
  if (n.op !== '.') return undefined;
  const [operand, field] = n.args as [CelNode, string];
  const items = operand.op === 'id' && operand.args === 'list' ? lists.get(field) : undefined;
  return items?.map(fold);
}

/** `list.X.exists(v, path.M(v))` or `exists(v, path == v)`: one atom per item. */
function existsAtoms(n: CelNode, lists: ReadonlyMap<string, readonly string[]>): PathAtom[] | undefined {
  const [, range, args] = n.args as [string, CelNode, CelNode[]];
  const items = constantList(range, lists);
  const v = args[0]!.args as string;
  const pred = args[1]!;
  const isV = (x: CelNode): boolean => x.op === 'id' && x.args === v;
  if (items === undefined || v === 'path') return undefined;
  let test: PathTest | undefined;
  if (pred.op === 'rcall') {
    const [name, receiver, predArgs] = pred.args as [string, CelNode, CelNode[]];
    if (AFFIX_TESTS.has(name) && isPath(receiver) && predArgs.length === 1 && isV(predArgs[0]!)) test = name as PathTest;
  } else if (pred.op === '==') {
    const [l, r] = nodeArgs(pred) as [CelNode, CelNode];
    if ((isPath(l) && isV(r)) || (isV(l) && isPath(r))) test = '==';
  }
  return test === undefined ? undefined : items.map((text) => ({ test: test!, text }));
}

/** The path tests a term is the disjunction of, or undefined when it is anything else. */
function pathAtoms(n: CelNode, lists: ReadonlyMap<string, readonly string[]>): PathAtom[] | undefined {
  if (n.op === '||') {
    const [l, r] = nodeArgs(n).map((x) => pathAtoms(x, lists));
    return l && r ? [...l, ...r] : undefined;
  }
  if (n.op === '==') {
    const [l, r] = nodeArgs(n) as [CelNode, CelNode];
    const text = isPath(l) ? stringValue(r) : isPath(r) ? stringValue(l) : undefined;
    return text === undefined ? undefined : [{ test: '==', text }];
  }
  if (n.op !== 'rcall') return undefined;
  const [name, receiver, args] = n.args as [string, CelNode, CelNode[]];
  if (name === 'exists') return existsAtoms(n, lists);
  const text = AFFIX_TESTS.has(name) && isPath(receiver) && args.length === 1 ? stringValue(args[0]!) : undefined;
  return text === undefined ? undefined : [{ test: name as PathTest, text }];
}

/** How an atom is found: 0 a map lookup on the whole path, 1 by its bucket, 2 tried on every event. */
function costOf(atom: PathAtom): number {
  if (atom.test === '==') return 0;
  if (atom.test === 'endsWith') return affixKey(atom.text, true) < 0 ? 2 : 1;
  return atom.test === 'startsWith' && prefixKey(atom.text) >= 0 ? 1 : 2;
}

/**
 * The path tests one of which must hold for the condition to be true: the
 * cheapest to look up of the top-level `&&` chain's terms that are path
 * tests only. Undefined when no term is.
 */
export function requiredPath(root: CelNode, lists: ReadonlyMap<string, readonly string[]>): readonly PathAtom[] | undefined {
  let best: PathAtom[] | undefined;
  let bestCost = Infinity;
  for (const term of andTerms(root)) {
    const atoms = pathAtoms(term, lists);
    if (atoms === undefined) continue;
    // A suffix's bucket is read off the path's last two characters, a prefix's needs indexOf.
    const cost = atoms.reduce((sum, a) => sum + (costOf(a) === 2 ? 8 : a.test === 'startsWith' ? 2 : costOf(a)), 0);
    if (cost < bestCost) [best, bestCost] = [atoms, cost];
  }
  return best;
}

function* andTerms(n: CelNode): Generator<CelNode> {
  if (n.op !== '&&') yield n;
  else for (const term of nodeArgs(n)) yield* andTerms(term);
}

/**
 * A number for the first component of a path or prefix ("/etc/" of
 * "/etc/cron.d/x"): the second '/''s offset and the characters before it
 * (two at most, 7 bits each), or -1 when there is no second '/'. A path
 * that starts with a prefix has its key: no slice, no string hashed.
 */
function prefixKey(text: string): number {
  const end = text.indexOf('/', 1);
  if (end < 0) return -1;
  const c1 = end > 1 ? text.charCodeAt(1) & 127 : 0;
  const c2 = end > 2 ? text.charCodeAt(2) & 127 : 0;
  return end * 16384 + c1 * 128 + c2;
}

/** An atom of the rule at `at` in the gate's list. */
interface Entry {
  readonly test: PathTest;
  readonly text: string;
  readonly at: number;
}

function push<K>(map: Map<K, Entry[]>, key: K, entry: Entry): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [entry]);
  else list.push(entry);
}

/** One list of rules (one event type, one mask of flags) and the index of their path atoms. */
export class PathGate {
  /** 1 where the rule has a path term: evaluated only when one of its atoms holds */
  private readonly gated: Uint8Array;
  /** per rule: the last select() whose path one of its atoms held for */
  private readonly marks: Uint32Array;
  private generation = 0;
  private readonly exact = new Map<string, Entry[]>();
  private readonly suffixes = new Map<number, Entry[]>();
  private readonly prefixes = new Map<number, Entry[]>();
  /** short affixes and contains(): tried on every path */
  private readonly scan: Entry[] = [];
  private readonly anyGated: boolean;
  /** the rules with no path term: the answer when no atom holds */
  private readonly ungated: readonly CompiledRule[];
  /** atoms that held in the last markAll() */
  private held = 0;
  /** select()'s answer, reused: the engine reads it before the next call */
  private readonly picked: CompiledRule[] = [];

  constructor(readonly rules: readonly CompiledRule[]) {
    this.gated = new Uint8Array(rules.length);
    this.marks = new Uint32Array(rules.length);
    rules.forEach((rule, at) => {
      if (rule.path === undefined) return;
      this.gated[at] = 1;
      for (const atom of rule.path) this.add({ ...atom, at });
    });
    this.anyGated = this.gated.includes(1);
    this.ungated = rules.filter((rule) => rule.path === undefined);
  }

  private add(entry: Entry): void {
    const cost = costOf(entry);
    if (entry.test === '==') push(this.exact, entry.text, entry);
    else if (cost === 2) this.scan.push(entry);
    else if (entry.test === 'endsWith') push(this.suffixes, affixKey(entry.text, true), entry);
    else push(this.prefixes, prefixKey(entry.text), entry);
  }

  /** The rules that can hit an event with this path, in book order. */
  select(path: unknown): readonly CompiledRule[] {
    if (!this.anyGated || typeof path !== 'string') return this.rules;
    let gen = ++this.generation;
    if (gen === 0xffffffff) {
      this.marks.fill(0);
      gen = this.generation = 1;
    }
    this.held = 0;
    this.markAll(path, gen);
    if (this.held === 0) return this.ungated;
    const picked = this.picked;
    picked.length = 0;
    for (let i = 0; i < this.rules.length; i++) if (this.gated[i] === 0 || this.marks[i] === gen) picked.push(this.rules[i]!);
    return picked;
  }

  private markAll(path: string, gen: number): void {
    if (this.exact.size > 0) this.mark(this.exact.get(path), path, gen);
    if (this.suffixes.size > 0) {
      const key = affixKey(path, true);
      if (key >= 0) this.mark(this.suffixes.get(key), path, gen);
    }
    if (this.prefixes.size > 0) {
      const key = prefixKey(path);
      if (key >= 0) this.mark(this.prefixes.get(key), path, gen);
    }
    this.mark(this.scan, path, gen);
  }

  private mark(entries: readonly Entry[] | undefined, path: string, gen: number): void {
    if (entries === undefined) return;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (this.marks[e.at] !== gen && holds(e, path)) {
        this.marks[e.at] = gen;
        this.held++;
      }
    }
  }
}

function holds(e: Entry, path: string): boolean {
  switch (e.test) {
    case '==':
      return path === e.text;
    case 'endsWith':
      return path.endsWith(e.text);
    case 'startsWith':
      return path.startsWith(e.text);
    default:
      return path.includes(e.text);
  }
}
