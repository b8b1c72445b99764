// Sharding: a run in two halves (`run --shard 1/2`, `run --shard 2/2`), merged by `merge`, gives the
// same clause verdicts, counts and exit code as the same run on one machine. Against a served mock
// with a fault, so that failed clauses and exit code 1 have to survive the merge too.
import { expect, test } from '@playwright/test';
import { DEFAULT_ACCOUNT_ID } from '../../fixtures/mock/accounts.ts';
import { ACCOUNT_PLACEHOLDER } from '../../fixtures/redact.ts';
import { cli, CREDS, ONE_WORKER, readReport, withMock } from './run-cli.ts';

const report = (dir: string) => {
  const r = readReport(dir);
  return { summary: r.summary, verdicts: Object.fromEntries(r.clauses.map((c) => [c.id, c.status])), tests: r.clauses.flatMap((c) => c.tests).length, run: { profile: r.run.profile, command: r.run.command } };
};

test('a run sharded in two and merged judges as the run on one machine', async ({}, info) => {
  test.setTimeout(180_000);
  await withMock({ faults: ['token-wrong-iss'] }, async (served) => {
    // The same seed and budget everywhere: the properties draw the same inputs in every layout (the
    // suite chooses a shard's share, whatever its workers).
    const target = ['--target', 'endpoint', '--endpoint', served.url, '--verifies-signatures', '--account-id', DEFAULT_ACCOUNT_ID, '--seed', '11', '--runs', '2', ...ONE_WORKER];
    const dir = (name: string) => info.outputPath(name);
    // Three runs at once on one mock: each needs a run id of its own (this process's would be inherited),
    // or one run's final sweep of its pool prefix would delete the others' pools.
    const [whole, half1, half2] = await Promise.all([
      cli(['run', ...target, '--out', dir('whole')], { ...CREDS, CC_RUN_ID: `${info.testId}w` }),
      cli(['run', ...target, '--shard', '1/2', '--out', dir('half1')], { ...CREDS, CC_RUN_ID: `${info.testId}a` }),
      cli(['run', ...target, '--shard', '2/2', '--out', dir('half2')], { ...CREDS, CC_RUN_ID: `${info.testId}b` }),
    ]);
    expect(whole.code, whole.stderr.join('\n')).toBe(1); // token.iss is a MUST clause
    expect([half1.code, half2.code], 'a shard judges nothing: it exits 0 with its blob report').toEqual([0, 0]);
    const merged = await cli(['merge', dir('half1'), dir('half2'), '--out', dir('merged')]);
    expect(merged.code, merged.stderr.join('\n')).toBe(whole.code);
    const [w, m] = [report(dir('whole')), report(dir('merged'))];
    expect(m.verdicts).toEqual(w.verdicts);
    expect(m.verdicts['token.iss']).toBe('fail');
    expect(m.summary).toEqual(w.summary);
    expect(m.tests).toBe(w.tests);
    // What the run declared, as the reports may show it (the account id as its placeholder).
    expect(m.run).toEqual(w.run);
    expect(m.run.profile.accountId).toBe(ACCOUNT_PLACEHOLDER);
    // One half alone is not a run: merge names the missing shard and judges nothing.
    const alone = await cli(['merge', dir('half1'), '--out', dir('alone')]);
    expect(alone.stderr).toEqual(['cognito-conformance: shard(s) 2 of 2 missing: merge needs every shard of the run']);
    expect(alone.code).toBe(2);
  });
});
