// What every report format says besides the clause list, worded once: how to reproduce the run, the
// failures grouped by root cause, and the table of the seven declared exceptions.
import type { ConformanceReport, ExceptionRow, RootCause } from '../contracts/report.ts';

/** `1 clause`, `3 clauses`; `many` for the plurals an added s gets wrong. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The clauses a score leaves out: `13 not reached, 4 not applicable`. */
export const notCounted = (t: { notApplicable: number; notReached: number }) =>
  [t.notReached ? `${t.notReached} not reached` : '', t.notApplicable - t.notReached ? `${t.notApplicable - t.notReached} not applicable` : ''].filter(Boolean).join(', ');

/** `seed 42, 20 runs per property; cognito-identity-conformance 0.1.0, catalogue ab12…; @aws-sdk/client-cognito-identity 3.x` */
export const reproduceLine = (r: ConformanceReport) =>
  `seed ${r.run.seed}, ${r.run.runs} runs per property; ${r.suite.name} ${r.suite.version}, catalogue ${r.suite.catalogueHash}; ${r.run.sdk.name} ${r.run.sdk.version}`;

/** `token.jws failed: 9 clauses not reached (token.alg, ...)` */
export const rootCauseLine = (c: RootCause) =>
  `${c.clause} ${c.status === 'fail' ? 'failed' : c.status === 'expected-fail' ? 'failed (expected)' : `is ${c.status}`}: ${plural(c.notReached.length, 'clause')} not reached (${c.notReached.join(', ')})`;

/** What the target answered, `400 ResourceConflictException ×2 (link.login-conflict.exact)`; or why nothing provoked it. */
export const answeredText = (e: ExceptionRow) =>
  e.answered.length ? e.answered.map((a) => `${a.answer}${a.count > 1 ? ` ×${a.count}` : ''} (${a.clause})`).join('; ') : `not provoked on this run${e.note ? `: ${e.note}` : ''}`;

export const thrownText = (e: ExceptionRow) => (e.thrown ? 'yes' : e.answered.length ? 'no' : '—');
