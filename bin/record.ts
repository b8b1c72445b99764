// `cognito-conformance record --out FILE`: one endpoint's normalised answers to the example
// scenarios, written as a reviewable snapshot (sorted keys, placeholders for every id, no token,
// signature, credential or account id). `run --snapshot FILE` plays the same scenarios against its
// target and lists every place where the answers differ from the recording.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ConformanceReport } from '../contracts/report.ts';
import { answerDifferences, SNAPSHOT_SCHEMA_VERSION, Snapshot, stableJson, type SnapshotDifference, type SnapshotJudgement } from '../contracts/snapshot.ts';
import { redact } from '../fixtures/redact.ts';
import { play, scenarios, type Played } from '../fixtures/scenarios.ts';
import { openSide, type SideSpec } from '../fixtures/sides.ts';
import type { TargetProfile } from '../fixtures/target.ts';
import { suiteRecord, writeReports } from '../reports/write.ts';
import { interruptible, sideSpec } from './diff.ts';
import { parse, positive, readJsonOption, RECORD_USAGE, TARGET_OPTIONS, UsageError } from './usage.ts';

/** Plays every example scenario on one side, which makes and always deletes its own pools. */
export async function playExamples(spec: SideSpec): Promise<{ declared: Awaited<ReturnType<typeof openSide>>['declared']; played: Map<string, Played>; calls: number }> {
  const side = await openSide(spec);
  try {
    const played = new Map<string, Played>();
    for (const s of scenarios) played.set(s.name, await play(side, s.name, s.steps));
    return { declared: side.declared, played, calls: side.calls() };
  } finally {
    await side.close();
  }
}

export function snapshotOf(declared: Snapshot['target'], played: Map<string, Played>): Snapshot {
  const incomplete = [...played].filter(([, p]) => p.incomplete);
  if (incomplete.length) throw new Error(`the recording is incomplete: ${incomplete.map(([n, p]) => `${n} (${p.incomplete})`).join('; ')}`);
  return Snapshot.parse(
    redact({
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      recordedAt: new Date().toISOString(),
      suite: suiteRecord(),
      target: declared,
      scenarios: Object.fromEntries([...played].map(([n, p]) => [n, { steps: p.steps }])),
    }),
  );
}

/** Reads and checks a snapshot file; any problem is a one-line UsageError. */
export const readSnapshot = (file: string): Snapshot => readJsonOption('snapshot', file, Snapshot);

/** Every place where `played` differs from the recording, scenario by scenario and step by step. */
export function snapshotDifferences(snapshot: Snapshot, played: Map<string, Played>): SnapshotDifference[] {
  const out: SnapshotDifference[] = [];
  for (const [scenario, recorded] of Object.entries(snapshot.scenarios)) {
    const now = played.get(scenario);
    if (!now) {
      out.push({ scenario, path: 'scenario', expected: 'recorded', received: 'not in this version of the suite' });
      continue;
    }
    if (now.incomplete) out.push({ scenario, path: 'incomplete', expected: null, received: now.incomplete });
    recorded.steps.forEach((step, i) => {
      const got = now.steps[i];
      if (!got) return void (now.incomplete || out.push({ scenario, step: i + 1, call: step.call, path: 'step', expected: 'sent', received: 'not sent' }));
      const at = { scenario, step: i + 1, call: step.call };
      if (stableJson(step.input) !== stableJson(got.input)) out.push({ ...at, path: 'input', expected: step.input, received: got.input });
      for (const d of answerDifferences(step.answer, got.answer)) out.push({ ...at, ...d });
    });
    if (now.steps.length > recorded.steps.length) out.push({ scenario, path: 'steps', expected: recorded.steps.length, received: now.steps.length });
  }
  return out;
}

/** The target of `run` as a side of its own (moto already runs: it is reached by its URL). */
const specOf = (p: TargetProfile, signal: AbortSignal): SideSpec => ({
  label: 'target',
  kind: p.kind === 'mock' ? 'mock' : 'endpoint',
  name: p.name,
  endpoint: p.endpoint,
  region: p.region,
  issuer: p.issuer,
  jwksUrl: p.jwksUrl,
  faults: p.kind === 'mock' ? (p.faults as SideSpec['faults']) : undefined,
  maxCalls: Number.MAX_SAFE_INTEGER,
  signal,
});

/**
 * `run --snapshot`: plays the example scenarios against the run's target, adds `snapshot` to the
 * report, rewrites every format and returns whether the run is still ok (any difference fails it).
 */
export async function judgeAgainstSnapshot(report: ConformanceReport, file: string, snapshot: Snapshot, profile: TargetProfile, out: string): Promise<boolean> {
  const stop = interruptible();
  try {
    const { played, calls } = await playExamples(specOf(profile, stop.signal));
    const judgement: SnapshotJudgement = { file, recordedAt: snapshot.recordedAt, target: snapshot.target, differences: snapshotDifferences(snapshot, played) };
    const ok = report.summary.ok && judgement.differences.length === 0;
    const judged: ConformanceReport = redact({ ...report, snapshot: judgement, summary: { ...report.summary, ok, apiCalls: report.summary.apiCalls + calls } });
    writeReports(out, judged);
    const lines = [`\nSnapshot ${file} (recorded ${snapshot.recordedAt} from ${snapshot.target.name}): ${judgement.differences.length ? `${judgement.differences.length} difference(s)` : 'no difference'}`];
    for (const d of judgement.differences.slice(0, 40)) lines.push(`  ✘ ${d.scenario}${d.step ? ` #${d.step} ${d.call}` : ''}: ${d.path}: expected ${JSON.stringify(d.expected).slice(0, 120)}, received ${JSON.stringify(d.received).slice(0, 120)}`);
    if (judgement.differences.length > 40) lines.push(`  … ${judgement.differences.length - 40} more in ${out}/conformance.md`);
    console.log(lines.join('\n'));
    return ok;
  } finally {
    stop.done();
  }
}

const OPTIONS = {
  ...TARGET_OPTIONS,
  profile: { type: 'string' },
  'max-calls': { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function recordCommand(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, OPTIONS);
  if (v.help) return console.log(`usage:\n${RECORD_USAGE}`), 0;
  if (!v.out) throw new UsageError('record needs --out FILE');
  const kind = v.target as string;
  if (!['mock', 'endpoint', 'moto'].includes(kind)) throw new UsageError(`--target must be mock, endpoint or moto, not "${kind}"`);
  if (kind === 'endpoint' && !v.endpoint) throw new UsageError('--target endpoint needs --endpoint URL');
  if (kind !== 'endpoint' && v.endpoint) throw new UsageError('--endpoint goes with --target endpoint');
  const stop = interruptible();
  try {
    const spec = sideSpec('target', kind === 'endpoint' ? (v.endpoint as string) : kind, v, '', positive('max-calls', v['max-calls'] as string | undefined) ?? 5000, stop.signal);
    const started = Date.now();
    const recorded = await playExamples(spec).catch((e) => {
      if (stop.signal.aborted) return undefined; // interrupted while the pools were being made
      throw e;
    });
    if (!recorded || stop.signal.aborted) return 130;
    const { declared, played, calls } = recorded;
    const file = resolve(v.out as string);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, stableJson(snapshotOf(declared, played)));
    console.log(`recorded ${played.size} scenarios from ${declared.name} (${calls} calls, ${((Date.now() - started) / 1000).toFixed(1)} s) to ${file}`);
    return 0;
  } finally {
    stop.done();
  }
}
