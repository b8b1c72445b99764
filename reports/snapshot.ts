// The `snapshot` part of conformance.md and conformance.html (`run --snapshot FILE`).
import type { ConformanceReport } from '../contracts/report.ts';
import { esc } from './escape.ts';

const show = (v: unknown, n = 120) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > n ? `${s.slice(0, n)}…` : s;
};

export function snapshotMarkdown(r: ConformanceReport): string[] {
  const s = r.snapshot;
  if (!s) return [];
  const head = `Snapshot \`${s.file}\` (recorded ${s.recordedAt}${s.target ? ` from ${s.target.name}` : ''}): ${s.differences.length ? `❌ **${s.differences.length} difference(s)**` : '✅ no difference'}.`;
  if (!s.differences.length) return ['', head];
  return [
    '',
    head,
    '',
    '| scenario | step | path | expected | received |',
    '|---|---|---|---|---|',
    ...s.differences.map((d) => `| \`${d.scenario}\` | ${d.step ? `${d.step} ${d.call}` : ''} | \`${d.path}\` | ${show(d.expected).replace(/\|/g, '\\|')} | ${show(d.received).replace(/\|/g, '\\|')} |`),
  ];
}

export function snapshotHtml(r: ConformanceReport): string {
  const s = r.snapshot;
  if (!s) return '';
  const rows = s.differences
    .map((d) => `<tr class="fail"><td><code>${esc(d.scenario)}</code>${d.step ? `<div class="beh">${d.step}. ${esc(d.call)}</div>` : ''}</td><td><code>${esc(d.path)}</code></td><td><pre>${esc(show(d.expected, 600))}</pre></td><td><pre>${esc(show(d.received, 600))}</pre></td></tr>`)
    .join('');
  return `<section class="snapshot"><h2>Snapshot ${esc(s.file)}: ${s.differences.length ? `${s.differences.length} difference(s)` : 'no difference'}</h2><div class="meta">recorded ${esc(s.recordedAt)}${s.target ? ` from ${esc(s.target.name)} (${esc(s.target.kind)}${s.target.endpoint ? ` ${esc(s.target.endpoint)}` : ''})` : ''}</div>${rows ? `<table class="clauses"><thead><tr><th>scenario</th><th>path</th><th>expected (recorded)</th><th>received</th></tr></thead><tbody>${rows}</tbody></table>` : ''}</section>`;
}
