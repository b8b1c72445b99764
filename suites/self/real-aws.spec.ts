// Safe on a real account, shown against the served mock: the plan and --dry-run, the call budget,
// --pool-id (no pool made, no identity left, also after Ctrl-C), sweep, DeleteIdentities and the
// mock at a distance (latency, control-plane rate, pool limit).
import { spawn } from 'node:child_process';
import { CognitoIdentityClient, CreateIdentityPoolCommand, DeleteIdentitiesCommand, GetOpenIdTokenForDeveloperIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { expect, test } from '@playwright/test';
import { Api, CallLog, makeClient } from '../../fixtures/api.ts';
import { DEFAULT_CREDENTIALS } from '../../fixtures/mock/accounts.ts';
import type { MockCognito } from '../../fixtures/mock/service.ts';
import { poolStart, stamp } from '../../fixtures/pools.ts';
import { cli, CREDS, readReport, ROOT, usageCases, withMock, type Served } from './run-cli.ts';

// Each test runs the command line, often a whole (small) Playwright run: generous on a loaded machine.
test.describe.configure({ timeout: 300_000 });

const target = (s: Served) => ['--target', 'endpoint', '--endpoint', s.url];
const clauses = (out: string) => Object.fromEntries(readReport(out).clauses.map((c) => [c.id, c]));

/** A pool made "beforehand" by the account's owner, with one identity of its own that must survive. */
function ownersPool(mock: MockCognito) {
  const pool = mock.state().createPool({ IdentityPoolName: 'owners-app', AllowUnauthenticatedIdentities: false, DeveloperProviderName: 'login.owners-app', SupportedLoginProviders: {} });
  const { identityId } = mock.state().registerOrLink(pool.IdentityPoolId, undefined, [{ provider: 'login.owners-app', user: 'a-real-user' }]);
  return { id: pool.IdentityPoolId, owned: identityId };
}
const identitiesIn = (mock: MockCognito, pool: string) => [...mock.state().identities].filter(([, i]) => i.poolId === pool).map(([id]) => id);

test('--dry-run prints the plan and makes no call', async () => {
  await withMock({}, async (s) => {
    const r = await cli(['run', ...target(s), '--dry-run', '--runs', '5'], CREDS);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^plan for http:\/\/127\.0\.0\.1:\d+:$/m);
    expect(r.stdout).toMatch(/pools: creates at most 48 \(6 workers × 8\), named cc-conformance-\d{8}t\d{6}-[a-z0-9]+-\*/);
    expect(r.stdout).toMatch(/calls: no limit .*about \d+ expected at --runs 5/);
    const given = await cli(['run', ...target(s), '--dry-run', '--pool-id', 'us-east-1:00000000-0000-0000-0000-000000000000', '--max-calls', '300'], CREDS);
    expect(given.stdout).toMatch(/pools: creates none; works in us-east-1:0{8}-/);
    expect(given.stdout).toMatch(/calls: at most 300, clean-up included/);
    expect(s.mock.calls, 'API calls the mock answered').toBe(0);
  });
});

