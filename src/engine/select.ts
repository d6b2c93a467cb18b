// Chooses the Kernels for a requested backend: 'wasm' falls back to 'js' where WebAssembly
// is unavailable (the model reports which one it used, and a BACKEND warning says why, once).
import type { BackendName, Kernels } from './types.js';
import { jsKernels } from './js.js';
import { wasmKernels } from './wasm.js';
import { unavailableReason, wasmRuntime, type WasmRuntime } from '../wasm/load.js';
import { emitWarningOnce } from '../core/warnings.js';

// weak: a runtime replaced by a fresh one (wasm/load.ts shrink) is collected with its memory
const cached = new WeakMap<WasmRuntime, Kernels>();

export function kernelsFor(requested: BackendName): Kernels {
  if (requested === 'js') return jsKernels;
  const rt = wasmRuntime();
  if (!rt) {
    emitWarningOnce('backend', { code: 'BACKEND', message: `computing with the js backend: ${unavailableReason()}` });
    return jsKernels;
  }
  let kernels = cached.get(rt);
  if (!kernels) cached.set(rt, (kernels = wasmKernels(rt)));
  return kernels;
}

export { init, initSync, hasWebAssembly, type InitInput, type InitSource } from '../wasm/load.js';
