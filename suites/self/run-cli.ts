// Runs the command line as a user would, for the self-tests. Asynchronous, so that a mock served
// by the test process itself keeps answering while the command runs. With what those tests share:
// a served mock for the length of a test, the credentials it answers, the report a run wrote.
import { execFileSync, spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { serveMock } from '../../bin/serve.ts';
import { ConformanceReport } from '../../contracts/report.ts';
import { DEFAULT_CREDENTIALS } from '../../fixtures/mock/accounts.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The served mock's default credentials, where the command reads them (the SDK's standard chain). */
export const CREDS = { AWS_ACCESS_KEY_ID: DEFAULT_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: DEFAULT_CREDENTIALS.secretAccessKey };

/**
 * For a run whose subject is not concurrency: on a machine the self-tests keep busy a worker less is
 * about 1 s of CPU less, and the run is no slower (the served mock shares the same two cores).
 */
export const ONE_WORKER = ['--workers', '1'];

/** What a command printed on stderr, as its lines (npx's own warnings left out). */
const stderrLines = (text: string) => text.split('\n').filter((l) => l && !l.startsWith('npm warn'));

export async function cli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['bin/cognito-conformance.js', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((ok) => child.on('close', ok));
  return { code, stdout, stderr: stderrLines(stderr) };
}

export type Served = Awaited<ReturnType<typeof serveMock>>;

/** The reference mock served on a free loopback port while `fn` runs, closed after it whatever happens. */
export async function withMock<T>(opts: Partial<Parameters<typeof serveMock>[0]>, fn: (s: Served) => Promise<T>) {
  const served = await serveMock({ port: 0, host: '127.0.0.1', region: 'us-east-1', faults: [], ...opts });
  try {
    return await fn(served);
  } finally {
    await served.close();
  }
}

/** A suite (file or describe) of Playwright's JSON report, as `--list` writes it. */
export type Listed = {
  title?: string;
  suites?: Listed[];
  specs?: { title: string; tests: { projectName: string; annotations: { type: string; description?: string }[] }[] }[];
};

/** The tests `config` declares (`args`: more of Playwright's options, `env`: the run's variables), from Playwright's own `--list`. */
export function listTests(config: string, args: string[] = [], env: Record<string, string> = {}): Listed {
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const out = execFileSync(process.execPath, [cli, 'test', '--list', '--reporter=json', '--config', config, ...args], {
    cwd: dirname(config),
    encoding: 'utf8',
    // The JSON on stdout, even when the outer run writes its own JSON report to a file.
    env: { ...process.env, CC_QUIET: '1', PLAYWRIGHT_JSON_OUTPUT_NAME: undefined, ...env },
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out.slice(out.indexOf('{')));
}

/** The conformance.json a run wrote to `out` (relative to the repository, or absolute), checked against its schema. */
export const readReport = (out: string) => ConformanceReport.parse(JSON.parse(readFileSync(resolve(ROOT, out, 'conformance.json'), 'utf8')));

/**
 * A command line run in this process through the binary's own `outcome` (bin/cli.ts), its output
 * captured: for the usage cases, which stop before any work and would each pay a process start
 * (about 0.5 s of CPU) to print one line. `cli` runs the binary itself; its tests cover that
 * bin/cognito-conformance.js exits with what `outcome` returns.
 */
async function inProcess(args: string[], env: Record<string, string>) {
  const { outcome } = await import('../../bin/cli.ts');
  const printed = { stdout: '', stderr: '' };
  const streams = ['stdout', 'stderr'] as const;
  const writes = streams.map((name) => process[name].write);
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const name of streams) process[name].write = ((chunk: string | Uint8Array) => ((printed[name] += String(chunk)), true)) as typeof process.stdout.write;
  Object.assign(process.env, env);
  try {
    const code = await outcome(args);
    return { code, stdout: printed.stdout, stderr: stderrLines(printed.stderr) };
  } finally {
    streams.forEach((name, i) => (process[name].write = writes[i]));
    for (const [k, v] of Object.entries(before)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

/** Bad usage: a test per case, each showing exactly one line on stderr (the message, no stack trace) and exit 2. */
export function usageCases(cases: [what: string, args: string[], message: RegExp][], env: Record<string, string> = {}) {
  for (const [what, args, message] of cases)
    test(`${what}: one line, exit 2`, async () => {
      const r = await inProcess(args, env);
      expect(r.stderr, 'exactly one line, no stack trace').toHaveLength(1);
      expect(r.stderr[0]).toMatch(/^cognito-conformance: /);
      expect(r.stderr[0]).toMatch(message);
      expect(r.code).toBe(2);
    });
}
