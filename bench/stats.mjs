// The small helpers the bench scripts share: the median of a list and the tables' number formats.

/** The median of v (the upper one of an even count), without reordering v. */
export const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];

/** ns/row in the tables: three significant figures or so (108, 45.1, 5.79). */
export const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

/** A table cell: the median and, in brackets, the range ("45.1 (44.2–45.2)"), each through f. */
export const withRange = (med, min, max, f = fmt) => `${f(med)} (${f(min)}–${f(max)})`;
