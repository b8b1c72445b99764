// The command line: bad usage answers one line and exit 2, never a stack trace.
import { expect, test } from '@playwright/test';
import { freePort } from '../../fixtures/moto.ts';
import { cli, CREDS, usageCases, withMock } from './run-cli.ts';

const usage: [string, string[], RegExp][] = [
  ['an unknown flag', ['run', '--no-such-flag'], /Unknown option '--no-such-flag'/],
  ['an unknown target', ['run', '--target', 'localstack'], /--target must be mock, endpoint or moto/],
  ['an endpoint target without a URL', ['run', '--target', 'endpoint'], /needs --endpoint URL/],
  ['a malformed URL', ['run', '--target', 'endpoint', '--endpoint', 'not a url'], /is not an http\(s\) URL/],
  ['a region that is not one', ['run', '--region', 'moon'], /--region "moon" is not an AWS region name/],
  ['a quota that is not a number', ['run', '--quota', 'lots'], /--quota takes a whole number/],
  ['a missing expectations file', ['run', '--expectations', 'no-such.json'], /--expectations no-such\.json: ENOENT/],
  ['an unknown command', ['conform'], /unknown command "conform"/],
  ['an unknown fault for the mock', ['mock', '--fault', 'nope'], /unknown fault nope/],
  ['expectations with certify', ['certify', '--expectations', 'x.json'], /certify takes no --expectations/],
  ['a subset with certify', ['certify', '--grep', 'token'], /certify takes no --grep/],
  ['zero workers', ['run', '--workers', '0'], /--workers must be at least 1/],
  ['a shard without a seed', ['run', '--shard', '1/2'], /--shard needs --seed N, the same on every shard/],
  ['a control socket in a missing folder', ['mock', '--port', '0', '--control', '/no-such-folder/cc.sock'], /cannot open the control socket \/no-such-folder\/cc.sock: E[A-Z]+$/],
  ['a mock region that is not one', ['mock', '--region', 'moon'], /--region "moon" is not an AWS region name/],
  ['an account id that is not one', ['run', '--account-id', '12345'], /--account-id: an account id is 12 digits/],
  ['a mock account id that is not one', ['mock', '--account-id', 'abc'], /--account-id "abc" is not an account id/],
  ['an access key without its secret', ['mock', '--port', '0', '--access-key', 'a', '--access-key', 'b', '--secret-key', 's'], /--access-key and --secret-key come in pairs/],
];

usageCases(usage);

test('an unreachable endpoint: one line, exit 2', async () => {
  const port = await freePort(); // free now, so nobody listens there
  const r = await cli(['run', '--target', 'endpoint', '--endpoint', `http://127.0.0.1:${port}`]);
  expect(r.stderr).toEqual([`cognito-conformance: cannot reach http://127.0.0.1:${port}: ECONNREFUSED`]);
  expect(r.code).toBe(2);
});

// Through the binary: Playwright runs, lists nothing, and the run says so. With an --out of its own:
// Playwright empties its output folder first, and the default one is npm test's own.
test('a grep that matches no test: one line, exit 2', async ({}, info) => {
  const r = await cli(['run', '--grep', 'no test is called this', '--out', info.outputPath('run')]);
  expect(r.stderr).toEqual(['cognito-conformance: --grep "no test is called this" matched no test']);
  expect(r.code).toBe(2);
});

test('--help prints the usage and exits 0', async () => {
  const r = await cli(['run', '--help']);
  expect(r.stdout).toContain('usage:');
  expect(r.code).toBe(0);
});

test('faults lists the catalogue with the clauses that catch each', async () => {
  const r = await cli(['faults']);
  expect(r.stdout).toMatch(/^retrieve-new-identity +.*\[identity\.retrieve/m);
  expect(r.code).toBe(0);
});

test('workers follow the endpoint: one per core on this machine, six where every call waits 40 ms', async () => {
  const workersFor = (latencyMs: number) =>
    withMock({ latencyMs }, async (served) => {
      const r = await cli(['run', '--target', 'endpoint', '--endpoint', served.url, '--grep', 'IdentityId has the model format', '--out', `reports/self-workers-${latencyMs}`], CREDS);
      expect(r.code, r.stderr.join('\n')).toBe(0);
      return r.stdout.split('\n').find((l) => l.startsWith('  workers: '));
    });
  expect(await workersFor(0)).toMatch(/^ {2}workers: \d+ \(round trip (<1|\d\.\d) ms, CPU-bound: one per core\)$/);
  expect(await workersFor(40)).toMatch(/^ {2}workers: 6 \(round trip \d+ ms, network-bound: workers overlap the round trips\)$/);
});
