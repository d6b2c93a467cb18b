// scikit-learn's default word tokens: token_pattern r"(?u)\b\w\w+\b" after lowercasing, that is
// maximal runs of two or more word characters (Python's \w: a letter, a number or '_'), found by
// one scan over the text (JS's \b is ASCII-only even with the u flag, and a scan allocates only
// the tokens).
import { HASH_START, hashStep } from './term-table.js';

const WORD = /^[\p{L}\p{N}_]$/u;

/** Word characters among the first 128 code units: ASCII letters, digits, '_'. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (WORD.test(String.fromCharCode(c)) ? 1 : 0));
/** Non-ASCII code points seen so far: 1 word character, 2 not. */
const seenWord = new Map<number, number>();

function isWord(cp: number): boolean {
  if (cp < 128) return ASCII_WORD[cp] === 1;
  let v = seenWord.get(cp);
  if (v === undefined) seenWord.set(cp, (v = WORD.test(String.fromCodePoint(cp)) ? 1 : 2));
  return v === 1;
}

/**
 * Calls `fn(s, start, end, hash)` for each token s[start .. end) of `text` in order (s is the
 * text lowercased unless `lowercase` is false; hash: term-table.ts's over its code units).
 */
export function forEachTokenSpan(text: string, lowercase: boolean, fn: (s: string, start: number, end: number, hash: number) => void): void {
  const s = lowercase ? text.toLowerCase() : text;
  const n = s.length;
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    if (c < 128 ? ASCII_WORD[c] === 0 : !isWord(s.codePointAt(i)!)) {
      i += c >= 0xd800 && c < 0xdc00 && i + 1 < n ? 2 : 1;
      continue;
    }
    const start = i;
    let chars = 0;
    let h = HASH_START;
    while (i < n) {
      c = s.charCodeAt(i);
      if (c < 128) {
        if (ASCII_WORD[c] === 0) break;
        h = hashStep(h, c);
        i++;
      } else {
        const cp = s.codePointAt(i)!;
        if (!isWord(cp)) break;
        h = hashStep(h, c);
        if (cp > 0xffff) h = hashStep(h, s.charCodeAt(i + 1));
        i += cp > 0xffff ? 2 : 1;
      }
      chars++;
    }
    if (chars >= 2) fn(s, start, i, h);
  }
}

/** Calls `fn` with each token of `text` in order (lowercased first unless `lowercase` is false). */
export function forEachToken(text: string, lowercase: boolean, fn: (token: string) => void): void {
  forEachTokenSpan(text, lowercase, (s, start, end) => fn(s.slice(start, end)));
}

/** The tokens of `text` in order (lowercased first unless `lowercase` is false). */
export function tokenize(text: string, lowercase = true): string[] {
  const out: string[] = [];
  forEachToken(text, lowercase, (t) => out.push(t));
  return out;
}

/** Terms in Python's string order: the native sort (UTF-16 units) agrees unless a term holds a surrogate pair. */
export function sortTerms(terms: string[]): string[] {
  const special = terms.filter(hasSurrogate);
  if (special.length === 0) return terms.sort();
  // the native sort for the rest, then one merge by code point
  const plain = terms.filter((t) => !hasSurrogate(t)).sort();
  special.sort(codePointOrder);
  const out: string[] = [];
  let a = 0;
  let b = 0;
  while (a < plain.length || b < special.length)
    out.push(b === special.length || (a < plain.length && codePointOrder(plain[a], special[b]) < 0) ? plain[a++] : special[b++]);
  return out;
}

function hasSurrogate(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** Python's string order (by code point), which scikit-learn's sorted vocabulary uses. */
export function codePointOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
