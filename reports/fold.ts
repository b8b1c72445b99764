// Folds per-test verdicts into one result per clause, applies a target's expectations, and tallies.
// Pure: the reporter feeds it, the kill matrix and unit tests call it directly.
import { createHash } from 'node:crypto';
import { catalogue, type Clause } from '../contracts/clauses.ts';
import type { ClauseResult, ClauseStatus, ConformanceReport } from '../contracts/report.ts';
import type { Verdict } from '../fixtures/verdicts.ts';

export type TestVerdicts = { test: string; verdicts: Verdict[]; evidence?: Record<string, unknown[]> };
export type Expectations = Record<string, string>; // clause id → reason it is expected to fail

export const catalogueHash = () => createHash('sha256').update(JSON.stringify(catalogue)).digest('hex').slice(0, 16);

export function foldClause(c: Clause, runs: TestVerdicts[], expected?: string): ClauseResult {
  const mine = runs.flatMap((r) => r.verdicts.filter((v) => v.clause === c.id).map((v) => ({ ...v, test: r.test, calls: r.evidence?.[c.id] ?? [] })));
  const failed = mine.filter((v) => v.status === 'fail');
  const passed = mine.filter((v) => v.status === 'pass');
  let status: ClauseStatus;
  let message: string | undefined;
  if (!mine.length) [status, message] = ['fail', 'no test reported a verdict for this clause'];
  else if (failed.length) [status, message] = ['fail', failed[0].message];
  else if (passed.length) status = 'pass';
  else [status, message] = ['not-applicable', mine[0].message];
  if (expected !== undefined) {
    if (status === 'fail') [status, message] = ['expected-fail', `${expected} (${message})`];
    else if (status === 'pass') [status, message] = ['unexpected-pass', `expected to fail (${expected}) but passed: update the expectations file`];
  }
  const { section, level, evidence, behaviour, id } = c;
  return { id, section, level, evidence, behaviour, status, message, tests: [...new Set(mine.map((v) => v.test))], failures: failed.map((v) => ({ test: v.test, message: v.message, calls: v.calls })) };
}

const tally = (rs: ClauseResult[]) => ({
  pass: rs.filter((r) => r.status === 'pass').length,
  fail: rs.filter((r) => r.status === 'fail').length,
  notApplicable: rs.filter((r) => r.status === 'not-applicable').length,
  expectedFail: rs.filter((r) => r.status === 'expected-fail').length,
  unexpectedPass: rs.filter((r) => r.status === 'unexpected-pass').length,
  total: rs.length,
});

/**
 * The run is ok when no MUST clause failed and no expectation stopped holding; with an expectations
 * file the run must match it exactly, so an unlisted SHOULD failure counts too.
 */
export function summarise(results: ClauseResult[], apiCalls: number, withExpectations = false): ConformanceReport['summary'] {
  return {
    must: tally(results.filter((r) => r.level === 'MUST')),
    should: tally(results.filter((r) => r.level === 'SHOULD')),
    apiCalls,
    ok: !results.some((r) => r.status === 'unexpected-pass' || (r.status === 'fail' && (r.level === 'MUST' || withExpectations))),
  };
}

/** Catalogue clauses no test declares. */
export const uncoveredClauses = (declared: Set<string>) => catalogue.filter((c) => !declared.has(c.id)).map((c) => c.id);

/** Clause results for a run: every clause any test declared (all of them on a full run). */
export function foldAll(runs: TestVerdicts[], declared: Set<string>, expectations: Expectations = {}) {
  return catalogue.filter((c) => declared.has(c.id)).map((c) => foldClause(c, runs, expectations[c.id]));
}
