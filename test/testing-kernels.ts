// The testing build (build/kernels.testing.wasm: the shipped kernels plus probes that are never
// shipped) on a memory of its own, for the tests of the probes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Heap, MAX_PAGES } from '../src/wasm/heap.js';
import type { TestingExports } from '../src/wasm/exports.js';
import { root } from './helpers.js';

let cached: { exports: TestingExports; heap: Heap } | null = null;

export function testingRuntime(): { exports: TestingExports; heap: Heap } {
  if (cached) return cached;
  const memory = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES });
  const module = new WebAssembly.Module(readFileSync(join(root, 'build/kernels.testing.wasm')));
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as TestingExports;
  cached = { exports, heap: new Heap(memory, exports.heapBase()) };
  return cached;
}
