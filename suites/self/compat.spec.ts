// The served reference mock with real clients from the machine image: boto3 drives every operation
// it implements (suites/self/compat/boto3_mock.py), and curl signs with its own --aws-sigv4.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { serveMock } from '../../bin/serve.ts';
import { operations } from '../../fixtures/mock/operations.ts';

const run = promisify(execFile);
const SCRIPT = resolve(import.meta.dirname, 'compat/boto3_mock.py');
const ACCOUNTS = [
  { accessKeyId: 'testing', secretAccessKey: 'testing' },
  { accessKeyId: 'second', secretAccessKey: 'second-secret' },
];

type Served = Awaited<ReturnType<typeof serveMock>>;
let served: Served;
test.beforeAll(async () => {
  served = await serveMock({ port: 0, host: '127.0.0.1', region: 'us-east-1', faults: [], credentials: ACCOUNTS, reset: true });
});
test.afterAll(async () => served?.close());

test('boto3 drives every operation the mock implements, its paginator and its error classes', async () => {
  test.setTimeout(60_000);
  const r = await run('python3', [SCRIPT, served.url], { env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' } }).catch(
    (e: { stdout: string; stderr: string }) => ({ stdout: e.stdout, stderr: e.stderr, failed: true }),
  );
  test.info().annotations.push({ type: 'boto3', description: r.stdout.trim() });
  expect('failed' in r ? r.stderr : '', r.stdout).toBe('');
  const covered = new Set(r.stdout.split('\n').map((l) => l.split(':')[0]));
  expect(Object.keys(operations).filter((op) => !covered.has(op)), 'operations the script does not drive').toEqual([]);
});

const curl = async (args: string[]) => {
  const { stdout } = await run('curl', ['-s', '-o', '-', '-w', '\n%{http_code}', ...args]);
  const lines = stdout.split('\n');
  return { status: Number(lines.pop()), body: lines.join('\n') };
};
const sigv4 = (region: string, key = 'testing:testing') => [
  '--aws-sigv4', `aws:amz:${region}:cognito-identity`, '--user', key,
  '-H', 'Content-Type: application/x-amz-json-1.1', '-H', 'X-Amz-Target: AWSCognitoIdentityService.ListIdentityPools',
  '-d', '{"MaxResults":5}',
];

test("curl's --aws-sigv4: any region, query strings, and a wrong secret refused", async () => {
  const plain = await curl([...sigv4('ap-southeast-2'), served.url]);
  expect(plain, plain.body).toMatchObject({ status: 200 });
  expect(JSON.parse(plain.body)).toEqual({ IdentityPools: [] });
  const query = await curl([...sigv4('eu-west-1'), `${served.url}/?a=1&b=two%20words`]);
  expect(query.status, query.body).toBe(200);
  const wrong = await curl([...sigv4('eu-west-1', 'testing:wrong'), served.url]);
  expect([wrong.status, JSON.parse(wrong.body).__type]).toEqual([400, 'InvalidSignatureException']);
});

test('POST /reset forgets every account\'s pools; it is off unless asked for beyond loopback', async () => {
  const create = ['-H', 'Content-Type: application/x-amz-json-1.1', '-H', 'X-Amz-Target: AWSCognitoIdentityService.CreateIdentityPool'];
  const made = await curl(['--aws-sigv4', 'aws:amz:us-east-1:cognito-identity', '--user', 'second:second-secret', ...create, '-d', '{"IdentityPoolName":"r","AllowUnauthenticatedIdentities":false}', served.url]);
  expect(made.status, made.body).toBe(200);
  expect((await curl(['-X', 'POST', `${served.url}/reset`])).status).toBe(200);
  const after = await curl([...sigv4('us-east-1', 'second:second-secret'), served.url]);
  expect(JSON.parse(after.body)).toEqual({ IdentityPools: [] });
  const off = await serveMock({ port: 0, host: '127.0.0.1', faults: [], reset: false });
  try {
    expect((await curl(['-X', 'POST', `${off.url}/reset`])).status).toBe(400);
  } finally {
    await off.close();
  }
});
