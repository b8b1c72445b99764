// diff.md: the verdict, the disagreements by scenario and path, and how to replay a generated one.
import type { DiffReport } from '../contracts/diff.ts';

const cell = (v: unknown, n = 120) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
};

export function renderDiffMarkdown(r: DiffReport): string {
  const side = (s: DiffReport['a'], label: string) => `**${label}** \`${s.kind}\`${s.endpoint ? ` ${s.endpoint}` : ''} (${s.name}, region ${s.region}, ${s.calls} calls)`;
  const out = [
    `# Diff: ${r.a.name} against ${r.b.name}`,
    '',
    `${r.agree ? '✅ **The two endpoints agree**' : `❌ **${r.disagreements.length} disagreement(s)** in ${new Set(r.disagreements.map((d) => d.scenario)).size} scenario(s)`} · ${(r.durationMs / 1000).toFixed(1)} s`,
    '',
    `${side(r.a, 'A')} · ${side(r.b, 'B')}`,
    '',
    `${r.scenarios.filter((s) => s.kind === 'example').length} example scenarios; ${r.generated.runs} generated sequences (seed ${r.budget.seed}, at most ${r.budget.maxCalls} calls per side); suite ${r.suite.name} ${r.suite.version} (catalogue ${r.suite.catalogueHash}).`,
  ];
  if (r.disagreements.length) {
    out.push('', '| scenario | step | call | path | A | B |', '|---|---|---|---|---|---|');
    for (const d of r.disagreements) out.push(`| \`${d.scenario}\` | ${d.step} | ${cell(d.call, 60)} | \`${d.path}\` | ${cell(d.a)} | ${cell(d.b)} |`);
  }
  if (r.generated.replay) {
    const g = r.scenarios.find((s) => s.kind === 'generated');
    out.push('', `A generated sequence disagreed; shrunk ${r.generated.shrinks} times to ${g?.steps.length ?? '?'} call(s): \`${cell(g?.sequence ?? '', 400)}\``, '', `Replay: \`${r.generated.replay}\``);
  }
  const incomplete = r.scenarios.filter((s) => s.incomplete);
  if (incomplete.length) out.push('', `Not compared to the end: ${incomplete.map((s) => `\`${s.name}\` (${s.incomplete})`).join('; ')}.`);
  if (r.generated.stoppedBy) out.push('', `Generated sequences stopped early: ${r.generated.stoppedBy}.`);
  return out.join('\n') + '\n';
}
