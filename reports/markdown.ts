// conformance.md: short enough for a CI step summary or a pull-request comment.
import type { ConformanceReport } from '../contracts/report.ts';
import { headline } from '../fixtures/redact.ts';
import { renderClientsMarkdown } from './clients.ts';
import { answeredText, notCounted, reproduceLine, rootCauseLine, thrownText } from './sections.ts';
import { snapshotMarkdown } from './snapshot.ts';

const score = (t: ConformanceReport['summary']['must']) => `${t.pass} of ${t.total - t.notApplicable}${t.notApplicable ? ` (${notCounted(t)})` : ''}`;

export function renderMarkdown(r: ConformanceReport): string {
  const failing = r.clauses.filter((c) => c.status === 'fail' || c.status === 'unexpected-pass');
  const out = [
    `# Conformance: ${r.target.name}`,
    '',
    `${r.summary.ok ? '✅' : '❌'} **MUST ${score(r.summary.must)} pass** · SHOULD ${score(r.summary.should)} pass · ${r.summary.apiCalls} API calls · ${(r.durationMs / 1000).toFixed(1)} s`,
    '',
    `Target \`${r.target.kind}\`${r.target.endpoint ? ` at ${r.target.endpoint}` : ''}, region ${r.target.region}; suite ${r.suite.name} ${r.suite.version} (catalogue ${r.suite.catalogueHash})${r.expectations ? `; expectations ${r.expectations}` : ''}.`,
    '',
    `Reproduce: ${reproduceLine(r)}: \`${r.run.command}\``,
  ];
  if (r.rootCauses.length) out.push('', '**Root causes** (clauses not reached because a clause they rest on failed):', '', ...r.rootCauses.map((c) => `- ${rootCauseLine(c)}`));
  if (failing.length) {
    out.push('', '| clause | level | status | why |', '|---|---|---|---|');
    for (const c of failing) out.push(`| \`${c.id}\` | ${c.level} | ${c.status} | ${headline(c.message, 200).replace(/\|/g, '\\|')} |`);
    out.push('', '<details><summary>Reproduce</summary>', '');
    for (const c of failing) {
      const call = (c.failures[0]?.calls.at(-1) ?? {}) as { reproduce?: string };
      if (call.reproduce) out.push(`- \`${c.id}\`: \`${call.reproduce}\``);
    }
    out.push('', '</details>');
  }
  const expected = r.clauses.filter((c) => c.status === 'expected-fail');
  if (expected.length) out.push('', `Expected failures (${expected.length}): ${expected.map((c) => `\`${c.id}\``).join(', ')}.`);
  const na = r.clauses.filter((c) => c.status === 'not-applicable');
  if (na.length) out.push('', `Not applicable (${na.length}): ${na.map((c) => `\`${c.id}\` (${c.message})`).join('; ')}.`);
  if (r.replays.length) out.push('', 'Property failures replay with:', ...r.replays.map((p) => `- ${p.test}: \`${p.command}\``));
  out.push(...renderClientsMarkdown(r));
  out.push('', '## Declared exceptions', '', '| exception | provoked by | the target answered | thrown |', '|---|---|---|---|');
  for (const e of r.exceptions) out.push(`| ${e.exception} | ${e.clauses.map((c) => `\`${c}\``).join(', ') || '—'} | ${answeredText(e).replace(/\|/g, '\\|')} | ${thrownText(e)} |`);
  out.push('', '<details><summary>Target profile (no secrets)</summary>', '', '```json', JSON.stringify(r.run.profile, null, 2), '```', '', '</details>');
  out.push(...snapshotMarkdown(r));
  return out.join('\n') + '\n';
}
