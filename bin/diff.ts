// `cognito-conformance diff A B`: the same example scenarios and generated call sequences go to
// two endpoints; their normalised answers are compared path by path, and a generated sequence on
// which they disagree is shrunk by fast-check to the smallest one that still does. Everything runs
// in this process (no Playwright runner): the sides are driven with the suite's raw driver.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { DIFF_SCHEMA_VERSION, DiffReport, type DiffScenario, type Disagreement } from '../contracts/diff.ts';
import { answerDifferences } from '../contracts/snapshot.ts';
import { AWS_ISSUER } from '../contracts/token.ts';
import { redact } from '../fixtures/redact.ts';
import { play, scenarios, type Played } from '../fixtures/scenarios.ts';
import { asScenario, sequence, type Sequence } from '../fixtures/sequences.ts';
import { openSide, regionOf, type Side, type SideSpec } from '../fixtures/sides.ts';
import { renderDiffHtml } from '../reports/diff-html.ts';
import { renderDiffMarkdown } from '../reports/diff-markdown.ts';
import { suiteRecord } from '../reports/write.ts';
import { DIFF_USAGE, int, isHttpUrl, parse, positive, region as regionOption, UsageError } from './usage.ts';

export type DiffBudget = { runs: number; seed: number; maxCalls: number };

/** Long generated identifiers would drown a report line. */
const clip = (s: string, n = 600) => (s.length > n ? `${s.slice(0, n)}… (${s.length} characters)` : s);

/** Every place where two plays of one scenario differ: answers path by path, and inputs where an id was missing on one side. */
export function compare(scenario: string, a: Played, b: Played): Disagreement[] {
  const out: Disagreement[] = [];
  const n = Math.min(a.steps.length, b.steps.length);
  for (let i = 0; i < n; i++) {
    const [sa, sb] = [a.steps[i], b.steps[i]];
    const at = { scenario, step: i + 1, call: sa.call, input: sa.input };
    if (JSON.stringify(sa.input) !== JSON.stringify(sb.input)) out.push({ ...at, path: 'input', a: sa.input, b: sb.input });
    for (const d of answerDifferences(sa.answer, sb.answer)) out.push({ ...at, path: d.path, a: d.expected, b: d.received });
  }
  // A side that stopped early (budget, Ctrl-C) is not a disagreement: the steps it did not send are just not compared.
  if (!a.incomplete && !b.incomplete && a.steps.length !== b.steps.length) out.push({ scenario, step: 0, call: 'the scenario', path: 'steps', a: a.steps.length, b: b.steps.length, input: null });
  return out;
}

const scenarioOf = (name: string, kind: DiffScenario['kind'], a: Played, b: Played, disagreements: Disagreement[], sequenceText?: string): DiffScenario => ({
  name,
  kind,
  ...(sequenceText ? { sequence: sequenceText } : {}),
  steps: Array.from({ length: Math.max(a.steps.length, b.steps.length) }, (_, i) => ({ call: (a.steps[i] ?? b.steps[i]).call, input: (a.steps[i] ?? b.steps[i]).input, a: a.steps[i]?.answer, b: b.steps[i]?.answer })),
  disagreements,
  ...(a.incomplete || b.incomplete ? { incomplete: [a.incomplete && `A: ${a.incomplete}`, b.incomplete && `B: ${b.incomplete}`].filter(Boolean).join('; ') } : {}),
});

/** Opens both sides (closing the first if the second fails), runs `body`, and always closes both: every pool is deleted. */
async function withSides<T>(specs: [SideSpec, SideSpec], body: (a: Side, b: Side) => Promise<T>): Promise<T> {
  const opened = await Promise.allSettled(specs.map(openSide));
  const sides = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  try {
    const failed = opened.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    return await body(sides[0], sides[1]);
  } finally {
    await Promise.all(sides.map((s) => s.close()));
  }
}

