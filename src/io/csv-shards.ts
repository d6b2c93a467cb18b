// How csvBatches splits a file for shard workers (model/train/shards.ts): byte ranges starting at
// line starts near size·k/threads, each with the number of data rows before it, found in one scan
// of the bytes before the last boundary (so errors in any shard name the file's own rows).
import type { ShardPlan } from '../model/train/shards.js';
import { shardHeapMb } from '../model/train/shards.js';

const isBlankByte = (b: number) => b === 0x20 || b === 0x09 || b === 0x0d;

export async function csvShardPlan(path: string, options: object, threads: number, batchSize: number, columns: number): Promise<ShardPlan> {
  const fsName = 'node:fs';
  const fs = (await import(/* @vite-ignore */ fsName)) as typeof import('node:fs');
  const size = (await fs.promises.stat(path)).size;
  const targets = Array.from({ length: threads - 1 }, (_, k) => Math.floor((size * (k + 1)) / threads));
  const starts: { at: number; rows: number }[] = [{ at: 0, rows: 0 }];
  // lines seen: a line is a data row when it is not blank and not the header (the first non-blank line)
  let rows = -1;
  let at = 0; // the offset of the current line's start
  let blank = true;
  let offset = 0;
  if (targets.length > 0)
    for await (const chunk of fs.createReadStream(path, { start: 0, end: targets[targets.length - 1] + (1 << 20) }) as AsyncIterable<Buffer>) {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i];
        if (b === 0x0a) {
          if (!blank) rows++;
          at = offset + i + 1;
          blank = true;
          while (starts.length <= targets.length && at >= targets[starts.length - 1]) starts.push({ at, rows: Math.max(rows, 0) });
        } else if (blank && !isBlankByte(b)) blank = false;
      }
      offset += chunk.length;
      if (starts.length > targets.length) break;
    }
  // a boundary past the last line start (a huge last line) leaves fewer, longer shards
  const ranges = starts.filter((s, k) => k === 0 || s.at < size);
  const shards = ranges.map((s, k) => ({
    source: { kind: 'csv' as const, file: path, options, byteRange: [s.at, k + 1 < ranges.length ? ranges[k + 1].at : size] as [number, number] },
    firstRow: s.rows,
  }));
  return { shards: shards.filter((s) => s.source.byteRange[0] < s.source.byteRange[1]), heapMb: shardHeapMb(batchSize, columns) };
}
