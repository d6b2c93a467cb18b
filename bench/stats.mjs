// The small helpers the bench scripts share: the median of a list and the tables' number format.

/** The median of v (the upper one of an even count), without reordering v. */
export const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];

/** ns/row in the tables: three significant figures or so (108, 45.1, 5.79). */
export const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
