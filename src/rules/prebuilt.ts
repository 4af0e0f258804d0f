/**
 * The built-in rule set parsed at build time. Parsing its YAML and CEL was
 * most of `cicd-sensor run`'s start on its own thread (~170 of ~210 ms of
 * CPU: the yaml and CEL parsers' code runs cold, once per process), so `npm
 * run build` stores what parseRuleFile makes of each built-in file, with each
 * condition's parse, in dist/rules/builtin.prebuilt.json (generated, never edited; it
 * differs from a fresh build when the files change, as dist/ does).
 *
 * Only a file whose text is the one the build parsed is taken from it (by
 * SHA-256 of the text, read from the same directory at run time), and it
 * only stands in for parsing that text: the conditions are still checked
 * and compiled into closures here, modifiers applied, the book built, as for
 * any file; a job's own files are parsed at run time. Nothing a job sends
 * reaches this: a daemon takes its built-in set from its own install.
 */
import { createHash } from 'node:crypto';
import { buildRuleBook } from './book.js';
import { type CelNode, parseCel } from './celAst.js';
import { type LoadedFile, parseRuleFile } from './load.js';
import type { RuleSource } from './sources.js';
import { RuleLoadError, type RuleProblem } from './specs.js';

/** The artifact's format; a different one is not read (the files are parsed instead). */
const FORMAT = 1;

interface PrebuiltFile {
  readonly name: string;
  readonly sha256: string;
  readonly loaded: LoadedFile;
}

const textHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The parser's node as check.ts and compile.ts read it: op, args, pos (its class and spans dropped). */
function plainNode(node: CelNode): CelNode {
  const plain = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(plain) : typeof x === 'object' && x !== null && 'op' in x ? plainNode(x as CelNode) : x;
  return { op: node.op, args: plain(node.args), pos: node.pos };
}

/*
 * JSON with what the specs hold beyond it: Maps (a rule set's lists) and
 * bigints (CEL int literals). Dropped on the way out: nothing else.
 */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value] };
  if (typeof value === 'bigint') return { $int: value.toString() };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1) return value;
  const v = value as { $map?: unknown; $int?: unknown };
  if (keys[0] === '$map' && Array.isArray(v.$map)) return new Map(v.$map as [unknown, unknown][]);
  if (keys[0] === '$int' && typeof v.$int === 'string') return BigInt(v.$int);
  return value;
}

/** A loaded file with each condition's parse beside its text. */
function withAsts(file: LoadedFile): LoadedFile {
  const cel = <T extends { text: string } | undefined>(c: T): T => (c ? { ...c, ast: plainNode(parseCel(c.text)) } : c);
  return {
    ruleSets: file.ruleSets.map((set) => ({
      ...set,
      rules: set.rules.map((r) => ({ ...r, condition: cel(r.condition), ...(r.exceptions ? { exceptions: cel(r.exceptions) } : {}) })),
    })),
    modifiers: file.modifiers.map((m) => (m.addExceptions ? { ...m, addExceptions: cel(m.addExceptions) } : m)),
  };
}

/**
 * The artifact's text for the built-in sources (the build calls this);
 * throws RuleLoadError when they do not load, so a broken set fails the
 * build rather than every run.
 */
export function encodePrebuilt(sources: readonly RuleSource[]): string {
  const problems: RuleProblem[] = [];
  const files = sources.map((s) => ({ name: s.name, sha256: textHash(s.text), loaded: withAsts(parseRuleFile(s.name, s.text, problems)) }));
  if (problems.length > 0) throw new RuleLoadError(problems);
  buildRuleBook(files.map((f) => f.loaded));
  return `${JSON.stringify({ format: FORMAT, files }, replacer)}\n`;
}

/** The artifact's files by name, or an empty map when its format is another build's. */
export function decodePrebuilt(text: string): ReadonlyMap<string, PrebuiltFile> {
  const parsed = JSON.parse(text, reviver) as { format?: unknown; files?: PrebuiltFile[] };
  if (parsed.format !== FORMAT || !Array.isArray(parsed.files)) return new Map();
  return new Map(parsed.files.map((f) => [f.name, f]));
}

/** The prebuilt parse of source, when the artifact has one of exactly its text. */
export function prebuiltParse(prebuilt: ReadonlyMap<string, PrebuiltFile>, source: RuleSource): LoadedFile | undefined {
  const file = prebuilt.get(source.name);
  return file && file.sha256 === textHash(source.text) ? file.loaded : undefined;
}
