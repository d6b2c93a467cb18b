// A file source's exact passes on worker threads (threads > 1): each worker reads one shard of
// the file (a run of Parquet row groups, a byte range of a CSV file: reading and decoding are most
// of a pass) and the shards' sums are added here in shard order, so a fit gives the same bits on
// every run. dist/shard-worker.js (src/worker/shard-worker.ts) rebuilds each shard's source.
import { LogRegError } from '../../core/errors.js';
import type { Census, PassSums } from '../../loss/summed-objective.js';
import { abortError } from '../../async/spawn.js';
import { fromWorkerError, type WorkerError } from '../../async/worker-errors.js';
import { emitWarningOnce } from '../../core/warnings.js';
import { mergeCensus, type ShardRequest, type StreamPasses } from './stream-passes.js';

/** Which source a shard reads: the source's options, and its part of the file. */
export type ShardSource =
  | { kind: 'parquet'; file: string; options: object; rowGroups: [number, number] }
  | { kind: 'csv'; file: string; options: object; byteRange: [number, number] };

/** What a shard's worker is started with. */
export interface ShardJob {
  source: ShardSource;
  /** the stream row of the shard's first row, where known (errors name rows by it) */
  firstRow: number;
  classes: ShardRequest['classes'];
  modelOptions: Omit<ShardRequest['options'], 'onIteration'>;
}

/** How a source splits: its shards, each with its first row (0 where unknown), and the heap its workers need. */
export interface ShardPlan {
  shards: { source: ShardSource; firstRow: number }[];
  heapMb: number;
}

export type ShardReply =
  | { type: 'census'; census: Census; featureNames?: string[] }
  | { type: 'pass'; sums: PassSums }
  | ({ type: 'error' } & WorkerError);

interface Shard {
  ask(m: { type: 'census' } | { type: 'pass'; w: Float64Array; b: Float64Array; hessian: boolean }): Promise<ShardReply>;
  end(): void;
}

/** Contiguous runs of row groups (Parquet) with about equal rows: min(count, groups) runs of at least one group. */
export function splitRowGroups(rows: number[], count: number): [number, number][] {
  const n = Math.max(1, Math.min(count, rows.length));
  const total = rows.reduce((x, y) => x + y, 0);
  const out: [number, number][] = [];
  let start = 0;
  let seen = 0;
  for (let k = 1; k < n; k++) {
    const target = (total * k) / n;
    let end = start + 1;
    seen += rows[start];
    while (end < rows.length - (n - k) && seen + rows[end] / 2 <= target) seen += rows[end++];
    out.push([start, end]);
    start = end;
  }
  out.push([start, rows.length]);
  return out;
}

const workerUrl = () => new URL('./shard-worker.js', import.meta.url);

async function startShard(job: ShardJob, heapMb: number): Promise<Shard> {
  const mod = 'node:worker_threads';
  const { Worker } = (await import(/* @vite-ignore */ mod)) as typeof import('node:worker_threads');
  const w = new Worker(workerUrl(), { workerData: job, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 8 } });
  let waiting: { ok: (r: ShardReply) => void; fail: (e: unknown) => void } | null = null;
  // a worker that died between questions answers the next one with its failure, not silence
  let dead: unknown = null;
  const fail = (e: unknown) => {
    dead ??= e;
    waiting?.fail(dead);
    waiting = null;
  };
  w.on('message', (r: ShardReply) => {
    waiting?.ok(r);
    waiting = null;
  });
  w.on('error', (e) =>
    fail(
      (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new LogRegError('OUT_OF_MEMORY', `a shard's worker ran out of its ${heapMb} MB heap: use fewer threads (or, for Parquet, smaller row groups)`)
        : e,
    ),
  );
  w.on('exit', (code) => fail(new Error(`a shard's worker exited (code ${code})`)));
  return {
    ask: (m) =>
      new Promise((ok, no) => {
        if (dead) return no(dead);
        waiting = { ok, fail: no };
        w.postMessage(m);
      }),
    end: () => void w.terminate(),
  };
}

function fromReply<T extends ShardReply['type']>(r: ShardReply, type: T): Extract<ShardReply, { type: T }> {
  if (r.type === 'error')
    throw fromWorkerError(r);
  if (r.type !== type) throw new Error(`a shard answered ${r.type} to ${type}`);
  return r as Extract<ShardReply, { type: T }>;
}

/**
 * A worker's old-generation cap (its young generation is capped at 8 MB too) for batches of
 * `rows` × `columns`: decoding leaves garbage several times a batch's size, which an uncapped
 * worker lets pile up to hundreds of MB before collecting (docs/data-sources.md has the measurements).
 */
export function shardHeapMb(rows: number, columns: number): number {
  return Math.min(4096, Math.max(128, Math.ceil((6 * rows * columns * 8) / 2 ** 20)));
}

/** The passes on workers over the shards `plan` gives, or null where workers cannot run (not Node). */
export function shardedPasses(what: string, plan: (threads: number) => Promise<ShardPlan>, r: ShardRequest): StreamPasses | null {
  const proc = globalThis.process as { versions?: { node?: string }; getBuiltinModule?(id: string): unknown } | undefined;
  const fs = proc?.versions?.node ? (proc.getBuiltinModule?.('node:fs') as typeof import('node:fs') | undefined) : undefined;
  const url = workerUrl();
  if (!fs || url.protocol !== 'file:' || !fs.existsSync(url)) {
    emitWarningOnce('shards', { code: 'WORKER', message: `${what}: no worker can read shards here (Node with dist/shard-worker.js is needed); reading the file on this thread` });
    return null;
  }
  const { onIteration: _fn, ...modelOptions } = r.options;
  let shards: Shard[] = [];
  let names: string[] | undefined;
  let cen: Census | null = null;
  let passes = 0;
  let ended = false;
  const onAbort = () => end();
  const end = () => {
    ended = true;
    r.signal.removeEventListener('abort', onAbort);
    for (const s of shards) s.end();
  };
  r.signal.addEventListener('abort', onAbort, { once: true });
  const all = async <T extends ShardReply['type']>(m: Parameters<Shard['ask']>[0], type: T) => {
    if (r.signal.aborted || ended) throw abortError();
    try {
      return (await Promise.all(shards.map((s) => s.ask(m)))).map((reply) => fromReply(reply, type));
    } catch (e) {
      if (r.signal.aborted) throw abortError();
      throw e;
    }
  };
  return {
    async census() {
      const planned = await plan(r.threads);
      shards = await Promise.all(planned.shards.map(({ source, firstRow }) => startShard({ source, firstRow, classes: r.classes, modelOptions }, planned.heapMb)));
      if (ended) end();
      const parts = await all({ type: 'census' }, 'census');
      names = parts[0].featureNames;
      return (cen = mergeCensus(parts.map((p) => p.census)));
    },
    async pass(w, b, hessian) {
      const parts = await all({ type: 'pass', w, b, hessian }, 'pass');
      const { loss, grad, hessian: H } = parts[0].sums;
      let total = loss;
      for (const { sums } of parts.slice(1)) {
        total += sums.loss;
        for (let j = 0; j < grad.length; j++) grad[j] += sums.grad[j];
        if (H) for (let j = 0; j < H.length; j++) H[j] += sums.hessian![j];
      }
      r.onProgress?.({ epoch: ++passes, batches: parts.length, rows: cen!.rows, loss: total / cen!.sumWeights });
      return { loss: total, grad, hessian: H };
    },
    featureNames: () => names,
    end,
  };
}
