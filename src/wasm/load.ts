// Compiles and instantiates the kernels once. init() is asynchronous, memoised and safe to
// call concurrently; initSync() compiles on the calling thread (fine in Node and workers).
import { wasmBase64 } from './kernels.generated.js';
import { LogRegError, describeValue } from '../core/errors.js';
import { Heap, MAX_PAGES } from './heap.js';
import type { KernelExports } from './exports.js';
import type { Bytes, ResponseLike, UrlLike, WasmModule } from '../core/host-types.js';

export interface WasmRuntime {
  readonly exports: KernelExports;
  readonly heap: Heap;
}

/** What initSync() accepts: nothing (the embedded binary), a compiled module, or the bytes. */
export type InitInput = WasmModule | Bytes;

/**
 * What init() accepts besides InitInput: the URL of `kernels.wasm` (fetched; for strict CSP
 * or Cloudflare Workers pass a precompiled Module instead), or a fetch Response (or its promise).
 */
export type InitSource = InitInput | UrlLike | string | ResponseLike | Promise<ResponseLike>;

const isResponse = (v: unknown): v is ResponseLike =>
  typeof v === 'object' && v !== null && typeof (v as ResponseLike).arrayBuffer === 'function' && typeof (v as ResponseLike).ok === 'boolean';

async function compileFrom(input: InitSource | undefined): Promise<WebAssembly.Module> {
  if (input === undefined) return WebAssembly.compile(embeddedBytes());
  if (input instanceof WebAssembly.Module) return input;
  if (typeof input === 'string' || (typeof URL === 'function' && input instanceof URL)) input = fetch(input as string | URL) as Promise<ResponseLike>;
  if (input instanceof Promise || isResponse(input)) {
    const res = await input;
    if (!isResponse(res)) throw new LogRegError('INVALID_INPUT', 'init: the promise did not resolve to a fetch Response');
    if (!res.ok) throw new LogRegError('INVALID_INPUT', `init: fetching the kernels failed (${res.status} ${res.statusText})`);
    return WebAssembly.compile(await res.arrayBuffer());
  }
  return WebAssembly.compile(input as BufferSource);
}

let runtime: WasmRuntime | null = null;
let pending: Promise<WasmRuntime> | null = null;
let failure: unknown = null;

export function embeddedBytes(): Uint8Array<ArrayBuffer> {
  const bin = atob(wasmBase64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function makeRuntime(module: WebAssembly.Module, instance: WebAssembly.Instance, memory: WebAssembly.Memory): WasmRuntime {
  const exports = instance.exports as unknown as KernelExports;
  for (const name of ['heapBase', 'fusedGrad', 'colMoments', 'softmaxGrad'] as const)
    if (typeof exports[name] !== 'function') throw new Error(`the module has no '${name}' export: it is not logreg-wasm's kernels.wasm (or not this version's)`);
  const rt: WasmRuntime = { exports, heap: new Heap(memory, exports.heapBase()) };
  rt.heap.onIdle = () => shrink(rt, module);
  return rt;
}

/** Memory past this size is given back once nothing is allocated in it … */
export const SHRINK_BYTES = 64 * 1024 * 1024;
/** … for this long, so fits run back to back keep their grown memory instead of growing a fresh one. */
export const SHRINK_DELAY_MS = 1000;
let shrinkTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * WebAssembly memory cannot shrink. Once nothing has been allocated in the runtime for
 * SHRINK_DELAY_MS and its memory grew past SHRINK_BYTES, a new instance on a fresh small memory
 * takes its place: whatever still holds the old one keeps working on it, and the old memory is
 * collected after. Where synchronous instantiation is refused (a browser's main thread), the
 * grown memory stays.
 */
function shrink(old: WasmRuntime, module: WebAssembly.Module): void {
  if (runtime !== old || old.heap.byteLength <= SHRINK_BYTES || shrinkTimer) return;
  shrinkTimer = setTimeout(() => {
    shrinkTimer = null;
    if (runtime === old && old.heap.bytesInUse === 0) replace(module);
  }, SHRINK_DELAY_MS);
  // an idle model must not keep a Node process alive
  (shrinkTimer as { unref?: () => void }).unref?.();
}

function replace(module: WebAssembly.Module): void {
  try {
    const memory = newMemory();
    runtime = makeRuntime(module, new WebAssembly.Instance(module, { env: { memory } }), memory);
    pending = null; // it resolved to the old runtime
  } catch {
    // keep the grown runtime
  }
}

/** Runs `f` (a compile or instantiation), turning what the engine throws into a typed error. */
async function orInitError<T>(what: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw initError(what, e);
  }
}

function initError(what: string, e: unknown): LogRegError {
  if (e instanceof LogRegError) return e;
  return new LogRegError('INVALID_INPUT', `${what}: ${e instanceof Error ? e.message : String(e)}`);
}

function newMemory(): WebAssembly.Memory {
  return new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES });
}

