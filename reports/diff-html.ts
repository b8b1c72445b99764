// diff.html: one self-contained page (no scripts, no external assets) with every scenario's calls
// and the two normalised answers side by side; the paths where they disagree are marked.
import type { DiffReport, DiffScenario } from '../contracts/diff.ts';
import { ABSENT } from '../contracts/snapshot.ts';
import { esc } from './escape.ts';

const show = (v: unknown) => (v === undefined ? ABSENT : typeof v === 'string' ? v : JSON.stringify(v));
const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}… (${s.length} characters)` : s);

function answers(step: DiffScenario['steps'][number], bad: Set<string>) {
  const paths = [...new Set([...Object.keys(step.a ?? {}), ...Object.keys(step.b ?? {})])].sort();
  if (!paths.length) return '<p class="none">not sent on either side</p>';
  const rows = paths
    .map((p) => `<tr class="${bad.has(p) ? 'bad' : ''}"><th>${esc(p)}</th><td>${esc(clip(show(step.a?.[p] ?? (step.a ? ABSENT : '(not sent)'))))}</td><td>${esc(clip(show(step.b?.[p] ?? (step.b ? ABSENT : '(not sent)'))))}</td></tr>`)
    .join('');
  return `<table class="ab"><colgroup><col class="p"><col><col></colgroup><thead><tr><th>path</th><th>A</th><th>B</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function scenario(s: DiffScenario) {
  const steps = s.steps
    .map((step, i) => {
      const mine = s.disagreements.filter((d) => d.step === i + 1);
      const bad = new Set(mine.map((d) => d.path));
      return `<div class="step ${mine.length ? 'bad' : ''}"><div class="call"><b>${i + 1}. ${esc(step.call)}</b>${mine.length ? ` <span class="n">${mine.length} disagreement(s)</span>` : ''}</div><details${mine.length ? ' open' : ''}><summary>request</summary><pre>${esc(clip(JSON.stringify(step.input, null, 2), 4000))}</pre></details>${answers(step, bad)}</div>`;
    })
    .join('');
  const whole = s.disagreements.filter((d) => d.step === 0).map((d) => `<p class="bad">${esc(d.path)}: A ${esc(show(d.a))}, B ${esc(show(d.b))}</p>`).join('');
  return `<section class="${s.disagreements.length ? 'bad' : 'ok'}" id="s-${esc(s.name)}"><h2>${s.disagreements.length ? '✘' : '✔'} ${esc(s.name)}${s.kind === 'generated' ? ' (generated, shrunk)' : ''}</h2>${s.sequence ? `<pre>${esc(s.sequence)}</pre>` : ''}${s.incomplete ? `<p class="inc">not compared to the end: ${esc(s.incomplete)}</p>` : ''}${whole}${steps}</section>`;
}

export function renderDiffHtml(r: DiffReport): string {
  const side = (s: DiffReport['a'], label: string) => `<b>${label}</b> ${esc(s.kind)}${s.endpoint ? ` ${esc(s.endpoint)}` : ''} (${esc(s.name)}, region ${esc(s.region)}, ${s.calls} calls)`;
  const index = r.scenarios.map((s) => `<a class="${s.disagreements.length ? 'bad' : 'ok'}" href="#s-${esc(s.name)}">${esc(s.name)}${s.disagreements.length ? ` (${s.disagreements.length})` : ''}</a>`).join(' ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Diff: ${esc(r.a.name)} / ${esc(r.b.name)}</title><style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1200px;color:#1b1f24;padding:0 1rem}
.verdict{padding:1rem 1.2rem;border-radius:8px;margin:1rem 0;font-size:1.3rem;font-weight:700}.verdict.ok{background:#e6f4ea;border:2px solid #34a853;color:#116329}.verdict.bad{background:#fdecea;border:2px solid #d93025;color:#a40e26}
.meta{color:#57606a}.index a{margin-right:.6rem;white-space:nowrap}.index a.bad{color:#a40e26;font-weight:700}.index a.ok{color:#116329}
section{border-top:1px solid #d0d7de;margin-top:1rem}section.bad h2{color:#a40e26}h2{font-size:1.05rem}
.step{margin:.6rem 0 .9rem;padding-left:.6rem;border-left:3px solid #d0d7de}.step.bad{border-left-color:#d93025}.n{color:#a40e26;font-weight:700}
table.ab{border-collapse:collapse;width:100%;table-layout:fixed;font-size:12px}table.ab td,table.ab th{border-bottom:1px solid #eaeef2;padding:.15rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere;font-family:ui-monospace,monospace}
col.p{width:24%}tr.bad{background:#ffebe9}tr.bad th{color:#a40e26}pre{background:#f6f8fa;padding:.4rem;white-space:pre-wrap;overflow-wrap:anywhere;font-size:12px;max-height:20rem;overflow:auto}.inc{color:#7d4e00}p.bad{color:#a40e26}
</style></head><body><h1>Diff: ${esc(r.a.name)} against ${esc(r.b.name)}</h1>
<div class="verdict ${r.agree ? 'ok' : 'bad'}">${r.agree ? '✔ The two endpoints agree' : `✘ ${r.disagreements.length} disagreement(s) in ${new Set(r.disagreements.map((d) => d.scenario)).size} scenario(s)`}</div>
<div class="meta">${side(r.a, 'A')} · ${side(r.b, 'B')} · ${esc(r.startedAt)} · ${(r.durationMs / 1000).toFixed(1)} s · ${r.generated.runs} generated sequences, seed ${r.budget.seed}${r.generated.replay ? ` · replay: <code>${esc(r.generated.replay)}</code>` : ''} · ${esc(r.suite.name)} ${esc(r.suite.version)} (catalogue ${esc(r.suite.catalogueHash)})</div>
<p class="index">${index}</p>${r.scenarios.map(scenario).join('')}</body></html>
`;
}
