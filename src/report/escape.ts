/**
 * Rendering of job-controlled strings (argv, paths, domains, step labels).
 *
 * The job under observation chooses these strings, so a report that printed
 * them raw could be forged by the very thing it reports on: a `|` or newline
 * in an argv would add table cells or rows, `</details>` would close our
 * collapsible blocks early, an ANSI escape would rewrite the terminal. Every
 * function here therefore makes the string inert in its target context and
 * keeps it legible: invisible characters become visible escapes, markup
 * characters become HTML entities, and long strings are cut with their
 * original length stated.
 */

export const DEFAULT_MAX_CHARS = 200;

/**
 * Characters shown as escapes rather than printed, chosen by Unicode
 * category so that a character added in a later Unicode version is covered
 * too: controls (Cc), format characters (Cf: soft hyphen, bidi controls, the
 * "Trojan Source" trick of making text display in another order than it
 * runs, zero-width characters, BOM, and the tag characters U+E0001-E007F
 * that can hide a whole message inside an emoji), private use (Co), lone
 * surrogates (Cs, invalid UTF-16; a well-formed pair is an ordinary
 * character), line and paragraph separators (Zl, Zp). Besides the
 * categories: the rest of the tag block, variation selectors (they change how
 * the character before them looks, so two strings that look alike differ),
 * Hangul fillers and the other blank letters that render as nothing
 * (a "name" made of them looks empty), and U+2065.
 */
const INVISIBLE =
  /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}\u{E0000}-\u{E007F}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}\u{180B}-\u{180F}\u115F\u1160\u3164\uFFA0\u034F\u17B4\u17B5\u2065]/gu;

/**
 * More combining marks than this in a row ("Zalgo" text) stack into a block
 * that covers the lines around it: the rest of the run is shown as escapes.
 * Three is enough for any real script (Vietnamese stacks two).
 */
const MAX_COMBINING_RUN = 3;
const COMBINING_RUN = new RegExp(`(\\p{M}{${MAX_COMBINING_RUN}})(\\p{M}+)`, 'gu');

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Shows invisible characters as escapes: `\n`, `\x07`, `\u{202E}`; a lone
 * surrogate as `\u{D800}`, a tag character as `\u{E0041}`. Backslashes are
 * left as they are: argv often holds regexes and Windows paths, which
 * doubling would make hard to read, and report.json keeps the exact strings
 * for when it matters.
 */
export function visible(s: string): string {
  return s
    .replace(INVISIBLE, escapeChar)
    .replace(COMBINING_RUN, (_, kept: string, rest: string) => kept + [...rest].map(escapeChar).join(''));
}

function escapeChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (NAMED_ESCAPES[ch] !== undefined) return NAMED_ESCAPES[ch];
  return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u{${hex(code, 4)}}`;
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}

/**
 * Cuts `s` to at most `max` UTF-16 units, never between the halves of a
 * surrogate pair, and says how long the original was.
 */
export function cap(s: string, max = DEFAULT_MAX_CHARS): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max);
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${s.slice(0, end)}… (${s.length} chars)`;
}

/** A job string for plain text (a terminal): capped, invisible characters escaped. */
export function plainText(s: string, max = DEFAULT_MAX_CHARS): string {
  return visible(cap(s, max));
}

/**
 * Everything that can start markup in GitHub markdown or HTML, as numeric
 * entities. `|` is the table cell separator (GFM splits cells before decoding
 * entities, so `&#124;` stays inside its cell); `$` starts GitHub's math
 * rendering. Letters, digits, `/`, `.`, `-`, `:` and spaces stay readable.
 * URLs and mentions are handled apart (see LINKISH).
 */
const MARKUP = /[&<>"'|`*_[\]#!~\\$]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function entity(ch: string): string {
  return ENTITIES[ch] ?? `&#${ch.charCodeAt(0)};`;
}

/**
 * Spans GitHub turns into a link or a notification: URLs, `www.` hosts,
 * e-mail addresses, `@user` and `@org/team` mentions. A job string that
 * names `@someone` must not ping them from a job summary, and one that holds
 * a URL must not become a link the report seems to vouch for. GitHub decodes
 * entities before it looks for them, so escaping characters does not help;
 * it never links or mentions inside `<code>`, so such a span is put there.
 */
const LINKISH = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"]*|[\w.+-]*@[\w-]+(?:[./][\w-]+)*/giu;

const inert = (s: string): string => s.replace(MARKUP, entity);

/**
 * A job string as inert text valid both in HTML element content (e.g. inside
 * `<summary>`) and in markdown inline content: markup as entities, links and
 * mentions inside `<code>`.
 */
export function htmlText(s: string, max = DEFAULT_MAX_CHARS): string {
  const text = plainText(s, max);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(LINKISH)) {
    out += `${inert(text.slice(last, m.index))}<code>${inert(m[0])}</code>`;
    last = m.index + m[0].length;
  }
  return out + inert(text.slice(last));
}

/**
 * A job string for a GFM table cell: no `|`, CR or LF survives unescaped, so
 * the row keeps its cells; no markdown or HTML is interpreted.
 */
export function mdCell(s: string, max = DEFAULT_MAX_CHARS): string {
  return htmlText(s, max);
}

/**
 * Inline code that is safe whatever the string: `<code>` with entities. A
 * backtick code span would need a fence longer than any backtick run in the
 * string and still could not hold `|` inside a table.
 */
export function mdCode(s: string, max = DEFAULT_MAX_CHARS): string {
  // Inside <code> already: GitHub neither links nor mentions there.
  return `<code>${inert(plainText(s, max))}</code>`;
}

const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Shows argv as a shell would need it typed, so argument boundaries stay
 * visible: `['sh', '-c', 'a b']` reads `sh -c 'a b'`, and an empty argument
 * shows as `''` instead of vanishing.
 */
export function formatArgv(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}

function shellQuote(arg: string): string {
  if (SHELL_SAFE.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}
