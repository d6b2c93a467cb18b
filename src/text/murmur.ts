// MurmurHash3 x86 32-bit of a string's UTF-8 bytes, as scikit-learn's murmurhash3_32 (seed 0,
// signed result) computes it for HashingVectorizer.
const utf8 = new TextEncoder();

export function murmurhash3Signed(text: string, seed = 0): number {
  const b = utf8.encode(text);
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h = seed >>> 0;
  const blocks = b.length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    let k = b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  switch (b.length & 3) {
    case 3:
      k ^= b[blocks + 2] << 16;
    // falls through
    case 2:
      k ^= b[blocks + 1] << 8;
    // falls through
    case 1:
      k ^= b[blocks];
      k = Math.imul(k, c1);
      k = (k << 15) | (k >>> 17);
      k = Math.imul(k, c2);
      h ^= k;
  }
  h ^= b.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
