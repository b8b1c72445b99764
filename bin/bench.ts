// Benchmark (not a timed test): wall and CPU times as ratios to Playwright's own floor (one empty
// test, in the same invocation, so that the machine's load at that moment divides out), medians of --reps runs.
// Rows: the floor; a default run against the embedded mock; a default `--target endpoint` run against
// the mock served with --latency ms per call (a network-bound target); a run in two shards and their
// merge; the kill matrix; `npm test`.
//   npm run bench [-- --quick] [--reps N] [--latency MS] [--readme]
// --quick: the floor and the two runs only. --readme: rewrites the README's speed table with the result.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serveMock } from './serve.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values: opts } = parseArgs({ options: { quick: { type: 'boolean' }, reps: { type: 'string', default: '3' }, latency: { type: 'string', default: '50' }, readme: { type: 'boolean' } } });
const REPS = Number(opts.reps);
const LATENCY = Number(opts.latency);

/**
 * Wall time, and CPU time (user + system) of the command and every process it waited for, which
 * other load on the machine inflates far less than wall time: bash's `times` prints it.
 */
type Timed = { seconds: number; cpu: number; code: number | null };
async function timed(command: string[], env: Record<string, string> = {}): Promise<Timed> {
  const started = performance.now();
  const script = '"$@" >/dev/null 2>&1; rc=$?; times; exit $rc';
  const child = spawn('bash', ['-c', script, 'bench', ...command], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ...env } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((ok) => child.on('close', ok));
  // `times`: the shell's own user and system time, then its children's (`0m1.234s 0m0.567s`).
  const [user = 0, sys = 0] = [...(out.trim().split('\n').at(-1) ?? '').matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { seconds: (performance.now() - started) / 1000, cpu: user + sys, code };
}
const cc = (...args: string[]) => [process.execPath, 'bin/cognito-conformance.js', ...args];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const summary = (dir: string) => JSON.parse(readFileSync(resolve(ROOT, dir, 'conformance.json'), 'utf8')) as { summary: { apiCalls: number; must: { pass: number; total: number }; should: { pass: number; total: number } } };
const verdict = (dir: string) => {
  const s = summary(dir).summary;
  return `MUST ${s.must.pass}/${s.must.total}, SHOULD ${s.should.pass}/${s.should.total}`;
};

// Playwright's floor: one empty test, written where the project's own @playwright/test resolves.
const FLOOR = 'reports/bench/floor';
mkdirSync(resolve(ROOT, FLOOR), { recursive: true });
writeFileSync(resolve(ROOT, FLOOR, 'empty.spec.ts'), "import { test } from '@playwright/test';\ntest('empty', () => {});\n");
writeFileSync(resolve(ROOT, FLOOR, 'floor.config.ts'), "import { defineConfig } from '@playwright/test';\nexport default defineConfig({ testDir: '.', reporter: 'null' });\n");
const floorRun = () => timed([process.execPath, 'node_modules/@playwright/test/cli.js', 'test', '-c', `${FLOOR}/floor.config.ts`]);

// The mock served as a remote target would be, as `cognito-conformance mock --latency LATENCY` serves
// it: every answer delayed around LATENCY ms (between half and one and a half times, fixtures/mock/distance.ts).
const served = await serveMock({ port: 0, host: '127.0.0.1', region: 'us-east-1', faults: [], latencyMs: LATENCY });
const mock = served.mock;
const creds = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };

type Row = { what: string; runs: Timed[]; detail: string };
const rows: Row[] = [];
const floor: Timed[] = [];
const embedded: Timed[] = [];
const remote: Timed[] = [];
const remoteCalls: number[] = [];
const load = [loadavg()[0]];