/** `only`: the example scenarios to play (all of them by default; the suite's own tests pick one). */
export async function runDiff(specs: [SideSpec, SideSpec], budget: DiffBudget, replayBase = 'npx cognito-conformance diff A B', only?: string[]): Promise<DiffReport> {
  const started = new Date();
  const examples = only ? scenarios.filter((s) => only.includes(s.name)) : scenarios;
  return withSides(specs, async (A, B) => {
    const playAll = async (side: Side) => {
      const played: Played[] = [];
      for (const s of examples) played.push(await play(side, s.name, s.steps));
      return played;
    };
    const [pa, pb] = await Promise.all([playAll(A), playAll(B)]);
    const results = examples.map((s, i) => scenarioOf(s.name, 'example', pa[i], pb[i], compare(s.name, pa[i], pb[i])));

    // Generated sequences: the property fails on the first disagreement and fast-check shrinks it.
    let executions = 0;
    let stoppedBy: string | undefined;
    let last: { seq: Sequence; a: Played; b: Played; disagreements: Disagreement[] } | undefined;
    const property = fc.asyncProperty(sequence, async (seq) => {
      if (stoppedBy) return true; // out of budget: no more evidence either way
      const prefix = `g${++executions}`;
      const steps = asScenario(seq, prefix).steps;
      const [a, b] = await Promise.all([play(A, prefix, steps), play(B, prefix, steps)]);
      if (a.incomplete || b.incomplete) stoppedBy = a.incomplete ?? b.incomplete;
      const disagreements = compare('generated', a, b);
      if (!disagreements.length) return true;
      last = { seq, a, b, disagreements };
      return false;
    });
    const details = await fc.check(property, { numRuns: budget.runs, seed: budget.seed });
    const generated: DiffReport['generated'] = { runs: details.numRuns, failed: details.failed && !!last, ...(stoppedBy ? { stoppedBy } : {}) };
    if (details.failed && last) {
      const replay = `${replayBase} --seed ${details.seed} --runs ${budget.runs}`;
      Object.assign(generated, { shrinks: details.numShrinks, replay });
      const users = last.seq.users.map((u, i) => `u${i} = ${clip(JSON.stringify(u), 40)} (${u.length} characters)`).join(', ');
      results.push(scenarioOf('generated', 'generated', last.a, last.b, last.disagreements, `${clip(fc.stringify(last.seq.ops))}; generated part of the user identifiers: ${users}`));
    } else if (details.failed) throw details.errorInstance ?? new Error('the generated sequences did not run to the end');

    const disagreements = results.flatMap((s) => s.disagreements);
    return DiffReport.parse(
      redact({
        schemaVersion: DIFF_SCHEMA_VERSION,
        suite: suiteRecord(),
        a: { ...A.declared, calls: A.calls() },
        b: { ...B.declared, calls: B.calls() },
        startedAt: started.toISOString(),
        durationMs: Date.now() - started.getTime(),
        budget,
        generated,
        scenarios: results,
        disagreements,
        agree: disagreements.length === 0,
      }),
    );
  });
}

export function writeDiffReports(dir: string, report: DiffReport) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'diff.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(dir, 'diff.md'), renderDiffMarkdown(report));
  writeFileSync(join(dir, 'diff.html'), renderDiffHtml(report));
}

// ---- The command line ----------------------------------------------------------------------------

const sideOptions = (s: 'a' | 'b') =>
  ({
    [`${s}-region`]: { type: 'string' },
    [`${s}-issuer`]: { type: 'string' },
    [`${s}-jwks-url`]: { type: 'string' },
    [`${s}-profile`]: { type: 'string' },
    [`${s}-name`]: { type: 'string' },
  }) as const;

