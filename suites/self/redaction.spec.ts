// No report or attachment of a run contains a token, an Authorization header value or a secret.
// A run against a faulty served mock fails many clauses, so evidence full of signed requests and
// token-bearing answers is written; then every file the run wrote is searched.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveMock } from '../../bin/serve.ts';
import { cli } from './run-cli.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SECRET = 'cc-Secret-Key-Never-Printed-0123456789';
// The account the run declares, and the other one the served mock puts in its ARNs: token.pool-arn fails, quoting neither.
const DECLARED_ACCOUNT = '123456789012';
const MOCK_ACCOUNT = '210987654321';
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

test('reports and attachments carry no token, Authorization value or secret', async ({}, info) => {
  test.setTimeout(180_000);
  const served = await serveMock({ port: 0, host: '127.0.0.1', region: 'us-east-1', faults: ['duration-ignored', 'signature-ignored', 'unsigned-accepted'], credentials: [{ accessKeyId: 'AKIDCONFORMANCE', secretAccessKey: SECRET, accountId: MOCK_ACCOUNT }] });
  const out = info.outputPath('run');
  try {
    const r = await cli(['run', '--target', 'endpoint', '--endpoint', served.url, '--verifies-signatures', '--account-id', DECLARED_ACCOUNT, '--out', out], { AWS_ACCESS_KEY_ID: 'AKIDCONFORMANCE', AWS_SECRET_ACCESS_KEY: SECRET });
    expect(r.code, r.stderr.join('\n')).toBe(1);
    const written = files(out);
    expect(written.some((f) => f.endsWith('conformance.json'))).toBe(true);
    // The evidence held tokens and signed requests: they are there, redacted.
    const evidence = [...written, ...files(resolve(ROOT, out, 'test-results'))].map((f) => readFileSync(f, 'latin1')).join('\n');
    expect(evidence, 'a token answer in the evidence').toContain('<redacted jwt>');
    expect(evidence, 'a signed request in the evidence').toMatch(/"authorization": "<redacted \d+ chars>"/);
    const report = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8'));
    expect(report.clauses.find((c: { id: string }) => c.id === 'token.pool-arn').status, 'the ARN names another account').toBe('fail');
    expect(report.run.profile.accountId, 'the declared account, as a placeholder').toBe('<account-id>');
    for (const f of [...written, ...files(resolve(ROOT, out, 'test-results'))]) {
      const text = readFileSync(f, 'latin1');
      expect(text, `${f}: a token or a piece of one`).not.toMatch(/eyJ[\w-]{8,}/);
      expect(text, `${f}: a SigV4 signature`).not.toMatch(/Signature=[0-9a-f]{64}/);
      expect(text, `${f}: the secret key`).not.toContain(SECRET);
      for (const account of [DECLARED_ACCOUNT, MOCK_ACCOUNT]) expect(text, `${f}: an account id`).not.toContain(account);
      expect(r.stdout, 'console output: the secret key').not.toContain(SECRET);
      for (const account of [DECLARED_ACCOUNT, MOCK_ACCOUNT]) expect(r.stdout, 'console output: an account id').not.toContain(account);
    }
  } finally {
    await served.close();
  }
});
