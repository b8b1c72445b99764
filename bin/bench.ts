// Benchmark (not a timed test): wall time and API calls of a full run against the embedded mock,
// of the same run against the mock served over HTTP (whose own counter gives the exact number of
// requests, pool set-up included), and of the kill matrix. `npm run bench`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveMock } from './serve.ts';

const ROOT = resolve(import.meta.dirname, '..');

async function timed(args: string[], env: Record<string, string> = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/cognito-conformance.js', ...args], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, ...env } });
  const code = await new Promise<number | null>((ok) => child.on('close', ok));
  return { seconds: (performance.now() - started) / 1000, code };
}

const report = (dir: string) => JSON.parse(readFileSync(resolve(ROOT, dir, 'conformance.json'), 'utf8')) as { summary: { apiCalls: number; must: { pass: number; total: number } } };
const rows: string[][] = [];

const embedded = await timed(['run', '--out', 'reports/bench/embedded']);
rows.push(['run, embedded mock', embedded.seconds.toFixed(1), `${report('reports/bench/embedded').summary.apiCalls} (tests' own calls)`, `exit ${embedded.code}`]);

const served = await serveMock({ port: 0, host: '127.0.0.1', region: 'us-east-1', faults: [] });
// The same property budget as the embedded run; no quota (its pacing would dominate the time).
const http = await timed(['run', '--target', 'endpoint', '--endpoint', served.url, '--verifies-signatures', '--runs', '100', '--out', 'reports/bench/served'], { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' });
rows.push(['run, mock served over HTTP (no quota declared)', http.seconds.toFixed(1), `${served.mock.calls} (every request the mock answered, pool set-up included)`, `exit ${http.code}`]);
await served.close();

if (!process.argv.includes('--quick')) {
  const matrix = await timed(['mutants', '--out', 'reports/bench/mutants']);
  const m = JSON.parse(readFileSync(resolve(ROOT, 'reports/bench/mutants/mutants.json'), 'utf8')) as { faults: number; killed: number; score: number };
  rows.push(['kill matrix (mutants)', matrix.seconds.toFixed(1), `${m.killed}/${m.faults} faults killed (${m.score}%)`, `exit ${matrix.code}`]);
}

console.log(`cognito-conformance benchmark on ${(await import('node:os')).cpus().length} cores, node ${process.version}\n`);
console.log(['what', 'wall s', 'API calls / result', 'status'].join(' | '));
for (const r of rows) console.log(r.join(' | '));