test('an AWS endpoint gets a conservative pace and a default budget in its plan', async () => {
  const r = await cli(['run', '--target', 'endpoint', '--endpoint', 'https://cognito-identity.eu-west-1.amazonaws.com', '--region', 'eu-west-1', '--dry-run', '--runs', '5'], CREDS);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/pools: creates at most 8 \(1 worker × 8\)/);
  expect(r.stdout).toMatch(/calls: at most \d+00, clean-up included \(the default for AWS endpoints/);
  expect(r.stdout).toMatch(/pace: +10 calls\/s, control plane 1 call\/s \(AWS defaults/);
});

test('run --max-calls 40 makes at most 40 calls, leaves no pool, and what it could not reach is not applicable', async () => {
  await withMock({}, async (s) => {
    const out = 'reports/self-max-calls';
    const r = await cli(['run', ...target(s), '--max-calls', '40', '--runs', '3', '--grep', 'identity|linking', '--out', out], CREDS);
    expect(r.code, r.stderr.join('\n')).toBe(0);
    expect(s.mock.calls, 'API calls the mock answered').toBeLessThanOrEqual(40);
    expect(s.mock.calls, 'the budget was used, not ignored').toBeGreaterThan(20);
    expect(s.mock.state().pools.size, 'pools left').toBe(0);
    const spent = Object.values(clauses(out)).filter((c) => /call budget spent/.test(JSON.stringify(c)));
    expect(spent.length, 'clauses not reached').toBeGreaterThan(0);
    for (const c of spent) expect(c.status).toBe('not-applicable');
  });
});

test('--pool-id: the run creates no pool and leaves no identity of its own', async () => {
  await withMock({}, async (s) => {
    const given = ownersPool(s.mock);
    const out = 'reports/self-pool-id';
    const r = await cli(['run', ...target(s), '--pool-id', given.id, '--runs', '2', '--grep', 'identity|linking|provider|pool', '--out', out], CREDS);
    expect(r.code, r.stderr.join('\n')).toBe(0);
    expect([...s.mock.state().pools.keys()], 'only the given pool').toEqual([given.id]);
    expect(identitiesIn(s.mock, given.id), "only the owner's identity is left").toEqual([given.owned]);
    const c = clauses(out);
    expect(c['identity.retrieve'].status).toBe('pass');
    for (const id of ['provider.pool-without-developer-provider', 'link.foreign-identity', 'pool.not-found']) {
      expect(c[id].status, id).toBe('not-applicable');
      expect(JSON.stringify(c[id]), id).toMatch(/--pool-id/);
    }
  });
});

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  test(`${signal === 'SIGINT' ? 'Ctrl-C' : 'SIGTERM'} during a --pool-id run still deletes the identities it made`, async () => {
    await withMock({}, async (s) => {
      const given = ownersPool(s.mock);
      const child = spawn(process.execPath, ['bin/cognito-conformance.js', 'run', ...target(s), '--pool-id', given.id, '--runs', '200', '--grep', 'property', '--out', `reports/self-${signal}`], {
        cwd: ROOT,
        env: { ...process.env, ...CREDS },
        stdio: 'ignore',
        detached: true, // its own process group, as a terminal's foreground job
      });
      const closed = new Promise<number | null>((ok) => child.on('close', ok));
      await expect.poll(() => identitiesIn(s.mock, given.id).length, { timeout: 200_000, intervals: [100] }).toBeGreaterThan(20);
      // Ctrl-C reaches the whole foreground group (the CLI, Playwright and its workers); SIGTERM (kill, a CI cancel) only the CLI.
      if (signal === 'SIGINT') process.kill(-child.pid!, signal);
      else child.kill(signal);
      await closed;
      expect(identitiesIn(s.mock, given.id), "only the owner's identity is left").toEqual([given.owned]);
      expect(s.mock.state().pools.size).toBe(1);
    });
  });

test('sweep --older-than 0 deletes exactly the pools with the suite prefix; the default keeps a recent run', async () => {
  await withMock({}, async (s) => {
    const make = (IdentityPoolName: string) => s.mock.state().createPool({ IdentityPoolName, AllowUnauthenticatedIdentities: false, SupportedLoginProviders: {} }).IdentityPoolId;
    const old = make('cc-conformance-20260101t000000-abc12345-0-1');
    const recent = make(`cc-conformance-${stamp(new Date())}-def67890-1-1`);
    const others = ['my-app', 'cc-conformance-no-start-time', 'xcc-conformance-20260101t000000-abc12345-0-1'].map(make);
    const dry = await cli(['sweep', '--endpoint', s.url, '--older-than', '0', '--dry-run'], CREDS);
    expect(dry.stdout).toMatch(/would delete 2 identity pool/);
    expect(s.mock.state().pools.size).toBe(5);
    const byDefault = await cli(['sweep', '--endpoint', s.url], CREDS);
    expect(byDefault.code).toBe(0);
    expect(byDefault.stdout).toContain(`deleted ${old} cc-conformance-20260101t000000-abc12345-0-1`);
    expect(byDefault.stdout).toMatch(/kept 1 younger one/);
    const all = await cli(['sweep', '--endpoint', s.url, '--older-than', '0'], CREDS);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain(`deleted ${recent} `);
    expect([...s.mock.state().pools.keys()].sort()).toEqual([...others].sort());
  });
});

test('pool names carry the start time that sweep reads', () => {
  expect(stamp(new Date('2026-11-22T08:15:00.123Z'))).toBe('20261122t081500');
  expect(poolStart('cc-conformance-20261122t081500-abc12345-0-1')?.toISOString()).toBe('2026-11-22T08:15:00.000Z');
  expect(poolStart('cc-conformance-abc12345-0-1')).toBeUndefined();
  expect(poolStart('my-cc-conformance-20261122t081500-abc12345-0-1')).toBeUndefined();
});

const usage: [string, string[], RegExp][] = [
  ['a public login without an app id', ['run', '--public-login', 'graph.facebook.com=token'], /--public-login takes PROVIDER=APP_ID:TOKEN/],
  ['--pool-id on the embedded mock', ['run', '--pool-id', 'us-east-1:x'], /--pool-id goes with --target endpoint/],
  ['a zero budget', ['run', '--max-calls', '0'], /--max-calls must be at least 1/],
  ['a duration that is not one', ['sweep', '--endpoint', 'http://127.0.0.1:1', '--older-than', 'soon'], /--older-than takes a duration/],
  ['a negative latency', ['mock', '--latency=-5'], /--latency must be 0 or more/],
];
usageCases(usage, CREDS);

test('--pool-id of a pool without a developer provider, or with another public app: one line, exit 2', async () => {
  await withMock({}, async (s) => {
    const bare = s.mock.state().createPool({ IdentityPoolName: 'bare', AllowUnauthenticatedIdentities: false, SupportedLoginProviders: { 'graph.facebook.com': '111' } }).IdentityPoolId;
    const r = await cli(['run', ...target(s), '--pool-id', bare], CREDS);
    expect(r.stderr).toEqual([`cognito-conformance: --pool-id ${bare}: the pool has no developer provider (DeveloperProviderName), which the operation needs`]);
    expect(r.code).toBe(2);
    const dev = s.mock.state().createPool({ IdentityPoolName: 'dev', AllowUnauthenticatedIdentities: false, DeveloperProviderName: 'login.x', SupportedLoginProviders: { 'graph.facebook.com': '111' } }).IdentityPoolId;
    const other = await cli(['run', ...target(s), '--pool-id', dev, '--public-login', 'graph.facebook.com=222:secret-token'], CREDS);
    expect(other.stderr).toEqual([`cognito-conformance: --public-login: pool ${dev} names app id 111 for graph.facebook.com, not 222`]);
    const missing = await cli(['run', ...target(s), '--pool-id', 'us-east-1:00000000-0000-0000-0000-000000000000'], CREDS);
    expect(missing.stderr[0]).toMatch(/--pool-id us-east-1:0{8}-.*: DescribeIdentityPool answered ResourceNotFoundException/);
  });
});

test('the mock deletes identities as AWS does: 1..60 ids, unknown ones are no error', async () => {
  await withMock({}, async (s) => {
    const client = new CognitoIdentityClient({ endpoint: s.url, region: 'us-east-1', credentials: DEFAULT_CREDENTIALS, maxAttempts: 1 });
    const { IdentityPoolId } = await client.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'p', AllowUnauthenticatedIdentities: false, DeveloperProviderName: 'login.p' }));
    const { IdentityId } = await client.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId, Logins: { 'login.p': 'u' } }));
    const ghost = 'us-east-1:00000000-0000-0000-0000-000000000000';
    const r = await client.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: [IdentityId!, ghost] }));
    expect(r.UnprocessedIdentityIds).toEqual([]);
    expect(s.mock.state().identities.has(IdentityId!)).toBe(false);
    const again = await client.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId, Logins: { 'login.p': 'u' } }));
    expect(again.IdentityId, 'the user gets a new identity').not.toBe(IdentityId);
    for (const ids of [[], Array.from({ length: 61 }, () => ghost)])
      await expect(client.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: ids }))).rejects.toMatchObject({
        name: 'ValidationException',
        message: expect.stringMatching(/^1 validation error detected: Value .* at 'identityIdsToDelete' failed to satisfy constraint: Member must have length (greater|less) than or equal to (1|60)$/),
      });
  });
});

