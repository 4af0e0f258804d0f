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
 * Characters shown as escapes rather than printed: C0/C1 controls and DEL,
 * soft hyphen, bidi controls (the "Trojan Source" trick of making text display
 * in another order than it runs), zero-width characters and BOM, line and
 * paragraph separators, and lone surrogates (invalid UTF-16); a well-formed
 * surrogate pair is an ordinary character.
 */
const INVISIBLE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Shows invisible characters as escapes: `\n`, `\x07`, `\u{202E}`; a lone
 * surrogate as `\u{D800}`. Backslashes are left as they are: argv often holds
 * regexes and Windows paths, which doubling would make hard to read, and
 * report.json keeps the exact strings for when it matters.
 */
export function visible(s: string): string {
  return s.replace(INVISIBLE, escapeChar);
}

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
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
 * GitHub may still turn a URL in such text into a link (it also autolinks
 * after decoding entities, so escaping `:` would not stop it); the link shows
 * the job's own string and cannot change the report's structure.
 */
const MARKUP = /[&<>"'|`*_[\]#!~\\$]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function entity(ch: string): string {
  return ENTITIES[ch] ?? `&#${ch.charCodeAt(0)};`;
}

/**
 * A job string as inert text valid both in HTML element content (e.g. inside
 * `<summary>`) and in markdown inline content.
 */
export function htmlText(s: string, max = DEFAULT_MAX_CHARS): string {
  return plainText(s, max).replace(MARKUP, entity);
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
  return `<code>${htmlText(s, max)}</code>`;
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
