// The threads build is the default kernels binary with one change: its imported memory is
// declared shared with a maximum (asc --enable threads --sharedMemory --maximumMemory emits the
// same code otherwise; test/threads-binary.test.ts checks that byte for byte). Rewriting the
// memory import here saves shipping a second binary.

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function leb(b: Uint8Array, at: number): [number, number] {
  let v = 0;
  let shift = 0;
  for (;;) {
    const byte = b[at++];
    v += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [v, at];
    shift += 7;
  }
}

function lebBytes(v: number): number[] {
  const out: number[] = [];
  do {
    let byte = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) byte |= 0x80;
    out.push(byte);
  } while (v > 0);
  return out;
}

/** Skips a name (length-prefixed bytes). */
function skipName(b: Uint8Array, at: number): number {
  const [len, p] = leb(b, at);
  return p + len;
}

/** Skips a limits record (flags, min, optional max). */
function skipLimits(b: Uint8Array, at: number): number {
  const flags = b[at];
  let p = leb(b, at + 1)[1];
  if (flags & 1) p = leb(b, p)[1];
  return p;
}

/**
 * The module `bytes` with its imported memory declared shared, minimum kept, maximum
 * `maxPages`. Throws when the module imports no memory.
 */
export function withSharedMemory(bytes: Uint8Array, maxPages: number): Uint8Array<ArrayBuffer> {
  let at = 8; // magic + version
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = leb(bytes, at + 1);
    const end = body + size;
    if (id === 2) {
      let [count, p] = leb(bytes, body);
      for (; count > 0; count--) {
        p = skipName(bytes, skipName(bytes, p));
        const kind = bytes[p++];
        if (kind === 2) {
          const limitsEnd = skipLimits(bytes, p);
          const min = leb(bytes, p + 1)[0];
          const limits = [0x03, ...lebBytes(min), ...lebBytes(maxPages)];
          const newBody = [...bytes.subarray(body, p), ...limits, ...bytes.subarray(limitsEnd, end)];
          const out = [...bytes.subarray(0, at + 1), ...lebBytes(newBody.length), ...newBody, ...bytes.subarray(end)];
          return Uint8Array.from(out);
        }
        if (kind === 0) p = leb(bytes, p)[1];
        else if (kind === 1) p = skipLimits(bytes, p + 1);
        else if (kind === 3) p += 2;
        else throw new Error(`withSharedMemory: unknown import kind ${kind}`);
      }
    }
    at = end;
  }
  throw new Error('withSharedMemory: the module imports no memory');
}