test('the mock at a distance: latency, control-plane throttling, the pool limit', async () => {
  await withMock({ latencyMs: 40, account: { controlPlaneRps: 5, maxPools: 3 } }, async (s) => {
    const client = new CognitoIdentityClient({ endpoint: s.url, region: 'us-east-1', credentials: DEFAULT_CREDENTIALS, maxAttempts: 1 });
    const create = (i: number) => client.send(new CreateIdentityPoolCommand({ IdentityPoolName: `p${i}`, AllowUnauthenticatedIdentities: false })).then(() => 'ok', (e: Error) => e.name);
    const started = performance.now();
    const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => create(i)));
    expect(performance.now() - started, 'answers come late').toBeGreaterThanOrEqual(20);
    expect(burst.filter((x) => x === 'TooManyRequestsException').length, burst.join(', ')).toBe(3);
    expect(burst.filter((x) => x === 'LimitExceededException').length, burst.join(', ')).toBe(2);
    expect(s.mock.state().pools.size).toBe(3);
  });
});

test('set-up and clean-up calls are retried with backoff when the control plane throttles them', async () => {
  await withMock({ account: { controlPlaneRps: 1 } }, async (s) => {
    const conn = { endpoint: s.url, region: 'us-east-1', credentials: DEFAULT_CREDENTIALS };
    const setup = new Api(makeClient(conn, 5), conn, new CallLog());
    const made = await Promise.all([1, 2, 3].map((i) => setup.createPool({ IdentityPoolName: `p${i}`, AllowUnauthenticatedIdentities: false })));
    expect(made.map((r) => (r.ok ? 'ok' : r.error))).toEqual(['ok', 'ok', 'ok']);
    const deleted = await Promise.all(made.map((r) => setup.deletePool((r as { output: { IdentityPoolId: string } }).output.IdentityPoolId)));
    expect(deleted.map((r) => (r.ok ? 'ok' : r.error))).toEqual(['ok', 'ok', 'ok']);
    expect(s.mock.account!.refused, 'throttled attempts that were retried').toBeGreaterThan(0);
    expect(s.mock.state().pools.size).toBe(0);
  });
});
