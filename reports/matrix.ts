// The kill matrix: for each mock fault, which clauses failed, whether every clause meant to catch
// it did (killed), and whether any other MUST clause failed (imprecise: the verdict would point at
// the wrong place).
import { clause } from '../contracts/clauses.ts';
import { faults, type FaultName } from '../fixtures/mock/faults.ts';
import type { Verdict } from '../fixtures/verdicts.ts';

export type FaultJudgement = { fault: FaultName; description: string; catches: string[]; failing: string[]; missed: string[]; imprecise: string[]; killed: boolean };

export function judge(fault: FaultName, verdicts: Verdict[]): FaultJudgement {
  const f = faults[fault] as { description: string; catches: string[]; tolerates?: string[] };
  const failing = [...new Set(verdicts.filter((v) => v.status === 'fail').map((v) => v.clause))].sort();
  const missed = f.catches.filter((c) => !failing.includes(c));
  const allowed = new Set([...f.catches, ...(f.tolerates ?? [])]);
  const imprecise = failing.filter((c) => clause(c).level === 'MUST' && !allowed.has(c));
  return { fault, description: f.description, catches: f.catches, failing, missed, imprecise, killed: missed.length === 0 };
}

export function matrixSummary(js: FaultJudgement[]) {
  const killed = js.filter((j) => j.killed).length;
  return {
    faults: js.length,
    killed,
    score: js.length ? Math.round((killed / js.length) * 1000) / 10 : 0,
    survived: js.filter((j) => !j.killed).map((j) => j.fault),
    imprecise: js.filter((j) => j.imprecise.length).map((j) => j.fault),
    matrix: js,
  };
}

export function renderMatrixMarkdown(m: ReturnType<typeof matrixSummary>) {
  const rows = m.matrix.map(
    (j) => `| \`${j.fault}\` | ${j.killed ? '✅ killed' : '❌ survived'} | ${j.failing.map((c) => (j.catches.includes(c) ? `**${c}**` : c)).join(', ') || '—'} | ${[...j.missed.map((c) => `missed ${c}`), ...j.imprecise.map((c) => `imprecise ${c}`)].join(', ') || ''} |`,
  );
  return [
    `# Kill matrix: ${m.killed} of ${m.faults} faults killed (${m.score}%), ${m.imprecise.length} imprecise`,
    '',
    'Each row is one fault switched on in the reference mock; bold clauses are the ones meant to catch it.',
    '',
    '| fault | verdict | failing clauses | problems |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
