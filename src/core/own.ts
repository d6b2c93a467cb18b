// Options and JSON objects are read by their own properties only, so a property planted on
// Object.prototype (prototype pollution) is never taken for an option or a field.
import { LogRegError, describeValue } from './errors.js';

/**
 * The own enumerable properties of `input` in a record without a prototype (an absent input
 * gives an empty one). With `known`, any other name is an UNKNOWN_OPTION error.
 */
export function ownFields(input: unknown, what: string, known?: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  if (input === undefined) return out;
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw new LogRegError('INVALID_OPTION', `${what} must be an object, got ${describeValue(input)}`);
  for (const key of Object.keys(input)) {
    if (known && !known.includes(key))
      throw new LogRegError('UNKNOWN_OPTION', `unknown ${what} '${key}' (known: ${known.join(', ')})`, { option: key });
    out[key] = (input as Record<string, unknown>)[key];
  }
  return out;
}
