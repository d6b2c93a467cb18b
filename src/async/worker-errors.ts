// Errors across a worker boundary (fitAsync's worker, file shards' workers): a LogRegError keeps
// its code and details, any other error its name and message.
import { LogRegError, type LogRegErrorCode } from '../core/errors.js';

export interface WorkerError {
  name: string;
  code?: string;
  message: string;
  details?: unknown;
}

export function toWorkerError(e: unknown): WorkerError {
  const err = e as Error & { code?: string; details?: unknown };
  return { name: e instanceof LogRegError ? 'LogRegError' : (err?.name ?? 'Error'), code: err?.code, message: String(err?.message ?? e), details: err?.details };
}

export function fromWorkerError(m: WorkerError): Error {
  return m.name === 'LogRegError' ? new LogRegError(m.code as LogRegErrorCode, m.message, (m.details ?? {}) as object) : Object.assign(new Error(m.message), { name: m.name });
}
