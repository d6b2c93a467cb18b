/** Machine-readable reason of a LogRegError. */
export type LogRegErrorCode =
  | 'INVALID_INPUT' // X or y has the wrong shape or type
  | 'NON_FINITE' // NaN or ±Infinity in the data
  | 'EMPTY_DATA' // no rows or no columns
  | 'LENGTH_MISMATCH' // y or sampleWeight length differs from the number of rows
  | 'LABELS' // the label set is not usable (fewer than two classes, mixed types, a continuous target)
  | 'INVALID_OPTION' // an option has the wrong type or is out of range
  | 'UNKNOWN_OPTION' // an option name that does not exist
  | 'NOT_FITTED' // predict or score before fit
  | 'FEATURE_MISMATCH' // predict with a different number of features than fit
  | 'INVALID_JSON' // fromJSON given something toJSON did not produce
  | 'DISPOSED' // the model or object was disposed
  | 'BUSY' // the model is training in fitAsync or fitStream and cannot start another fit
  | 'SINGULAR' // a matrix the computation inverts is singular (inference on separable or collinear data)
  | 'OUT_OF_MEMORY' // the data does not fit in WebAssembly memory
  | 'NOT_INITIALIZED'; // the wasm backend was requested before init()

export interface LogRegErrorDetails {
  row?: number;
  column?: number;
  value?: unknown;
  option?: string;
}

/** Every error this package throws on bad input or misuse. */
export class LogRegError extends Error {
  readonly code: LogRegErrorCode;
  readonly details: LogRegErrorDetails;

  constructor(code: LogRegErrorCode, message: string, details: LogRegErrorDetails = {}) {
    super(message);
    this.name = 'LogRegError';
    this.code = code;
    this.details = details;
  }
}

/** A short, safe rendering of an offending value for error messages. */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  return `a value of type ${typeof v}`;
}
