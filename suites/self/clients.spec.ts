// The client matrix discriminates: a fault in how errors are written breaks exactly the clients
// that read that part of the answer. botocore (boto3, the AWS CLI) takes the error name from the
// body's __type only; the JS SDK takes __type, then `code`, then the x-amzn-ErrorType header; a raw
// curl caller reads all three. A client that is not installed is reported, never failed.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clients } from '../../fixtures/clients/index.ts';
import type { ClientName } from '../../fixtures/clients/client.ts';
import { runClientMatrix, type ClientRunResult } from '../../fixtures/clients/matrix.ts';
import { mockSide } from '../../fixtures/clients/reference.ts';
import type { FaultName } from '../../fixtures/mock/faults.ts';
import { mockProfile } from '../../fixtures/target.ts';
import { renderClientsMarkdown } from '../../reports/clients.ts';
import { buildReport } from '../../reports/write.ts';
import { cli, CREDS, ONE_WORKER, readReport, usageCases, withMock } from './run-cli.ts';

/** Two successes and three kinds of error answer (client error, the injected 500, throttling). */
const SCENARIOS = ['create', 'retrieve', 'unknown pool', 'injected internal error', 'throttled'];
const ERRORS = SCENARIOS.slice(2);
let n = 0;
const user = (l: string) => `${l}-self-${++n}-${Math.random().toString(36).slice(2, 8)}`;

/** Each client against mocks of its own, all at once (an injected fault goes to whichever call comes next). */
const matrix = (fault: FaultName, names: ClientName[]): Promise<ClientRunResult[]> =>
  Promise.all(
    names.map(async (c) => {
      const target = await mockSide('us-east-1', [fault]);
      const reference = await mockSide();
      try {
        return await runClientMatrix(clients[c](), target.side, reference.side, { user, scenarios: SCENARIOS });
      } finally {
        await target.close();
        await reference.close();
      }
    }),
  );

/** Which scenarios failed for a client; a client not installed here must say how to install it. */
function failedOf(r: ClientRunResult) {
  if (!r.available) {
    expect(r.install, `${r.client} is not installed here: the report names its install command`).toMatch(/install/);
    return undefined;
  }
  expect(r.rows.map((x) => x.scenario)).toEqual(SCENARIOS);
  return r.rows.filter((x) => !x.ok).map((x) => x.scenario);
}

test('error names in the x-amzn-ErrorType header alone: the JS SDK reads them, boto3, the CLI and curl do not', async () => {
  test.setTimeout(120_000);
  const [js, boto3, awscli, curl] = await matrix('error-type-header-only', ['js', 'boto3', 'cli', 'curl']);
  expect(failedOf(js)).toEqual([]);
  for (const r of [boto3, awscli, curl]) {
    const failed = failedOf(r);
    if (failed) expect(failed, r.client).toEqual(ERRORS);
  }
  // What they saw instead: botocore names the error by its HTTP status; curl finds no __type.
  if (boto3.available) expect(boto3.rows.find((x) => x.scenario === 'unknown pool')!.saw).toBe('Error.Code 400, ClientError');
  if (awscli.available) expect(awscli.rows.find((x) => x.scenario === 'injected internal error')!.saw).toMatch(/An error occurred \(500\)/);
  if (curl.available) expect(curl.rows.find((x) => x.scenario === 'unknown pool')!.saw).toMatch(/no __type, x-amzn-ErrorType ResourceNotFoundException/);

  // The matrix in the Markdown report shows the difference cell by cell.
  const report = buildReport(mockProfile(), [], { started: new Date(), finished: new Date(), calls: 0, replays: [], clients: [js, boto3, awscli, curl] });
  const md = renderClientsMarkdown(report).join('\n');
  expect(md).toContain('| create | ✓ |');
  if (boto3.available) expect(md).toMatch(/\| unknown pool \| ✓ \| ✗ Error\.Code 400, ClientError \|/);
});

test('error names in the body alone (no x-amzn-ErrorType): only the raw caller notices', async () => {
  test.setTimeout(120_000);
  const results = await matrix('no-error-type-header', ['js', 'boto3', 'curl']);
  const [js, boto3, curl] = results.map(failedOf);
  expect(js).toEqual([]);
  if (boto3) expect(boto3).toEqual([]);
  if (curl) expect(curl).toEqual(ERRORS);
});

test('a client that is not installed is reported with the command that installs it, and fails nothing', async () => {
  const before = process.env.CC_AWS_CLI;
  process.env.CC_AWS_CLI = join(tmpdir(), 'no-such-aws-cli');
  try {
    const [r] = await matrix('no-error-type-header', ['cli']);
    expect(r).toMatchObject({ client: 'cli', available: false, install: 'apt-get install -y awscli', rows: [] });
    expect(r.reason).toMatch(/not found/);
  } finally {
    if (before === undefined) delete process.env.CC_AWS_CLI;
    else process.env.CC_AWS_CLI = before;
  }
});

usageCases([
  ['--clients with an unknown client', ['run', '--clients', 'js,dotnet'], /--clients: unknown client "dotnet"/],
  ['--clients with certify', ['certify', '--clients', 'all'], /certify takes no --clients/],
]);

test('a failing client row makes `run --clients` exit 1 and lands in conformance.json', async () => {
  test.setTimeout(120_000);
  const out = join(tmpdir(), `cc-clients-${process.pid}-${Date.now()}`);
  await withMock({ faults: ['error-type-header-only'] }, async (served) => {
    const r = await cli(['run', '--target', 'endpoint', '--endpoint', served.url, '--clients', 'js,curl', '--grep', 'client (js|curl)', ...ONE_WORKER, '--out', out], { ...CREDS, CC_QUIET: '1' });
    expect(r.code, r.stderr.join('\n')).toBe(1);
    const report = readReport(out);
    expect(report.clauses, 'client tests give no clause verdicts').toEqual([]);
    expect(report.clients.filter((c) => c.client === 'js').every((c) => c.ok)).toBe(true);
    expect(report.clients.find((c) => c.client === 'curl' && c.scenario === 'unknown pool')).toMatchObject({ ok: false, saw: expect.stringContaining('no __type') });
    expect(report.clientRuns.map((c) => c.client)).toEqual(['js', 'curl']);
    expect(readFileSync(join(out, 'conformance.md'), 'utf8')).toContain('## Clients');
    expect(readFileSync(join(out, 'conformance.html'), 'utf8')).toContain('<section id="clients">');
  });
});
