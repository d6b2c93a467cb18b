// Structural stand-ins for host objects in the public API, so the published .d.ts compiles with
// lib es2022 alone (no DOM lib, no @types/node). The real objects are assignable to them.

/** A compiled WebAssembly.Module (checked with instanceof at run time). */
export type WasmModule = object;

/** ArrayBuffer or a view of one (the DOM's BufferSource). */
export type Bytes = ArrayBuffer | ArrayBufferView;

/** A URL object: only its href is read. */
export interface UrlLike {
  readonly href: string;
}

/** A fetch Response: what init() reads of it. */
export interface ResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** An AbortSignal: what fitAsync and fitStream read of it. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
