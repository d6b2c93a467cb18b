// Term → id without making a string per token: a token is looked up where it lies in the text,
// by its hash and its characters (open addressing), and a string is made only for a new term.
// Counting tokens this way does one hash per token and no allocation for terms already seen.

/** FNV-1a over UTF-16 code units: the running value the scan folds each unit into. */
export const HASH_START = 0x811c9dc5 | 0;
export function hashStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, 16777619);
}

export function hashOf(term: string): number {
  let h = HASH_START;
  for (let i = 0; i < term.length; i++) h = hashStep(h, term.charCodeAt(i));
  return h;
}

export class TermTable {
  private hashes = new Int32Array(1024);
  private ids = new Int32Array(1024).fill(-1);
  private strings: string[] = new Array(1024);
  private size = 0;

  /** The id of s[start .. end) (hash h), or −1; with `add`, a new term gets id `nextId`. */
  find(s: string, start: number, end: number, h: number, nextId = -1): number {
    const mask = this.ids.length - 1;
    const len = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.ids[slot];
      if (id < 0) {
        if (nextId < 0) return -1;
        this.put(slot, h, s.slice(start, end), nextId);
        return nextId;
      }
      if (this.hashes[slot] !== h) continue;
      const t = this.strings[slot];
      if (t.length !== len) continue;
      let k = 0;
      while (k < len && t.charCodeAt(k) === s.charCodeAt(start + k)) k++;
      if (k === len) return id;
    }
  }

  /** Adds `term` with id `id` (a vocabulary's column). */
  add(term: string, id: number): void {
    this.find(term, 0, term.length, hashOf(term), id);
  }

  /** The string of the term added last by find (a new term). */
  last = '';

  private put(slot: number, h: number, term: string, id: number): void {
    this.hashes[slot] = h;
    this.ids[slot] = id;
    this.strings[slot] = term;
    this.last = term;
    if (++this.size * 2 > this.ids.length) this.grow();
  }

  private grow(): void {
    const { hashes, ids, strings } = this;
    this.hashes = new Int32Array(2 * ids.length);
    this.ids = new Int32Array(2 * ids.length).fill(-1);
    this.strings = new Array(2 * ids.length);
    const mask = this.ids.length - 1;
    for (let s = 0; s < ids.length; s++) {
      if (ids[s] < 0) continue;
      let slot = hashes[s] & mask;
      while (this.ids[slot] >= 0) slot = (slot + 1) & mask;
      this.hashes[slot] = hashes[s];
      this.ids[slot] = ids[s];
      this.strings[slot] = strings[s];
    }
  }
}
