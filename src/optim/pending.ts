// Objectives that answer later (one pass over a stream, one SQL query): a solver hands the
// promise to its driver as a Pending and is resumed with the settled value. A synchronous
// answer passes straight through, so the in-memory solvers never yield for it.
import { LogRegError } from '../core/errors.js';

export class Pending {
  constructor(readonly promise: PromiseLike<unknown>) {}
}

export function isThenable(v: unknown): v is PromiseLike<unknown> {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as PromiseLike<unknown>).then === 'function';
}

/** v itself, or (inside a solver's generator) the value its promise settles to. */
export function* settle<T>(v: T | PromiseLike<T>): Generator<Pending, T, unknown> {
  if (isThenable(v)) return (yield new Pending(v)) as T;
  return v as T;
}

/** Thrown by the synchronous drivers when an objective answered with a promise. */
export function asyncObjectiveError(): LogRegError {
  return new LogRegError('INVALID_INPUT', 'the objective answered with a Promise: await the call that runs the solver (minimize returns a Promise for such objectives)');
}

/**
 * Runs steps synchronously while every answer is synchronous; at the first Pending it carries
 * on asynchronously and returns a Promise of the result. A rejected promise is thrown into the
 * steps (their finally blocks free what they hold).
 */
export function runMaybeAsync<T>(steps: Generator<unknown, T, unknown>): T | Promise<T> {
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    if (r.value instanceof Pending) return drive(steps, r);
  }
}

/** Runs steps to their end, awaiting every Pending. */
export function runAwaiting<T>(steps: Generator<unknown, T, unknown>): Promise<T> {
  return drive(steps, steps.next());
}

async function drive<T>(steps: Generator<unknown, T, unknown>, r: IteratorResult<unknown, T>): Promise<T> {
  for (;;) {
    if (r.done) return r.value;
    if (!(r.value instanceof Pending)) {
      r = steps.next();
      continue;
    }
    let value: unknown;
    try {
      value = await r.value.promise;
    } catch (e) {
      r = steps.throw(e);
      continue;
    }
    r = steps.next(value);
  }
}
