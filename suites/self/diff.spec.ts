// diff, record and run --snapshot: the faithful mock agrees with itself and with its own
// recording; a faulty mock disagrees at the path that names its fault; a disagreement found only
// by a generated sequence is shrunk; bad usage is one line and exit 2.
import { expect, test } from '@playwright/test';
import { runDiff } from '../../bin/diff.ts';
import { playExamples, snapshotDifferences, snapshotOf } from '../../bin/record.ts';
import { AWS_ISSUER } from '../../contracts/token.ts';
import { Snapshot } from '../../contracts/snapshot.ts';
import type { FaultName } from '../../fixtures/mock/faults.ts';
import type { SideSpec } from '../../fixtures/sides.ts';
import { usageCases } from './run-cli.ts';

const mock = (label: string, faults: FaultName[] = []): SideSpec => ({ label, kind: 'mock', name: faults.length ? `mock with ${faults.join(', ')}` : 'mock', region: 'us-east-1', issuer: AWS_ISSUER, faults, maxCalls: 5000 });
const budget = { runs: 5, seed: 42, maxCalls: 5000 };

test('the faithful mock agrees with itself', async () => {
  const r = await runDiff([mock('a'), mock('b')], budget);
  expect(r.disagreements).toEqual([]);
  expect(r.agree).toBe(true);
  expect(r.scenarios.filter((s) => s.kind === 'example').length).toBeGreaterThanOrEqual(25);
  expect(r.a.calls).toBe(r.b.calls);
});

// Each fault shows up at the scenario and path that name what it breaks.
const caught: [FaultName, string, string][] = [
  ['retrieve-new-identity', 'identity.retrieve', 'answer.IdentityId'],
  ['link-not-idempotent', 'link.idempotent', 'answer.__type'],
  ['duration-default-3600', 'duration.default', 'token.exp-iat'],
  ['unsigned-accepted', 'auth.unsigned', 'status'],
  ['validation-as-invalid-parameter', 'input.pool-id-required', 'answer.__type'],
  ['token-wrong-iss', 'identity.create', 'token.iss'],
  ['token-foreign-key', 'identity.create', 'token.signature'],
  ['pool-not-found-wrong-message', 'pool.not-found', 'answer.message'],
];
for (const [fault, scenario, path] of caught)
  test(`the mock with ${fault} disagrees at ${scenario}: ${path}`, async () => {
    const r = await runDiff([mock('a'), mock('b', [fault])], { ...budget, runs: 1 }, undefined, [scenario]);
    expect(r.agree).toBe(false);
    expect(r.disagreements.map((d) => `${d.scenario}: ${d.path}`)).toContain(`${scenario}: ${path}`);
  });

test('a disagreement only a generated sequence finds is shrunk to a few calls', async () => {
  test.setTimeout(120_000);
  // A refused call with an IdentityId still links its user: no example scenario sends one.
  const r = await runDiff([mock('a'), mock('b', ['duration-checked-after-link'])], { runs: 30, seed: 1, maxCalls: 20_000 });
  expect(r.scenarios.filter((s) => s.kind === 'example').flatMap((s) => s.disagreements), 'no example scenario sends a refused call with an IdentityId').toEqual([]);
  const generated = r.scenarios.find((s) => s.kind === 'generated');
  expect(generated, 'a generated sequence disagreed').toBeTruthy();
  expect(r.generated.replay).toMatch(/--seed \d+ --runs 30/);
  expect(r.generated.shrinks).toBeGreaterThan(0);
  // The refused call, and a later call that finds its user linked: a handful of calls.
  expect(generated!.steps.length).toBeLessThanOrEqual(5);
});

test('a recording of the mock: the same mock has no difference, a faulty one differs where it breaks', async () => {
  const recorded = await playExamples(mock('target'));
  const snapshot = Snapshot.parse(JSON.parse(JSON.stringify(snapshotOf(recorded.declared, recorded.played))));
  expect(snapshotDifferences(snapshot, (await playExamples(mock('target'))).played)).toEqual([]);
  const faulty = snapshotDifferences(snapshot, (await playExamples(mock('target', ['retrieve-new-identity']))).played);
  expect(faulty).toContainEqual(expect.objectContaining({ scenario: 'identity.retrieve', step: 2, path: 'answer.IdentityId', expected: '<identity:1>', received: '<identity:2>' }));
});

const usage: [string, string[], RegExp][] = [
  ['diff with one side', ['diff', 'mock'], /diff takes two sides, A and B/],
  ['diff with a side that is none', ['diff', 'mock', 'localstack'], /side B "localstack" is not mock, moto or an http\(s\) URL/],
  ['diff with a bad region', ['diff', 'mock', 'mock', '--b-region', 'moon'], /--b-region "moon" is not an AWS region name/],
  ['diff with a profile for the mock', ['diff', 'mock', 'mock', '--a-profile', 'x'], /--a-profile goes with an endpoint URL/],
  ['diff with zero runs', ['diff', 'mock', 'mock', '--runs', '0'], /--runs must be at least 1/],
  ['record without --out', ['record'], /record needs --out FILE/],
  ['run with a missing snapshot', ['run', '--snapshot', 'no-such-snapshot.json'], /--snapshot no-such-snapshot\.json: ENOENT/],
  ['run with a file that is no snapshot', ['run', '--snapshot', 'package.json'], /--snapshot package\.json: /],
];
usageCases(usage);
