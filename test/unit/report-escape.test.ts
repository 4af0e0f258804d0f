import { describe, expect, it } from '@jest/globals';
import { cap, formatArgv, htmlText, mdCell, mdCode, plainText, visible } from '../../src/report/escape.js';

/** Decodes what htmlText encodes, to check that nothing but markup changed. */
function decode(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
  return s.replace(/&(#(\d+)|[a-z]+);/g, (_, name: string, code?: string) =>
    code !== undefined ? String.fromCharCode(Number(code)) : named[name],
  );
}

const MARKUP = ['|', '`', '*', '_', '[', ']', '<', '>', '#', '!', '~', '\\', '&', '$', '"', "'"];

describe('visible', () => {
  it('shows control characters as escapes', () => {
    expect(visible('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(visible('bell\x07 esc\x1b[31m del\x7f nul\0')).toBe('bell\\x07 esc\\x1B[31m del\\x7F nul\\x00');
    expect(visible('c1\u0085')).toBe('c1\\x85');
  });

  it('shows bidi controls, zero-width characters and separators', () => {
    expect(visible('a\u202eb\u200bc\u2028d\ufeff')).toBe('a\\u{202E}b\\u{200B}c\\u{2028}d\\u{FEFF}');
  });

  it('shows lone surrogates but keeps well-formed pairs', () => {
    expect(visible('x\ud800y')).toBe('x\\u{D800}y');
    expect(visible('x\udc00')).toBe('x\\u{DC00}');
    expect(visible('rocket 🚀')).toBe('rocket 🚀');
  });

  it('leaves ordinary text alone', () => {
    expect(visible('npm run build -- --prod')).toBe('npm run build -- --prod');
  });
});

describe('cap', () => {
  it('cuts long strings and states the original length', () => {
    const s = 'a'.repeat(10_240);
    expect(cap(s)).toBe(`${'a'.repeat(200)}… (10240 chars)`);
    expect(cap('short')).toBe('short');
    expect(cap('abcdef', 3)).toBe('abc… (6 chars)');
  });

  it('never splits a surrogate pair', () => {
    const s = `${'a'.repeat(199)}🚀🚀`;
    expect(cap(s)).toBe(`${'a'.repeat(199)}… (203 chars)`);
  });
});

describe('htmlText and mdCell', () => {
  it('encodes every markup character as an entity', () => {
    for (const ch of MARKUP) {
      const out = mdCell(`a${ch}b`);
      expect(out.replace(/&(#\d+|[a-z]+);/g, '')).toBe('ab');
      expect(decode(out)).toBe(`a${ch}b`);
    }
  });

  it('makes HTML inert', () => {
    const out = htmlText('<script>alert(1)</script></details><img src=x onerror=alert(1)>');
    expect(out).not.toMatch(/[<>]/);
    expect(out).toContain('&lt;script&gt;');
  });

  it('keeps a table row intact', () => {
    const out = mdCell('a | b\n| c | d |\r\n');
    expect(out).not.toMatch(/[|\n\r]/);
    expect(decode(out)).toBe('a | b\\n| c | d |\\r\\n');
  });

  it('breaks markdown links, code spans and emphasis', () => {
    const out = mdCell('[x](http://evil) `code` **bold** ~~s~~ ![i](http://img)');
    expect(out).not.toMatch(/[[\]`*~!]/);
  });

  it('changes only markup: decoding gives the visible text back', () => {
    const inputs = ['plain', 'a|b', 'x\ny', '\x07', '&amp;', '&#124;', '<b>', '🚀', 'a'.repeat(500)];
    for (const s of inputs) expect(decode(htmlText(s))).toBe(plainText(s));
  });

  it('caps at the given length', () => {
    expect(decode(mdCell('x'.repeat(50), 10))).toBe(`${'x'.repeat(10)}… (50 chars)`);
  });
});

describe('mdCode', () => {
  it('uses <code> with entities instead of backticks', () => {
    expect(mdCode('a`b|c')).toBe('<code>a&#96;b&#124;c</code>');
    expect(mdCode('</code><script>')).toBe('<code>&lt;/code&gt;&lt;script&gt;</code>');
  });
});

describe('formatArgv', () => {
  it('quotes arguments so their boundaries stay visible', () => {
    expect(formatArgv(['sh', '-c', 'echo a b'])).toBe("sh -c 'echo a b'");
    expect(formatArgv(['printf', ''])).toBe("printf ''");
    expect(formatArgv(['echo', "it's"])).toBe("echo 'it'\\''s'");
    expect(formatArgv(['curl', 'https://example.com/a?b=c'])).toBe("curl 'https://example.com/a?b=c'");
    expect(formatArgv(['node', '--max-old-space-size=4096', 'dist/index.js'])).toBe(
      'node --max-old-space-size=4096 dist/index.js',
    );
  });
});

describe('escaping by Unicode category', () => {
  it('shows tag characters, private use, variation selectors and Hangul fillers', () => {
    // A message hidden in tag characters after an emoji.
    expect(visible('🏴\u{E0068}\u{E0069}\u{E007F}')).toBe('🏴\\u{E0068}\\u{E0069}\\u{E007F}');
    expect(visible('pua\u{E000}\u{F0000}')).toBe('pua\\u{E000}\\u{F0000}');
    expect(visible('a\uFE0Fb\u{E0100}')).toBe('a\\u{FE0F}b\\u{E0100}');
    expect(visible('\u3164\u115F\u1160\uFFA0x')).toBe('\\u{3164}\\u{115F}\\u{1160}\\u{FFA0}x');
    expect(visible('para\u2029graph')).toBe('para\\u{2029}graph');
  });

  it('keeps a few combining marks and escapes the rest of a long run', () => {
    expect(visible('Vie\u0323\u0302t')).toBe('Vie\u0323\u0302t');
    expect(visible('Z\u0301\u0302\u0303\u0304\u0305!')).toBe('Z\u0301\u0302\u0303\\u{0304}\\u{0305}!');
  });

  it('leaves ordinary non-Latin text alone', () => {
    for (const s of ['日本語', 'Ελληνικά', 'עברית', '한국어', 'emoji 🚀👍🏽']) expect(visible(s)).toBe(s);
  });
});

describe('links and mentions', () => {
  it('puts URLs, www hosts, e-mail addresses and @mentions inside <code>, where GitHub neither links nor pings', () => {
    const out = htmlText('ping @octocat and @org/team: see https://evil.example/x?a=1 or www.evil.example, mail me@evil.example');
    expect(out).toBe(
      'ping <code>@octocat</code> and <code>@org/team</code>: see <code>https://evil.example/x?a=1</code> or <code>www.evil.example,</code> mail <code>me@evil.example</code>',
    );
    // Outside <code>, no @ and no scheme is left.
    expect(out.replace(/<code>.*?<\/code>/g, '')).not.toMatch(/@|:\/\/|www\./);
  });

  it('mdCell does the same; mdCode is code already', () => {
    expect(mdCell('x @a')).toBe('x <code>@a</code>');
    expect(mdCode('@a https://b')).toBe('<code>@a https://b</code>');
  });

  it('a link cannot carry markup into the code span', () => {
    expect(htmlText('https://x/</code><script>')).toBe('<code>https://x/</code>&lt;/code&gt;&lt;script&gt;');
  });
});
