// scikit-learn's default word tokens: token_pattern r"(?u)\b\w\w+\b" after lowercasing. Python's
// \w is a letter, a number or '_'; JS's \b is ASCII-only even with the u flag, so the same tokens
// are written as maximal runs of two or more word characters.
const TOKEN = /[\p{L}\p{N}_]{2,}/gu;

/** The tokens of `text` in order (lowercased first unless `lowercase` is false). */
export function tokenize(text: string, lowercase = true): string[] {
  return (lowercase ? text.toLowerCase() : text).match(TOKEN) ?? [];
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
