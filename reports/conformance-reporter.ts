// The Playwright reporter that turns test results into conformance verdicts: per conformance
// project it folds the tests' clause verdicts (annotations) into clause results, applies the
// target's expectations, writes the reports and prints a per-clause summary. `npm test` ends with
// the line CI reads, `N passed, N failed` (Playwright tests); a conformance run ends on its scores.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { FaultName } from '../fixtures/mock/faults.ts';
import { judge, matrixSummary, renderMatrixMarkdown, type FaultJudgement } from './matrix.ts';
import type { FullConfig, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { TargetProfile } from '../fixtures/target.ts';
import { API_CALLS, CLAUSE, EVIDENCE_PREFIX, PROVOKED, REPLAY, SET_UP_FAILED, SUBJECT, TARGET_UNUSABLE, VERDICT, type Provoked, type Verdict } from '../fixtures/verdicts.ts';
import { ACCOUNT_PLACEHOLDER, plain, registerAccountId, registerSecret } from '../fixtures/redact.ts';
import { foldAll, uncoveredClauses, type Expectations, type TestVerdicts } from './fold.ts';
import { buildReport, printSummary, writeReports } from './write.ts';
import { CLIENT, CLIENT_RUN, stoppedRun, type ClientRunResult } from '../fixtures/clients/matrix.ts';
import { printClients } from './clients.ts';

type Options = { out: string; mode: 'run' | 'test' | 'mutants' };
type ProjectRun = { profile?: TargetProfile; declared: Set<string>; runs: TestVerdicts[]; calls: number; provoked: Provoked[]; replays: { test: string; seed: number; path: string; command: string }[]; clients?: ClientRunResult[]; unusable?: string };

export default class ConformanceReporter implements Reporter {
  private readonly projects = new Map<string, ProjectRun>();
  private passed = 0;
  private failed = 0;
  private started = new Date();

  constructor(private readonly options: Options) {}

  printsToStdio() {
    return true;
  }

  private uncovered: string[] = [];

  onBegin(config: FullConfig, suite: Suite) {
    this.started = new Date();
    this.uncovered = [];
    for (const p of config.projects) {
      // `use` in a run; the metadata when `merge` replays blob reports, which keep only the metadata.
      const meta = p.metadata as { profile?: unknown; accountIdDeclared?: boolean } | undefined;
      const profile = (p.use as { profile?: unknown }).profile ?? meta?.profile;
      const parsed = profile ? TargetProfile.parse(profile) : undefined;
      // A blob keeps only that an account id was declared; the merged report writes the placeholder a run writes.
      if (parsed && !parsed.accountId && meta?.accountIdDeclared) parsed.accountId = ACCOUNT_PLACEHOLDER;
      // The reports are written in this process: what the workers redact must be redacted here too.
      registerSecret(parsed?.publicLogin?.token);
      registerAccountId(parsed?.accountId);
      this.projects.set(p.name, { profile: parsed, declared: new Set(), runs: [], calls: 0, provoked: [], replays: [] });
    }
    for (const t of suite.allTests()) {
      const run = this.projects.get(t.parent.project()?.name ?? '');
      for (const a of t.annotations) if (a.type === CLAUSE && a.description) run?.declared.add(a.description);
    }
    // A full run must exercise every clause of the catalogue: a clause without a test is a hole.
    const filtered = config.grep.toString() !== /.*/.toString() || !!config.grepInvert || process.argv.some((a) => a.startsWith('--grep') || a === '-g');
    if (!filtered)
      for (const [name, run] of this.projects)
        if (run.profile && run.declared.size) this.uncovered.push(...uncoveredClauses(run.declared).map((id) => `${name}: ${id}`));
    if (this.uncovered.length) console.error(`cognito-conformance: clauses without a test: ${this.uncovered.join(', ')}`);
  }

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status !== 'skipped' && result.retry === test.retries) {
      if (test.outcome() === 'unexpected' || test.outcome() === 'flaky') this.failed++;
      else if (test.outcome() === 'expected') this.passed++;
    }
    const run = this.runOf(test, result);
    if (!run?.profile) return;
    const title = test.titlePath().slice(3).join(' › '); // without root, project and file
    const verdicts: Verdict[] = [];
    const evidence: Record<string, unknown[]> = {};
    for (const a of result.annotations) {
      if (a.type === VERDICT) verdicts.push(JSON.parse(a.description!));
      if (a.type === API_CALLS) run.calls += Number(a.description);
      if (a.type === REPLAY) run.replays.push({ test: title, ...JSON.parse(a.description!) });
      if (a.type === PROVOKED) run.provoked.push(JSON.parse(a.description!));
      // Workers may see one failure two ways; a target that could not be set up is the root cause.
      if (a.type === TARGET_UNUSABLE && (!run.unusable || a.description!.startsWith(SET_UP_FAILED))) run.unusable = a.description;
    }
    const client = result.annotations.find((a) => a.type === CLIENT_RUN);
    if (client) return void (run.clients ??= []).push(JSON.parse(client.description!));
    const stopped = test.annotations.find((a) => a.type === CLIENT)?.description;
    if (stopped && result.status !== 'skipped') return void (run.clients ??= []).push(stoppedRun(stopped, plain(result.error?.message ?? result.status)));
    for (const at of result.attachments)
      if (at.name.startsWith(EVIDENCE_PREFIX) && at.body) evidence[at.name.slice(EVIDENCE_PREFIX.length)] = (JSON.parse(at.body.toString('utf8')) as { calls: unknown[] }).calls;
    run.runs.push({ test: title, verdicts, evidence });
    if (this.options.mode === 'run') {
      const failed = verdicts.filter((v) => v.status === 'fail');
      const mark = result.status !== 'passed' && result.status !== 'skipped' ? '✘ error' : failed.length ? '✘' : verdicts.every((v) => v.status === 'not-applicable') ? '-' : '✓';
      console.log(`  ${mark} ${title} [${verdicts.map((v) => `${v.clause}${v.status === 'pass' ? '' : `: ${v.status}`}`).join(', ')}]`);
    }
  }

  /** The run a test belongs to: its project's, or in the fault matrix its fault's. */
  private runOf(test: TestCase, result: TestResult): ProjectRun | undefined {
    const name = test.parent.project()?.name ?? '';
    const project = this.projects.get(name);
    const subject = result.annotations.find((a) => a.type === SUBJECT)?.description ?? name;
    if (!project?.profile || subject === name) return project;
    if (!this.projects.has(subject)) this.projects.set(subject, { profile: { ...project.profile, faults: [subject.slice('fault:'.length)], name: subject }, declared: project.declared, runs: [], calls: 0, provoked: [], replays: [] });
    return this.projects.get(subject);
  }

  async onEnd() {
    const expectations = readExpectations();
    const finished = new Date();
    const judged: FaultJudgement[] = [];
    for (const [name, run] of this.projects) {
      if (!run.profile || (!run.runs.length && !run.clients?.length) || name === 'faults') continue;
      const fault = run.profile.faults[0];
      if (fault) {
        judged.push(judge(fault as FaultName, run.runs.flatMap((r) => r.verdicts)));
        continue;
      }
      const results = foldAll(run.runs, run.declared, expectations?.clauses);
      const report = buildReport(run.profile, results, { started: this.started, finished, calls: run.calls, replays: run.replays, provoked: run.provoked, expectations: expectations?.file, clients: run.clients });
      const dir = this.options.mode === 'run' ? this.options.out : `${this.options.out}/projects/${name}`;
      writeReports(dir, report);
      if (this.options.mode === 'run') {
        // One line for a target that could not be set up or stopped answering; the verdict comes last.
        if (run.unusable) console.log(`\ncognito-conformance: ${run.unusable}`);
        printClients(report);
        printSummary(report, dir);
      }
    }
    if (judged.length) {
      const m = matrixSummary(judged);
      mkdirSync(this.options.out, { recursive: true });
      writeFileSync(`${this.options.out}/mutants.json`, JSON.stringify(m, null, 2) + '\n');
      writeFileSync(`${this.options.out}/mutants.md`, renderMatrixMarkdown(m));
      console.log(`\nKill matrix: ${m.killed} of ${m.faults} faults killed (${m.score}%); survived: ${m.survived.join(', ') || 'none'}; imprecise: ${m.imprecise.join(', ') || 'none'} (${this.options.out}/mutants.md)`);
    }
    // `npm test`'s last line is what CI reads; a conformance run ends on its verdict instead (printSummary).
    if (this.options.mode === 'test') console.log(`\n${this.passed} passed, ${this.failed} failed`);
    if (this.uncovered.length) return { status: 'failed' as const };
  }
}

/** The expectations file the CLI validated (CC_EXPECTATIONS): clause id → reason. */
function readExpectations(): { file: string; clauses: Expectations } | undefined {
  const file = process.env.CC_EXPECTATIONS;
  if (!file) return undefined;
  const data = JSON.parse(readFileSync(file, 'utf8')) as { expectedFailures: { clause: string; reason: string }[] };
  return { file, clauses: Object.fromEntries(data.expectedFailures.map((e) => [e.clause, e.reason])) };
}
