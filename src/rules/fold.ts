/**
 * Case folding for rule evaluation: string literals and event values are
 * lower-cased and NFC-normalised, so `"/Usr/Bin/CURL"` and a path spelled with
 * a combining accent compare equal to their canonical forms (the format's
 * promise). ASCII text, nearly every path and argv, skips normalize(): it is
 * already in NFC, and normalize() costs far more than toLowerCase().
 */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}

/** A character fold() may change: an ASCII capital or anything past ASCII. */
const FOLDABLE = /[^\x00-\x40\x5b-\x7f]/;

export function fold(text: string): string {
  // Nothing to fold, the common case (one scan in the regexp engine, no new string).
  if (!FOLDABLE.test(text)) return text;
  const lower = text.toLowerCase();
  return isAscii(lower) ? lower : lower.normalize('NFC');
}

export function foldAll(texts: readonly string[] | undefined): string[] {
  return texts === undefined ? [] : texts.map(fold);
}
