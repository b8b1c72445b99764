// Folds per-test verdicts into one result per clause, applies a target's expectations, and tallies.
// Pure: the reporter feeds it, the kill matrix and unit tests call it directly.
import { createHash } from 'node:crypto';
import { catalogue, type Clause } from '../contracts/clauses.ts';
import { modelledErrors } from '../contracts/operation.ts';
import { provokedBy } from '../contracts/exceptions.ts';
import type { ClauseResult, ClauseStatus, ConformanceReport, ExceptionRow, RootCause } from '../contracts/report.ts';
import type { Provoked, Verdict } from '../fixtures/verdicts.ts';

export type TestVerdicts = { test: string; verdicts: Verdict[]; evidence?: Record<string, unknown[]> };
export type Expectations = Record<string, string>; // clause id → reason it is expected to fail

export const catalogueHash = () => createHash('sha256').update(JSON.stringify(catalogue)).digest('hex').slice(0, 16);

export function foldClause(c: Clause, runs: TestVerdicts[], expected?: string): ClauseResult {
  const mine = runs.flatMap((r) => r.verdicts.filter((v) => v.clause === c.id).map((v) => ({ ...v, test: r.test, calls: r.evidence?.[c.id] ?? [] })));
  const failed = mine.filter((v) => v.status === 'fail');
  const passed = mine.filter((v) => v.status === 'pass');
  let status: ClauseStatus;
  let message: string | undefined;
  let blockedBy: string | undefined;
  if (!mine.length) [status, message] = ['fail', 'no test reported a verdict for this clause'];
  else if (failed.length) [status, message] = ['fail', failed[0].message];
  else if (passed.length) status = 'pass';
  else {
    // Not reached because a precondition failed names that clause (the root cause) before a missing capability.
    const blocked = mine.find((v) => v.blockedBy);
    [status, message] = ['not-applicable', (blocked ?? mine[0]).message];
    blockedBy = blocked?.blockedBy;
  }
  if (expected !== undefined) {
    if (status === 'fail') [status, message] = ['expected-fail', `${expected} (${message})`];
    else if (status === 'pass') [status, message] = ['unexpected-pass', `expected to fail (${expected}) but passed: update the expectations file`];
  }
  const { section, level, evidence, behaviour, id } = c;
  return { id, section, level, evidence, behaviour, status, message, blockedBy, tests: [...new Set(mine.map((v) => v.test))], failures: failed.map((v) => ({ test: v.test, message: v.message, calls: v.calls })) };
}

const tally = (rs: ClauseResult[]) => ({
  pass: rs.filter((r) => r.status === 'pass').length,
  fail: rs.filter((r) => r.status === 'fail').length,
  notApplicable: rs.filter((r) => r.status === 'not-applicable').length,
  notReached: rs.filter((r) => r.status === 'not-applicable' && r.blockedBy).length,
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

/** Clauses not reached, grouped under the failed clause that blocked them, most blocking first. */
export function rootCauses(results: ClauseResult[]): RootCause[] {
  const byId = new Map(results.map((r) => [r.id, r]));
  const groups = new Map<string, string[]>();
  for (const r of results) if (r.status === 'not-applicable' && r.blockedBy) groups.set(r.blockedBy, [...(groups.get(r.blockedBy) ?? []), r.id]);
  return [...groups]
    .map(([clause, notReached]) => {
      const c = byId.get(clause);
      return { clause, level: c?.level ?? 'MUST', status: c?.status ?? 'fail', notReached };
    })
    .sort((a, b) => b.notReached.length - a.notReached.length || a.clause.localeCompare(b.clause));
}

/**
 * The table of the seven declared exceptions: per exception, the clauses that provoked it on this run
 * (from the tests' PROVOKED records) and each distinct answer, and why a clause did not provoke it.
 */
export function exceptionTable(results: ClauseResult[], provoked: Provoked[]): ExceptionRow[] {
  const byId = new Map(results.map((r) => [r.id, r]));
  return modelledErrors.map((exception) => {
    const ids = provokedBy[exception];
    const answers = provoked.filter((p) => ids.includes(p.clause));
    const counted = new Map<string, { clause: string; answer: string; count: number }>();
    for (const p of answers) {
      const key = `${p.clause}\u0000${p.answer}`;
      counted.set(key, { clause: p.clause, answer: p.answer, count: (counted.get(key)?.count ?? 0) + 1 });
    }
    const silent = ids.filter((id) => !answers.some((p) => p.clause === id));
    const why = silent.map((id) => {
      const r = byId.get(id);
      if (!r) return `${id} was not run`;
      if (r.blockedBy) return `${id} was not reached (${r.blockedBy} failed)`;
      return `${id} ${r.status === 'not-applicable' ? `was not applicable: ${r.message ?? ''}` : 'provoked nothing'}`;
    });
    return {
      exception,
      clauses: ids.filter((id) => answers.some((p) => p.clause === id)),
      answered: [...counted.values()],
      thrown: answers.some((p) => p.answer.split(' ').slice(1).join(' ') === exception),
      ...(why.length ? { note: why.join('; ') } : {}),
    };
  });
}
