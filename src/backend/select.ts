// Chooses the Kernels for a requested backend: 'wasm' falls back to 'js' where WebAssembly
// is unavailable (the model reports which one it used, and a BACKEND warning says why, once).
import type { BackendName, Kernels } from './types.js';
import { jsKernels } from './js.js';
import { wasmKernels } from './wasm.js';
import { unavailableReason, wasmRuntime, type WasmRuntime } from '../wasm/load.js';
import { emitWarningOnce } from '../warnings.js';

let cached: { rt: WasmRuntime; kernels: Kernels } | null = null;

export function kernelsFor(requested: BackendName): Kernels {
  if (requested === 'js') return jsKernels;
  const rt = wasmRuntime();
  if (!rt) {
    emitWarningOnce('backend', { code: 'BACKEND', message: `computing with the js backend: ${unavailableReason()}` });
    return jsKernels;
  }
  if (!cached || cached.rt !== rt) cached = { rt, kernels: wasmKernels(rt) };
  return cached.kernels;
}
