// The one owner of the WebAssembly memory and of every typed view on it.
// Allocation is host-side (first fit over an address-ordered free list, coalescing on free),
// so the kernels never allocate and any number of instances could share one memory.
// Views are made from the current buffer on every call: memory.grow detaches old buffers.
import { LogRegError } from '../core/errors.js';

const PAGE = 65536;
const ALIGN = 16;
const LINE = 64;
/** wasm32 limit: 65536 pages of 64 KiB. */
export const MAX_PAGES = 65536;

interface Block {
  ptr: number;
  size: number;
}

export class Heap {
  readonly memory: WebAssembly.Memory;
  private free: Block[] = [];
  private used = new Map<number, number>();
  private top: number;
  /** Bumped on every memory.grow (which detaches the old buffer): cached views compare it. */
  generation = 0;
  /** Called when the last allocation is released (the runtime may then give its memory back). */
  onIdle: (() => void) | null = null;

  private readonly base: number;

  constructor(memory: WebAssembly.Memory, base: number) {
    this.memory = memory;
    this.base = alignUp(base);
    this.top = this.base;
  }

  /** Bytes currently handed out. */
  get bytesInUse(): number {
    let s = 0;
    for (const v of this.used.values()) s += v;
    return s;
  }

  /** Bytes below the allocator's first block (static data). */
  get baseBytes(): number {
    return this.base;
  }

  /** Size of the linear memory in bytes. */
  get byteLength(): number {
    return this.memory.buffer.byteLength;
  }

  /** Allocates `bytes` (rounded up to 16) and returns the byte offset. */
  alloc(bytes: number): number {
    const size = alignUp(Math.max(bytes, 1));
    for (let i = 0; i < this.free.length; i++) {
      const b = this.free[i];
      if (b.size >= size) {
        const ptr = b.ptr;
        if (b.size === size) this.free.splice(i, 1);
        else {
          b.ptr += size;
          b.size -= size;
        }
        this.used.set(ptr, size);
        return ptr;
      }
    }
    const ptr = this.top;
    this.ensure(ptr + size);
    this.top = ptr + size;
    this.used.set(ptr, size);
    return ptr;
  }

  /** Returns a block to the free list; the top block gives its space back to the bump pointer. */
  release(ptr: number): void {
    const size = this.used.get(ptr);
    if (size === undefined) return;
    this.used.delete(ptr);
    // insert in address order, then merge with neighbours
    let i = 0;
    while (i < this.free.length && this.free[i].ptr < ptr) i++;
    this.free.splice(i, 0, { ptr, size });
    if (i + 1 < this.free.length && ptr + size === this.free[i + 1].ptr) {
      this.free[i].size += this.free[i + 1].size;
      this.free.splice(i + 1, 1);
    }
    if (i > 0 && this.free[i - 1].ptr + this.free[i - 1].size === ptr) {
      this.free[i - 1].size += this.free[i].size;
      this.free.splice(i, 1);
      i--;
    }
    const last = this.free[this.free.length - 1];
    if (last && last.ptr + last.size === this.top) {
      this.top = last.ptr;
      this.free.pop();
    }
    if (this.used.size === 0) this.onIdle?.();
  }

  /** A Float64Array view of `length` doubles at `ptr`, valid until the next allocation. */
  f64(ptr: number, length: number): Float64Array {
    return new Float64Array(this.memory.buffer, ptr, length);
  }

  /** A Float32Array view of `length` floats at `ptr`, valid until the next allocation. */
  f32(ptr: number, length: number): Float32Array {
    return new Float32Array(this.memory.buffer, ptr, length);
  }

  /** An Int32Array view of `length` ints at `ptr`, valid until the next allocation. */
  i32(ptr: number, length: number): Int32Array {
    return new Int32Array(this.memory.buffer, ptr, length);
  }

  private ensure(end: number): void {
    const have = this.memory.buffer.byteLength;
    if (end <= have) return;
    const needPages = Math.ceil((end - have) / PAGE);
    const havePages = have / PAGE;
    // grow geometrically (at least 1/8 more) to keep the number of grow calls small
    const pages = Math.min(MAX_PAGES - havePages, Math.max(needPages, Math.ceil(havePages / 8)));
    if (pages < needPages) throw outOfMemory(end);
    try {
      this.memory.grow(pages);
    } catch {
      try {
        this.memory.grow(needPages);
      } catch {
        throw outOfMemory(end);
      }
    }
    this.generation++;
  }
}

function alignUp(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}

function outOfMemory(end: number): LogRegError {
  const gib = (end / 2 ** 30).toFixed(2);
  return new LogRegError(
    'OUT_OF_MEMORY',
    `WebAssembly memory cannot grow to ${gib} GiB: 32-bit WebAssembly memory is limited to 4 GiB ` +
      `(and the engine may allow less). Train in batches with partialFit or fitStream, or use the 'js' backend.`,
  );
}

/**
 * Refuses, before any allocation, data that cannot fit in 32-bit WebAssembly memory next to
 * what is already allocated.
 */
export function assertFits(heap: Heap, bytes: number, what: string): void {
  const limit = MAX_PAGES * PAGE;
  if (heap.bytesInUse + bytes + heap.baseBytes <= limit) return;
  throw new LogRegError(
    'OUT_OF_MEMORY',
    `${what} needs ${(bytes / 2 ** 30).toFixed(2)} GiB of WebAssembly memory, more than the 4 GiB that ` +
      `32-bit WebAssembly can address. Ways out: float32 storage (dtype: 'float32', half the bytes), ` +
      `training in batches with partialFit or fitStream (streaming), fewer rows per fit, or the 'js' backend.`,
  );
}

/** A set of blocks freed together: what one dataset or one call owns. */
export class Region {
  private blocks: number[] = [];
  constructor(readonly heap: Heap) {}

  alloc(bytes: number): number {
    const p = this.heap.alloc(bytes);
    this.blocks.push(p);
    return p;
  }

  /**
   * Allocates `bytes` that share no 64-byte cache line with any other block: for buffers one
   * thread writes while others read nearby memory (false sharing costs threads half their speed).
   */
  isolated(bytes: number): number {
    const p = this.alloc(bytes + 2 * LINE);
    return Math.ceil(p / LINE) * LINE;
  }

  /** Allocates and fills a block with `values` (f64). */
  f64From(values: ArrayLike<number>): number {
    const p = this.alloc(8 * values.length);
    this.heap.f64(p, values.length).set(values);
    return p;
  }

  releaseAll(): void {
    for (const p of this.blocks) this.heap.release(p);
    this.blocks = [];
  }
}