const OPTIONS = {
  ...sideOptions('a'),
  ...sideOptions('b'),
  runs: { type: 'string' },
  seed: { type: 'string' },
  'max-calls': { type: 'string' },
  out: { type: 'string', default: 'reports/latest' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = Record<string, string | boolean | undefined>;

/** One side from its positional argument and its --a-/--b- options; every mistake is a one-line UsageError. */
export function sideSpec(label: 'a' | 'b' | 'target', arg: string, v: Values, prefix: string, maxCalls: number, signal?: AbortSignal): SideSpec {
  const opt = (k: string) => v[`${prefix}${k}`] as string | undefined;
  const flag = (k: string) => `--${prefix}${k}`;
  const kind = arg === 'mock' || arg === 'moto' ? arg : 'endpoint';
  if (kind === 'endpoint' && !isHttpUrl(arg)) throw new UsageError(`${label === 'target' ? 'the target' : `side ${label.toUpperCase()}`} "${arg}" is not mock, moto or an http(s) URL`);
  if (kind !== 'endpoint' && opt('profile')) throw new UsageError(`${flag('profile')} goes with an endpoint URL, not ${arg}`);
  const region = opt('region') ?? (kind === 'endpoint' ? regionOf(arg) : undefined) ?? 'us-east-1';
  regionOption(`${prefix}region`, region);
  for (const k of ['issuer', 'jwks-url']) {
    const u = opt(k);
    if (u !== undefined && !URL.canParse(u)) throw new UsageError(`${flag(k)} "${u}" is not a URL`);
  }
  return {
    label,
    kind,
    name: opt('name') ?? (kind === 'endpoint' ? new URL(arg).host : kind),
    endpoint: kind === 'endpoint' ? arg : undefined,
    region,
    issuer: opt('issuer') ?? AWS_ISSUER,
    jwksUrl: opt('jwks-url'),
    profile: opt('profile'),
    envPrefix: label === 'target' ? undefined : `CC_${label.toUpperCase()}_`,
    maxCalls,
    signal,
  };
}

/** Ctrl-C stops sending at once and lets every side delete its pools; a second Ctrl-C quits without waiting. */
export function interruptible() {
  const ac = new AbortController();
  const onSignal = () => {
    if (ac.signal.aborted) process.exit(130);
    ac.abort();
    console.error('cognito-conformance: interrupted; deleting the identity pools made so far (Ctrl-C again to quit at once)');
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  return { signal: ac.signal, done: () => void process.off('SIGINT', onSignal).off('SIGTERM', onSignal) };
}

export async function diffCommand(argv: string[]): Promise<number> {
  const { values: v, positionals } = parse(argv, OPTIONS, true);
  if (v.help) return console.log(`usage:\n${DIFF_USAGE}`), 0;
  if (positionals.length !== 2) throw new UsageError(`diff takes two sides, A and B (mock, moto or an http(s) URL), not ${positionals.length}`);
  const both = positionals.every((p) => p === 'mock');
  const budget: DiffBudget = {
    runs: positive('runs', v.runs) ?? (both ? 100 : 25),
    seed: int('seed', v.seed) ?? Math.floor(Math.random() * 2 ** 31),
    maxCalls: positive('max-calls', v['max-calls']) ?? 5000,
  };
  const stop = interruptible();
  // From here every way out lets go of the signal handlers, a side that is bad usage included.
  try {
    const specs: [SideSpec, SideSpec] = [sideSpec('a', positionals[0], v, 'a-', budget.maxCalls, stop.signal), sideSpec('b', positionals[1], v, 'b-', budget.maxCalls, stop.signal)];
    const out = resolve(v.out as string);
    const replayBase = ['npx cognito-conformance diff', ...argv.filter((a, i) => !['--seed', '--runs'].includes(a) && !['--seed', '--runs'].includes(argv[i - 1]))].join(' ');
    const report = await runDiff(specs, budget, replayBase).catch((e) => {
      if (stop.signal.aborted) return undefined; // interrupted while the sides were being set up
      throw e;
    });
    if (!report || stop.signal.aborted) return 130;
    writeDiffReports(out, report);
    printDiff(report, out);
    return report.agree ? 0 : 1;
  } finally {
    stop.done();
  }
}

const show = (v: unknown) => clip(typeof v === 'string' ? v : JSON.stringify(v), 160);

function printDiff(r: DiffReport, out: string) {
  const lines = ['', `diff ${r.a.name} (A) against ${r.b.name} (B): ${r.scenarios.filter((s) => s.kind === 'example').length} example scenarios, ${r.generated.runs} generated sequences (seed ${r.budget.seed})`];
  // One line per call that disagreed: its first path with both values, then the other paths.
  const byCall = new Map<string, Disagreement[]>();
  for (const d of r.disagreements) {
    const key = `${d.scenario} #${d.step} ${d.call}`;
    byCall.set(key, [...(byCall.get(key) ?? []), d]);
  }
  for (const [call, ds] of [...byCall].slice(0, 60)) lines.push(`  ✘ ${call}: ${ds[0].path}: A ${show(ds[0].a)} | B ${show(ds[0].b)}${ds.length > 1 ? `; also ${ds.slice(1).map((d) => d.path).join(', ')}` : ''}`);
  if (byCall.size > 60) lines.push(`  … ${byCall.size - 60} more calls in ${out}/diff.md`);
  const incomplete = r.scenarios.filter((s) => s.incomplete);
  if (incomplete.length) lines.push(`  not compared to the end: ${incomplete.map((s) => `${s.name} (${s.incomplete})`).join('; ')}`);
  if (r.generated.stoppedBy) lines.push(`  generated sequences stopped early: ${r.generated.stoppedBy}`);
  if (r.generated.replay) lines.push(`  a generated sequence disagreed (shrunk ${r.generated.shrinks} times); replay: ${r.generated.replay}`);
  lines.push(
    '',
    `${r.agree ? 'AGREE' : `DISAGREE: ${r.disagreements.length} disagreement(s) in ${new Set(r.disagreements.map((d) => d.scenario)).size} scenario(s)`}; ${r.a.calls} calls to A, ${r.b.calls} calls to B; ${(r.durationMs / 1000).toFixed(1)} s; reports in ${out}/diff.{json,md,html}`,
  );
  console.log(lines.join('\n'));
}