// Interleaved, so that each repetition of a run has a floor measured at the same moment.
for (let i = 0; i < REPS; i++) {
  floor.push(await floorRun());
  embedded.push(await timed(cc('run', '--out', 'reports/bench/embedded')));
  const before = mock.calls;
  remote.push(await timed(cc('run', '--target', 'endpoint', '--endpoint', served.url, '--verifies-signatures', '--out', 'reports/bench/served'), creds));
  remoteCalls.push(mock.calls - before);
}
await served.close();
rows.push({ what: "Playwright's floor (one empty test)", runs: floor, detail: '' });
rows.push({ what: '`run`, embedded mock (100 runs per property)', runs: embedded, detail: `${verdict('reports/bench/embedded')}; ${summary('reports/bench/embedded').summary.apiCalls} API calls` });
rows.push({
  what: `\`run --target endpoint\`, mock served with ${LATENCY} ms per call (25 runs per property)`,
  runs: remote,
  detail: `${verdict('reports/bench/served')}; ${median(remoteCalls)} requests (pools included)`,
});

if (!opts.quick) {
  // Sharding, once: two halves as two machines would run them (here one after the other, the same
  // seed), then merge. Wall: the slower half plus the merge, what two machines would take.
  const seed = ['--seed', '7'];
  const halves = [await timed(cc('run', ...seed, '--shard', '1/2', '--out', 'reports/bench/shard-1')), await timed(cc('run', ...seed, '--shard', '2/2', '--out', 'reports/bench/shard-2'))];
  const merged = await timed(cc('merge', 'reports/bench/shard-1', 'reports/bench/shard-2', '--out', 'reports/bench/merged'));
  rows.push({
    what: '`run --shard 1/2` and `2/2` as on two machines, then `merge` (embedded mock)',
    runs: [{ seconds: Math.max(...halves.map((h) => h.seconds)) + merged.seconds, cpu: halves[0].cpu + halves[1].cpu + merged.cpu, code: merged.code }],
    detail: `halves ${halves.map((h) => `${h.seconds.toFixed(1)} s`).join(' and ')}, merge ${merged.seconds.toFixed(1)} s; ${verdict('reports/bench/merged')}`,
  });
  // Once each: they take both cores for a minute or more.
  const matrix = await timed(cc('mutants', '--out', 'reports/bench/mutants'));
  const m = JSON.parse(readFileSync(resolve(ROOT, 'reports/bench/mutants/mutants.json'), 'utf8')) as { faults: number; killed: number; imprecise: string[] };
  rows.push({ what: 'kill matrix (`mutants`)', runs: [matrix], detail: `${m.killed}/${m.faults} faults killed, ${m.imprecise.length} imprecise` });
  const npmTest = await timed(['npm', 'test'], { CC_QUIET: '1' });
  rows.push({ what: '`npm test`', runs: [npmTest], detail: '' });
}
load.push(loadavg()[0]);

const base = median(floor.map((t) => t.seconds));
const baseCpu = median(floor.map((t) => t.cpu));
const table = [
  '| what | wall (median) | × floor | CPU (median) | × floor | runs | result |',
  '|---|---|---|---|---|---|---|',
  ...rows.map((r) => {
    const [s, c] = [median(r.runs.map((t) => t.seconds)), median(r.runs.map((t) => t.cpu))];
    const codes = [...new Set(r.runs.map((t) => t.code))].join('/');
    return `| ${r.what} | ${s.toFixed(1)} s | ${(s / base).toFixed(1)}× | ${c.toFixed(1)} s | ${(c / baseCpu).toFixed(1)}× | ${r.runs.length} | ${r.detail ? `${r.detail}; ` : ''}exit ${codes} |`;
  }),
].join('\n');
const where = `${cpus().length} cores, Node ${process.version}, load average ${load.map((l) => l.toFixed(1)).join(' → ')} during the benchmark`;
console.log(`${table}\n\n${where}`);

if (opts.readme) {
  // The table goes between the README's bench markers; the rest of the section is prose.
  const file = resolve(ROOT, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const marked = /(<!-- bench:start -->\n)[\s\S]*?(\n<!-- bench:end -->)/;
  if (!marked.test(readme)) throw new Error('README.md has no <!-- bench:start --> ... <!-- bench:end --> markers');
  writeFileSync(file, readme.replace(marked, `$1${table}\n\n${where}$2`));
  console.log('README.md: speed table rewritten');
}
