// Verdicts from any endpoint in bounded time: the command line against endpoints that hang, dribble,
// flood, reset, answer garbage, an HTML 500, an empty 200 or wrongly typed JSON (fixtures/hostile.ts)
// ends with exit 1, a report judging every clause, no stack trace, within 60 s, and no pool left.
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { catalogue } from '../../contracts/clauses.ts';
import { describeHostile, hostileBehaviours, serveHostile, type HostileBehaviour } from '../../fixtures/hostile.ts';
import { cli, CREDS, ONE_WORKER, readReport } from './run-cli.ts';

/** Behaviours that give no usable answer: the run notices that the target stopped answering. */
const TRANSPORT: HostileBehaviour[] = ['never', 'dribble', 'flood', 'reset', 'garbage'];
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
const SUMMARY = /^MUST \d+\/\d+ pass.*; reports in .+\/$/;

test.describe.configure({ timeout: 180_000 });

async function runAgainst(behaviour: HostileBehaviour, setup: boolean, out: string) {
  const server = await serveHostile(behaviour, { setup });
  // The run's own choice of workers (one per core, at least two) where every worker must learn that
  // the target stopped answering (a file the run's workers share, fixtures/liveness.ts); one where
  // each answer is judged alone.
  const workers = TRANSPORT.includes(behaviour) && !setup ? [] : ONE_WORKER;
  try {
    const started = Date.now();
    const r = await cli(['run', '--target', 'endpoint', '--endpoint', server.url, '--runs', '5', ...workers, '--out', out], CREDS);
    return { ...r, ms: Date.now() - started, poolsLeft: [...server.pools.keys()] };
  } finally {
    await server.close();
  }
}

function judgedReport(r: Awaited<ReturnType<typeof runAgainst>>, out: string) {
  expect(r.code, r.stderr.join('\n')).toBe(1);
  expect(`${r.stdout}\n${r.stderr.join('\n')}`, 'no stack trace').not.toMatch(STACK_TRACE);
  expect(r.stdout.trim().split('\n').at(-1), 'the run ends on its verdict').toMatch(SUMMARY);
  expect(r.poolsLeft, 'every pool the run made is deleted').toEqual([]);
  const file = `${out}/conformance.json`;
  expect(existsSync(file), 'a report').toBe(true);
  const report = readReport(out);
  expect(report.clauses.map((c) => c.id).sort(), 'every clause has a verdict').toEqual(catalogue.map((c) => c.id).sort());
  for (const c of report.clauses) expect(c.message ?? '', `${c.id} is judged`).not.toMatch(/no test reported a verdict|never checked it/);
  expect(report.summary.must.fail, 'MUST clauses fail').toBeGreaterThan(0);
  // Last, so that a machine loaded by other work still shows every other property of the run.
  expect.soft(r.ms, 'the run ends within 60 s').toBeLessThan(60_000);
  return report;
}

for (const behaviour of hostileBehaviours)
  test(`an endpoint whose operations ${describeHostile[behaviour]}: exit 1, every clause judged, within 60 s`, async ({}, info) => {
    const out = info.outputPath('report');
    const r = await runAgainst(behaviour, false, out);
    const report = judgedReport(r, out);
    const stopped = r.stdout.split('\n').filter((l) => l.startsWith('cognito-conformance: the target stopped answering'));
    if (TRANSPORT.includes(behaviour)) {
      expect(stopped, 'one line says the target stopped answering').toHaveLength(1);
      expect(report.clauses.filter((c) => c.message?.includes('the target stopped answering')).length, 'later tests fail at once with that evidence').toBeGreaterThan(0);
    } else expect(stopped, 'an answer, however wrong, is judged as one').toEqual([]);
  });

for (const behaviour of ['never', 'html-500'] as const)
  test(`a target whose CreateIdentityPool ${describeHostile[behaviour]}: one line, a report, exit 1`, async ({}, info) => {
    const out = info.outputPath('report');
    const r = await runAgainst(behaviour, true, out);
    const report = judgedReport(r, out);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('cognito-conformance: the target could not be set up: '));
    expect(lines, 'one line says the target could not be set up').toHaveLength(1);
    expect(lines[0], 'and names the call that failed').toContain('CreateIdentityPool');
    for (const c of report.clauses) expect(c.status, c.id).toBe('fail');
  });
