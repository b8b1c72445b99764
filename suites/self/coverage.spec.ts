// The catalogue and the suites agree: every clause has a test, every test names known clauses,
// and the catalogue holds every behaviour id of aws-behaviour.md where that document is at hand.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { catalogue, clause, isClauseId } from '../../contracts/clauses.ts';
import { uncoveredClauses } from '../../reports/fold.ts';
import { listTests, ROOT, type Listed } from './run-cli.ts';

test('every clause has a test and every test names known clauses', () => {
  const declared = new Set<string>();
  const walk = (s: Listed) => {
    for (const spec of s.specs ?? []) for (const t of spec.tests) for (const a of t.annotations) if (a.type === 'clause') declared.add(a.description!);
    for (const c of s.suites ?? []) walk(c);
  };
  walk(listTests(resolve(ROOT, 'playwright.config.ts'), ['--project=mock']));
  expect(declared.size, 'tests declaring clauses').toBeGreaterThan(0);
  expect([...declared].filter((id) => !isClauseId(id)), 'unknown clause ids named by tests').toEqual([]);
  expect(uncoveredClauses(declared), 'clauses without a test').toEqual([]);
});

test('an unknown clause id fails at load time', () => {
  expect(() => clause('identity.no-such-behaviour')).toThrow(/unknown clause id/);
});

test('the catalogue holds every behaviour of aws-behaviour.md, a MUST / SHOULD row as two clauses', () => {
  const doc = resolve(ROOT, '../shared/aws-behaviour.md');
  test.skip(!existsSync(doc), `${doc} is not beside this checkout (it is in CI and on the team's machines)`);
  const rows = readFileSync(doc, 'utf8').split('\n').map((l) => /^\| `([a-z][\w.-]+)` \| (MUST \/ SHOULD|MUST|SHOULD) \|/.exec(l)).filter((m) => m !== null);
  expect(rows.length).toBeGreaterThan(40);
  for (const [, id, level] of rows) {
    if (level === 'MUST / SHOULD') {
      expect(clause(id).level, id).toBe('MUST');
      expect(clause(`${id}.exact`).level, `${id}.exact`).toBe('SHOULD');
    } else expect(clause(id).level, id).toBe(level);
  }
  expect(catalogue.length).toBe(rows.reduce((n, [, , level]) => n + (level === 'MUST / SHOULD' ? 2 : 1), 0));
});
