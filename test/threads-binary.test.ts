// The threads build is the default binary with a shared memory import: the runtime rewrite
// must equal what asc emits with --enable threads --sharedMemory (build/kernels.threads.wasm).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { withSharedMemory } from '../src/engine/threads/shared-binary.js';

describe('shared-memory binary', () => {
  it('equals the asc threads build byte for byte', () => {
    const plain = new Uint8Array(readFileSync('build/kernels.wasm'));
    const threads = new Uint8Array(readFileSync('build/kernels.threads.wasm'));
    expect(Buffer.compare(plain, threads)).not.toBe(0);
    const patched = withSharedMemory(plain, 65536);
    expect(Buffer.from(patched).equals(Buffer.from(threads))).toBe(true);
  });

  it('instantiates only with a shared memory', () => {
    const patched = withSharedMemory(new Uint8Array(readFileSync('build/kernels.wasm')), 65536);
    const module = new WebAssembly.Module(patched);
    const shared = new WebAssembly.Memory({ initial: 16, maximum: 65536, shared: true });
    expect(() => new WebAssembly.Instance(module, { env: { memory: shared } })).not.toThrow();
    const plain = new WebAssembly.Memory({ initial: 16, maximum: 65536 });
    expect(() => new WebAssembly.Instance(module, { env: { memory: plain } })).toThrow(/shared/);
  });

  it('refuses a module without a memory import', () => {
    const empty = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
    expect(() => withSharedMemory(empty, 16)).toThrow(/imports no memory/);
  });
});
