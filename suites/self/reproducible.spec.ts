// The same seed against the same target sends the same inputs: two CLI runs with --seed 42 against
// a served reference mock send the same generated values, in the same order, and a third run with
// another seed does not. Run-unique names (pools, the developer provider, users) are replaced by
// placeholders first: they differ by design, so that runs never meet on a shared target.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { http } from 'msw';
import { MockCognito } from '../../fixtures/mock/service.ts';
import { serve } from '../../fixtures/mock/server.ts';
import { cli, CREDS, readReport } from './run-cli.ts';

const GREP = 'property: any (TokenDuration below|TokenDuration above|malformed IdentityPoolId)';

/** Runs the properties against a fresh served mock and returns what they sent, run-unique names as placeholders. */
async function inputsOf(seed: number, out: string) {
  const mock = await MockCognito.create();
  const pools = new Set<string>();
  const sent: Record<string, unknown>[] = [];
  const served = await serve([
    http.all('*', async ({ request }) => {
      const op = request.headers.get('x-amz-target') ?? '';
      const body = await request.clone().text();
      const answer = await mock.handle(request);
      if (op.endsWith('.CreateIdentityPool')) pools.add((await answer.clone().json()).IdentityPoolId);
      if (op.endsWith('.GetOpenIdTokenForDeveloperIdentity')) sent.push(JSON.parse(body));
      return answer;
    }),
  ]);
  try {
    const r = await cli(['run', '--target', 'endpoint', '--endpoint', served.url, '--seed', String(seed), '--runs', '8', '--workers', '1', '--grep', GREP, '--out', out], CREDS);
    expect(r.code, r.stderr.join('\n')).toBe(0);
  } finally {
    await served.close();
  }
  const report = readReport(out);
  const inputs = sent.map((b) => ({
    ...b,
    IdentityPoolId: pools.has(b.IdentityPoolId as string) ? '<pool>' : b.IdentityPoolId,
    Logins: Object.keys((b.Logins as object) ?? {}).length,
  }));
  return { inputs, report };
}

test('the same seed against the same target sends the same inputs; another seed does not', async ({}, info) => {
  test.setTimeout(180_000);
  const first = await inputsOf(42, info.outputPath('a'));
  const again = await inputsOf(42, info.outputPath('b'));
  const other = await inputsOf(43, info.outputPath('c'));
  expect(first.inputs.length, 'calls the properties made').toBeGreaterThan(20);
  expect(again.inputs, 'seed 42 twice: the same requests in the same order').toEqual(first.inputs);
  expect(other.inputs, 'seed 43: other generated values').not.toEqual(first.inputs);
  // And the report says how to do it again.
  expect([first.report.run.seed, first.report.run.runs, other.report.run.seed]).toEqual([42, 8, 43]);
  expect(first.report.run.command).toMatch(/--seed 42 --runs 8$/);
});

test('a run without --seed picks one and records it in every report', async ({}, info) => {
  test.setTimeout(120_000);
  const out = info.outputPath('run');
  const r = await cli(['run', '--runs', '3', '--grep', 'property: any TokenDuration below', '--out', out]);
  expect(r.code, r.stderr.join('\n')).toBe(0);
  const report = readReport(out);
  expect(Number.isInteger(report.run.seed)).toBe(true);
  const seed = String(report.run.seed);
  expect(readFileSync(join(out, 'conformance.md'), 'utf8')).toContain(`seed ${seed}, 3 runs per property`);
  expect(readFileSync(join(out, 'conformance.html'), 'utf8')).toContain(`seed ${seed}, 3 runs per property`);
  expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain(`<property name="seed" value="${seed}"/>`);
  expect(r.stdout).toContain(`--seed ${seed} --runs 3`);
});