// A module whose one function returns a v128 constant: valid only where SIMD is supported
// (the probe wasm-feature-detect uses).
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0, 253, 12,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11,
]);

/**
 * True when this environment runs the kernels: WebAssembly with fixed-width SIMD (Node 16.4+,
 * Chrome 91+, Firefox 89+, Safari 16.4+). Elsewhere the js backend is used.
 */
export function hasWebAssembly(): boolean {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.Memory !== 'function') return false;
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

/**
 * Compiles and instantiates the kernels; resolves when the wasm backend is ready, or at once
 * where WebAssembly does not exist (models then use the js backend and say so).
 */
export function init(input?: InitSource): Promise<void> {
  if (runtime) return Promise.resolve();
  // no WebAssembly (CSP without wasm-unsafe-eval, iOS Lockdown mode) or no SIMD: the js backend serves
  if (!hasWebAssembly()) return Promise.resolve();
  if (!pending) {
    pending = orInitError('init', async () => {
      const memory = newMemory();
      const module = await compileFrom(input);
      const instance = await WebAssembly.instantiate(module, { env: { memory } });
      runtime = makeRuntime(module, instance, memory);
      return runtime;
    });
    pending.catch((e) => {
      failure = e;
      pending = null;
    });
  }
  return pending.then(() => undefined);
}

/** Synchronous init (Node, workers); browsers refuse synchronous compiles of large modules. */
export function initSync(input?: InitInput): void {
  if (runtime || !hasWebAssembly()) return;
  if (input !== undefined && !(input instanceof WebAssembly.Module) && !(input instanceof ArrayBuffer) && !ArrayBuffer.isView(input))
    throw new LogRegError('INVALID_INPUT', `initSync takes a WebAssembly.Module, an ArrayBuffer or a typed array, got ${describeValue(input)}`);
  try {
    const memory = newMemory();
    const module = input instanceof WebAssembly.Module ? input : new WebAssembly.Module((input as BufferSource | undefined) ?? embeddedBytes());
    runtime = makeRuntime(module, new WebAssembly.Instance(module, { env: { memory } }), memory);
  } catch (e) {
    throw initError('initSync', e);
  }
}

/**
 * The ready runtime: initialises synchronously on first use when init() was not awaited;
 * null when WebAssembly is unavailable here (the caller falls back to the js backend).
 */
export function wasmRuntime(): WasmRuntime | null {
  if (runtime) return runtime;
  if (!hasWebAssembly() || failure) return null;
  try {
    initSync();
  } catch (e) {
    failure = e;
    return null;
  }
  return runtime;
}

/** Why wasmRuntime() is null, for the warning that the js backend computes instead. */
export function unavailableReason(): string {
  if (!hasWebAssembly()) return 'this environment has no WebAssembly with SIMD';
  const why = failure instanceof Error ? failure.message : String(failure);
  return `the kernels could not be compiled (${why}); in browsers, await init() before the first fit (synchronous compiles of large modules are refused on the main thread)`;
}
