// The scale tests' verdicts: one line per check, and whether all passed.
export function report(checks) {
  for (const [ok, what] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  return checks.every(([ok]) => ok);
}
