// The client matrix in the reports: scenario × client, ✓ or what the client saw instead. Client
// rows are their own section: they never change a clause verdict or the certificate.
import type { ClientRow, ClientRun, ConformanceReport } from '../contracts/report.ts';
import { CLIENT_NAMES } from '../fixtures/clients/client.ts';
import type { ClientRunResult } from '../fixtures/clients/matrix.ts';
import { SCENARIOS } from '../fixtures/clients/scenarios.ts';
import { esc } from './escape.ts';

const order = (c: string) => (CLIENT_NAMES as readonly string[]).indexOf(c);

/** The report's `clients` and `clientRuns` from the client tests' annotations. */
export function clientSection(results: ClientRunResult[]): { clients: ClientRow[]; clientRuns: ClientRun[] } {
  const sorted = [...results].sort((a, b) => order(a.client) - order(b.client));
  return { clients: sorted.flatMap((r) => r.rows), clientRuns: sorted.map(({ rows: _, ...run }) => run) };
}

/** Scenarios in the order they run, and for each client its cell. */
function grid(r: ConformanceReport) {
  const runs = r.clientRuns.filter((c) => c.available);
  const known = SCENARIOS.map((s) => s.name);
  const named = [...known, ...r.clients.map((c) => c.scenario).filter((s) => !known.includes(s))];
  const scenarios = [...new Set(named)].filter((s) => r.clients.some((c) => c.scenario === s) || runs.some((c) => c.notApplicable.some((n) => n.scenario === s)));
  const cell = (client: string, scenario: string) => {
    const row = r.clients.find((c) => c.client === client && c.scenario === scenario);
    if (row) return row;
    return runs.find((c) => c.client === client)?.notApplicable.find((n) => n.scenario === scenario);
  };
  return { runs, scenarios, cell };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const clientsFailed = (r: ConformanceReport) => r.clients.filter((c) => !c.ok);

export function renderClientsMarkdown(r: ConformanceReport): string[] {
  if (!r.clientRuns.length) return [];
  const { runs, scenarios, cell } = grid(r);
  const failed = clientsFailed(r);
  const out = ['', '## Clients', '', `${failed.length ? '❌' : '✅'} ${r.clients.length - failed.length} of ${r.clients.length} client rows read as from the reference mock (client rows do not change clause verdicts).`];
  if (runs.length) {
    // Table cells are Markdown, where <token> would be read as an HTML tag.
    const md = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    out.push('', `| scenario | ${runs.map((c) => `${c.client} (${c.version})`).join(' | ')} |`, `|---|${runs.map(() => '---').join('|')}|`);
    for (const s of scenarios)
      out.push(`| ${s} | ${runs.map((c) => {
        const x = cell(c.client, s);
        if (!x) return '';
        if (!('ok' in x)) return '–';
        return x.ok ? '✓' : `✗ ${md(x.saw)}`;
      }).join(' | ')} |`);
    out.push('', `Time each client added: ${runs.map((c) => `${c.client} ${seconds(c.ms)}`).join(', ')}.`);
  }
  if (failed.length) out.push('', 'What a faithful endpoint shows instead (the reference mock, through the same client):', ...failed.map((f) => `- ${f.client} · ${f.scenario}: \`${f.expected ?? ''}\``));
  const na = runs.flatMap((c) => c.notApplicable.map((n) => `${n.scenario} (${n.reason})`));
  if (na.length) out.push('', `Not applicable: ${[...new Set(na)].join('; ')}.`);
  for (const c of r.clientRuns.filter((c) => !c.available)) out.push('', `${c.client}: not available here (${c.reason}); install with \`${c.install}\`.`);
  return out;
}

export function renderClientsHtml(r: ConformanceReport): string {
  if (!r.clientRuns.length) return '';
  const { runs, scenarios, cell } = grid(r);
  const failed = clientsFailed(r);
  const head = `<tr><th>scenario</th>${runs.map((c) => `<th>${esc(c.client)}<br><small>${esc(c.version)} · ${seconds(c.ms)}</small></th>`).join('')}</tr>`;
  const body = scenarios
    .map((s) => `<tr><td>${esc(s)}</td>${runs.map((c) => {
      const x = cell(c.client, s);
      if (!x) return '<td></td>';
      if (!('ok' in x)) return `<td class="na" title="${esc(x.reason)}">–</td>`;
      return x.ok ? `<td class="ok" title="${esc(x.saw)}">✓</td>` : `<td class="bad">✗ ${esc(x.saw)}<br><small>reference mock: ${esc(x.expected)}</small></td>`;
    }).join('')}</tr>`)
    .join('\n');
  const missing = r.clientRuns.filter((c) => !c.available).map((c) => `<p>${esc(c.client)}: not available here (${esc(c.reason)}); install with <code>${esc(c.install)}</code>.</p>`).join('');
  return `<section id="clients"><h2>Clients</h2>
<p>${failed.length ? '✗' : '✓'} ${r.clients.length - failed.length} of ${r.clients.length} client rows read as from the reference mock. Client rows do not change clause verdicts.</p>
${runs.length ? `<table class="clients">${head}\n${body}</table>` : ''}${missing}</section>`;
}

/** The matrix on the console after the clause summary. */
export function printClients(r: ConformanceReport) {
  if (!r.clientRuns.length) return;
  const lines = ['', 'Clients:'];
  for (const c of r.clientRuns) {
    if (!c.available) {
      lines.push(`  -  ${c.client}: not available (${c.reason}); install: ${c.install}`);
      continue;
    }
    const rows = r.clients.filter((x) => x.client === c.client);
    const bad = rows.filter((x) => !x.ok);
    lines.push(`  ${bad.length ? '✘' : '✓'}  ${c.client} (${c.version}): ${rows.length - bad.length}/${rows.length} scenarios as from the reference mock, ${seconds(c.ms)}${c.notApplicable.length ? `, ${c.notApplicable.length} not applicable` : ''}`);
    for (const b of bad) lines.push(`       ✘ ${b.scenario}: saw ${b.saw}; reference mock: ${b.expected}`);
  }
  console.log(lines.join('\n'));
}
