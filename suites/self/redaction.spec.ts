// No report or attachment of a run contains a token, an Authorization header value or a secret.
// A run against a faulty served mock fails many clauses, so evidence full of signed requests and
// token-bearing answers is written; then every file the run wrote is searched.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cli, ONE_WORKER, withMock } from './run-cli.ts';

const SECRET = 'cc-Secret-Key-Never-Printed-0123456789';
// The account the run declares, and the other one the served mock puts in its ARNs: token.pool-arn fails, quoting neither.
const DECLARED_ACCOUNT = '123456789012';
const MOCK_ACCOUNT = '210987654321';
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

test('reports and attachments carry no token, Authorization value or secret', async ({}, info) => {
  test.setTimeout(180_000);
  const out = info.outputPath('run');
  const credentials = [{ accessKeyId: 'AKIDCONFORMANCE', secretAccessKey: SECRET, accountId: MOCK_ACCOUNT }];
  await withMock({ faults: ['duration-ignored', 'signature-ignored', 'unsigned-accepted'], credentials }, async (served) => {
    const r = await cli(['run', '--target', 'endpoint', '--endpoint', served.url, '--verifies-signatures', '--account-id', DECLARED_ACCOUNT, ...ONE_WORKER, '--out', out], { AWS_ACCESS_KEY_ID: 'AKIDCONFORMANCE', AWS_SECRET_ACCESS_KEY: SECRET });
    expect(r.code, r.stderr.join('\n')).toBe(1);
    // Every file the run wrote, read once: the reports and Playwright's own output (test-results/, under --out).
    const written = files(out).map((f) => [f, readFileSync(f, 'latin1')] as const);
    expect(written.some(([f]) => f.endsWith('conformance.json'))).toBe(true);
    // The evidence held tokens and signed requests: they are there, redacted.
    const evidence = written.map(([, text]) => text).join('\n');
    expect(evidence, 'a token answer in the evidence').toContain('<redacted jwt>');
    expect(evidence, 'a signed request in the evidence').toMatch(/"authorization": "<redacted \d+ chars>"/);
    const report = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8'));
    expect(report.clauses.find((c: { id: string }) => c.id === 'token.pool-arn').status, 'the ARN names another account').toBe('fail');
    expect(report.run.profile.accountId, 'the declared account, as a placeholder').toBe('<account-id>');
    for (const [what, text] of [...written, ['console output', r.stdout] as const]) {
      expect(text, `${what}: a token or a piece of one`).not.toMatch(/eyJ[\w-]{8,}/);
      expect(text, `${what}: a SigV4 signature`).not.toMatch(/Signature=[0-9a-f]{64}/);
      expect(text, `${what}: the secret key`).not.toContain(SECRET);
      for (const account of [DECLARED_ACCOUNT, MOCK_ACCOUNT]) expect(text, `${what}: an account id`).not.toContain(account);
    }
  });
});

test('snapshots, diff reports and their console output carry no token, signature or credential', async ({}, info) => {
  test.setTimeout(240_000);
  const out = info.outputPath('diff');
  const snapshot = join(out, 'snapshot.json');
  const creds = { AWS_ACCESS_KEY_ID: 'AKIDCONFORMANCE', AWS_SECRET_ACCESS_KEY: SECRET };
  await withMock({ faults: ['retrieve-new-identity', 'token-rs256'], credentials: [{ accessKeyId: 'AKIDCONFORMANCE', secretAccessKey: SECRET }] }, async (served) => {
    const recorded = await cli(['record', '--target', 'endpoint', '--endpoint', served.url, '--out', snapshot], creds);
    expect(recorded.code, recorded.stderr.join('\n')).toBe(0);
    // Side B signs with its own variables, not the standard chain.
    const diffed = await cli(['diff', 'mock', served.url, '--runs', '3', '--out', out], { CC_B_ACCESS_KEY_ID: 'AKIDCONFORMANCE', CC_B_SECRET_ACCESS_KEY: SECRET });
    expect(diffed.code, diffed.stderr.join('\n')).toBe(1);
    const judged = await cli(['run', '--snapshot', snapshot, '--grep', 'same developer user again', '--out', out]);
    expect(judged.code, 'the embedded mock retrieves; the recording of the faulty one does not').toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8'));
    expect(report.snapshot.differences).toContainEqual(expect.objectContaining({ scenario: 'identity.retrieve', path: 'answer.IdentityId' }));
    // Every file the three commands wrote, the nested run's own Playwright output included.
    const written = files(out);
    expect(written.map((f) => f.slice(out.length + 1)).sort()).toEqual(expect.arrayContaining(['diff.html', 'diff.json', 'diff.md', 'snapshot.json', 'conformance.md']));
    for (const [what, text] of [...written.map((f) => [f, readFileSync(f, 'latin1')]), ...[recorded, diffed, judged].map((r, i) => [`console of command ${i + 1}`, r.stdout + r.stderr.join('\n')])]) {
      expect(text, `${what}: a token or a piece of one`).not.toMatch(/eyJ[\w-]{8,}/);
      expect(text, `${what}: a SigV4 signature`).not.toMatch(/Signature=[0-9a-f]{64}/);
      expect(text, `${what}: the secret key`).not.toContain(SECRET);
      expect(text, `${what}: the access key id`).not.toContain('AKIDCONFORMANCE');
      expect(text, `${what}: an account id in an ARN`).not.toMatch(/arn:aws[\w-]*:[\w-]*:[\w-]*:\d{12}:/);
    }
  });
});
