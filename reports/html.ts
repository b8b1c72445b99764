// conformance.html: one self-contained page (no scripts, no external assets). Clauses grouped by
// section with level, evidence letter and status; each failure opens to its calls and reproduce line.
import type { ClauseResult, ConformanceReport } from '../contracts/report.ts';

const esc = (s: unknown) => String(s ?? '').replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const SECTION_TITLES: Record<string, string> = {
  identity: 'Identity: create and retrieve', linking: 'Linking', provider: 'Developer provider', duration: 'TokenDuration',
  input: 'Input constraints', token: 'Token', protocol: 'Authentication, protocol, limits',
};
const EVIDENCE: Record<string, string> = { M: 'API model', D: 'AWS documentation', O: 'observed on AWS', I: 'inferred' };

function failure(c: ClauseResult) {
  return c.failures
    .map((f) => {
      const calls = (f.calls as { operation?: string; input?: unknown; outcome?: unknown; reproduce?: string }[])
        .map((call, i) => `<div class="call"><b>${i + 1}. ${esc(call.operation)}</b><pre>${esc(JSON.stringify({ request: call.input, answer: call.outcome }, null, 2))}</pre><code class="repro">${esc(call.reproduce)}</code></div>`)
        .join('');
      return `<details><summary>${esc(f.test)}: ${esc((f.message ?? '').split('\n')[0])}</summary><pre class="msg">${esc(f.message)}</pre>${calls || '<p>No API call was made.</p>'}</details>`;
    })
    .join('');
}

export function renderHtml(r: ConformanceReport): string {
  const sections = [...new Set(r.clauses.map((c) => c.section))];
  const body = sections
    .map((s) => {
      const rows = r.clauses
        .filter((c) => c.section === s)
        .map(
          (c) => `<tr class="${c.status}"><td><span class="badge ${c.status}">${esc(c.status)}</span></td><td>${c.level}</td><td title="${esc(EVIDENCE[c.evidence])}">${c.evidence}</td><td><code>${esc(c.id)}</code><div class="beh">${esc(c.behaviour)}</div>${
            c.status !== 'pass' && c.message ? `<div class="why">${esc(c.message.split('\n')[0])}</div>` : ''
          }${failure(c)}</td></tr>`,
        )
        .join('');
      return `<section><h2>${esc(SECTION_TITLES[s] ?? s)}</h2><table><thead><tr><th>status</th><th>level</th><th>ev.</th><th>clause</th></tr></thead><tbody>${rows}</tbody></table></section>`;
    })
    .join('');
  const m = r.summary.must;
  const sh = r.summary.should;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Conformance: ${esc(r.target.name)}</title><style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#1b1f24;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:1.6rem 0 .4rem}
.verdict{padding:1rem 1.2rem;border-radius:8px;margin:1rem 0;font-size:1.15rem}.verdict.ok{background:#e6f4ea;border:1px solid #34a853}.verdict.bad{background:#fdecea;border:1px solid #d93025}
.meta{color:#57606a}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;vertical-align:top;text-align:left}
.badge{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:12px;font-weight:600;white-space:nowrap}
.badge.pass{background:#dafbe1;color:#116329}.badge.fail,.badge.unexpected-pass{background:#ffebe9;color:#a40e26}.badge.not-applicable{background:#eaeef2;color:#57606a}.badge.expected-fail{background:#fff8c5;color:#7d4e00}
.beh{color:#57606a;font-size:13px}.why{color:#a40e26;font-size:13px;margin-top:.2rem}pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:12px}
.repro{display:block;background:#0d1117;color:#e6edf3;padding:.4rem;font-size:12px;white-space:pre-wrap;word-break:break-all}details{margin:.3rem 0}
</style></head><body>
<h1>Conformance: ${esc(r.target.name)}</h1>
<div class="meta">${esc(r.target.kind)}${r.target.endpoint ? ` at ${esc(r.target.endpoint)}` : ''} · region ${esc(r.target.region)} · ${esc(r.startedAt)} · ${(r.durationMs / 1000).toFixed(1)} s · ${r.summary.apiCalls} API calls · ${esc(r.suite.name)} ${esc(r.suite.version)} (catalogue ${esc(r.suite.catalogueHash)})${r.expectations ? ` · expectations ${esc(r.expectations)}` : ''}</div>
<div class="verdict ${r.summary.ok ? 'ok' : 'bad'}"><b>${r.summary.ok ? 'No MUST clause failed' : 'MUST clauses failed'}</b> — MUST ${m.pass} of ${m.total - m.notApplicable} pass${m.fail ? `, ${m.fail} fail` : ''}${m.expectedFail ? `, ${m.expectedFail} expected to fail` : ''}${m.notApplicable ? `, ${m.notApplicable} not applicable` : ''} · SHOULD ${sh.pass} of ${sh.total - sh.notApplicable} pass</div>
<p class="meta">MUST failing means not conformant; SHOULD failing means it works with the SDKs but differs from AWS; not applicable means the target cannot exercise the clause (never counted as a pass). Evidence: M API model, D AWS documentation, O observed on AWS, I inferred.</p>
${body}
</body></html>
`;
}
