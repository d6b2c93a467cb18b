// The lines of a text file (Node) with their byte offsets, for a byte range: a reader of bytes
// [from, until) takes the lines that start inside it, so ranges cut anywhere split a file into
// shards whose lines add up to the file's, each line in exactly one (the Hadoop split rule).

export interface Line {
  text: string;
  /** the byte offset where the line starts */
  at: number;
}

/** Lines starting at offsets in [from, until) (until: the file's end by default), without their \n or \r\n. */
export async function* linesOf(path: string, from = 0, until = Infinity): AsyncGenerator<Line> {
  const fsName = 'node:fs';
  const { createReadStream } = (await import(/* @vite-ignore */ fsName)) as typeof import('node:fs');
  // start one byte early: the line in progress there (or the empty rest of one ending there) is the previous shard's
  const first = from > 0 ? from - 1 : 0;
  let skip = from > 0;
  let lineAt = first;
  let carry: Buffer | null = null;
  const text = (buf: Buffer, a: number, b: number) => buf.toString('utf8', a, b > a && buf[b - 1] === 13 ? b - 1 : b);
  for await (const chunk of createReadStream(path, { start: first }) as AsyncIterable<Buffer>) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let pos = 0;
    for (let nl = buf.indexOf(10, pos); nl >= 0; nl = buf.indexOf(10, pos)) {
      const at = lineAt;
      lineAt += nl + 1 - pos;
      const line = skip ? null : text(buf, pos, nl);
      pos = nl + 1;
      if (skip) {
        skip = false;
        continue;
      }
      if (at >= until) return;
      yield { text: line!, at };
    }
    carry = pos < buf.length ? buf.subarray(pos) : null;
  }
  if (carry && !skip && lineAt < until) yield { text: text(carry, 0, carry.length), at: lineAt };
}

/** The number of \n before byte `end` (the line number of an offset, less one): for error messages of a shard. */
export async function newlinesBefore(path: string, end: number): Promise<number> {
  if (end <= 0) return 0;
  const fsName = 'node:fs';
  const { createReadStream } = (await import(/* @vite-ignore */ fsName)) as typeof import('node:fs');
  let n = 0;
  for await (const chunk of createReadStream(path, { start: 0, end: end - 1 }) as AsyncIterable<Buffer>)
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}
