// Builds the conformance report from clause results and writes it in every format.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ConformanceReport, SCHEMA_VERSION, type ClauseResult, type RunRecord } from '../contracts/report.ts';
import { cliLine } from '../fixtures/property.ts';
import { publicProfile, type TargetProfile } from '../fixtures/target.ts';
import { headline, redact } from '../fixtures/redact.ts';
import type { ClientRunResult } from '../fixtures/clients/matrix.ts';
import { renderBadge } from './badge.ts';
import { clientSection } from './clients.ts';
import type { Provoked } from '../fixtures/verdicts.ts';
import { catalogueHash, exceptionTable, rootCauses, summarise } from './fold.ts';
import { answeredText, notCounted, reproduceLine, rootCauseLine, thrownText } from './sections.ts';
import { renderHtml } from './html.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';

export const suiteVersion = (): { name: string; version: string } => JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
/**
 * The `suite` every report, diff and snapshot records: which suite and which clause catalogue made it.
 * Picks name and version by hand: suiteVersion() is all of package.json, and the snapshot schema's
 * `suite` is strict.
 */
export function suiteRecord() {
  const { name, version } = suiteVersion();
  return { name, version, catalogueHash: catalogueHash() };
}
const SDK = '@aws-sdk/client-cognito-identity';
export const sdkVersion = () => ({ name: SDK, version: (createRequire(import.meta.url)(`${SDK}/package.json`) as { version: string }).version });

/** What reproduces a run: seed, budget, SDK, the profile without secrets, and the command line. */
export function runRecord(profile: TargetProfile): RunRecord {
  // Every run's profile has a seed (the CLI or playwright.config picks one); 0 only for hand-built profiles.
  const seed = profile.seed ?? 0;
  return { seed, runs: profile.runs, sdk: sdkVersion(), profile: publicProfile(profile), command: cliLine(profile, seed) };
}

export function buildReport(
  profile: TargetProfile,
  clauses: ClauseResult[],
  run: { started: Date; finished: Date; calls: number; replays: ConformanceReport['replays']; expectations?: string; provoked?: Provoked[]; clients?: ClientRunResult[] },
): ConformanceReport {
  return ConformanceReport.parse(
    redact({
      schemaVersion: SCHEMA_VERSION,
      suite: suiteRecord(),
      target: { name: profile.name, kind: profile.kind, endpoint: profile.endpoint, region: profile.region, issuer: profile.issuer },
      run: runRecord(profile),
      startedAt: run.started.toISOString(),
      durationMs: run.finished.getTime() - run.started.getTime(),
      expectations: run.expectations,
      clauses,
      rootCauses: rootCauses(clauses),
      exceptions: exceptionTable(clauses, run.provoked ?? []),
      replays: run.replays,
      ...clientSection(run.clients ?? []),
      summary: summarise(clauses, run.calls, !!run.expectations),
    }),
  );
}

export function writeReports(dir: string, report: ConformanceReport) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'conformance.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(dir, 'conformance.md'), renderMarkdown(report));
  writeFileSync(join(dir, 'conformance.html'), renderHtml(report));
  writeFileSync(join(dir, 'junit.xml'), renderJunit(report));
  writeFileSync(join(dir, 'badge.svg'), renderBadge(report.summary));
}

const MARK: Record<ClauseResult['status'], string> = { pass: 'pass ', fail: 'FAIL ', 'not-applicable': 'n/a  ', 'expected-fail': 'xfail', 'unexpected-pass': 'XPASS' };

export const score = (t: { pass: number; total: number; notApplicable: number; notReached: number }) => `${t.pass}/${t.total - t.notApplicable} pass${t.notApplicable ? `, ${notCounted(t)}` : ''}`;

export function printSummary(r: ConformanceReport, dir: string) {
  const lines = ['', `Conformance of ${r.target.name}${r.target.endpoint ? ` (${r.target.endpoint})` : ''}:`];
  for (const c of r.clauses) lines.push(`  ${MARK[c.status]}  ${c.level.padEnd(6)} ${c.id}${c.message && c.status !== 'pass' ? ` — ${headline(c.message, 160)}` : ''}`);
  if (r.rootCauses.length) lines.push('', 'Root causes:', ...r.rootCauses.map((c) => `  ${rootCauseLine(c)}`));
  lines.push('', 'Declared exceptions (thrown? what the target answered):');
  for (const e of r.exceptions) lines.push(`  ${thrownText(e).padEnd(3)}  ${e.exception.padEnd(40)} ${headline(answeredText(e), 200)}`);
  lines.push('', `Reproduce: ${reproduceLine(r)}`, `  ${r.run.command}`);
  lines.push('', `MUST ${score(r.summary.must)}; SHOULD ${score(r.summary.should)}; ${r.summary.apiCalls} API calls; reports in ${dir}/`);
  console.log(lines.join('\n'));
}
