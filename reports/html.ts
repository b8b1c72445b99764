// conformance.html: one self-contained page (no scripts, no external assets). The verdict comes
// first, then a table of every clause that did not pass (linked to its row), then every clause
// grouped by section with level, evidence letter and status; each failure opens to its calls
// (request, answer, reproduce line).
import type { ClauseResult, ConformanceReport } from '../contracts/report.ts';
import { renderClientsHtml } from './clients.ts';
import { esc } from './escape.ts';
import { answeredText, notCounted, plural, reproduceLine, thrownText } from './sections.ts';
import { snapshotHtml } from './snapshot.ts';

const SECTION_TITLES: Record<string, string> = {
  identity: 'Identity: create and retrieve', linking: 'Linking', provider: 'Developer provider', duration: 'TokenDuration',
  input: 'Input constraints', token: 'Token', protocol: 'Authentication, protocol, limits',
};
const EVIDENCE: Record<string, string> = { M: 'API model', D: 'AWS documentation', O: 'observed on AWS', I: 'inferred' };
type Status = ClauseResult['status'];
const LABEL: Record<Status, string> = { pass: 'pass', fail: 'FAIL', 'not-applicable': 'not applicable', 'expected-fail': 'expected fail', 'unexpected-pass': 'unexpected pass' };
const badge = (s: Status) => `<span class="badge ${s}">${LABEL[s]}</span>`;
const anchor = (id: string) => `clause-${id.replace(/[^\w.-]/g, '_')}`;
/**
 * The gist of a failure message in one line: its own first line (not the matcher hint) and, for an
 * equality failure, what was expected and received.
 */
function gist(message?: string): string {
  const lines = (message ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  const head = lines.find((l) => !/^(expect[.(]|Expected\b|Received\b)/.test(l));
  const exp = lines.find((l) => /^Expected\b/.test(l));
  const rec = lines.find((l) => /^Received\b/.test(l));
  const line = [head, exp && rec ? `${exp}, ${rec.replace(/^Received/, 'received')}` : undefined].filter(Boolean).join(' — ') || lines[0] || '';
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/** How urgent a clause is for a reader: failed MUST first, known deviations last, passes never. */
const rank = (c: ClauseResult) =>
  c.status === 'fail' ? (c.level === 'MUST' ? 0 : 2) : c.status === 'unexpected-pass' ? 1 : c.status === 'expected-fail' ? 3 : undefined;

type Call = { operation?: string; input?: unknown; outcome?: unknown; reproduce?: string; ms?: number };

/** One line for an answer: `200 OK`, `400 ValidationException`, `no answer NetworkError(...)`. */
function answerLine(o: unknown): string {
  if (!o || typeof o !== 'object') return '';
  const a = o as { ok?: boolean; status?: number; error?: string; body?: string };
  if (a.ok === true) return `${a.status ?? ''} OK`;
  if (a.ok === false) return `${a.status ?? 'no answer'} ${a.error ?? ''}`;
  let type: string | undefined;
  try {
    type = typeof a.body === 'string' ? (JSON.parse(a.body) as { __type?: string }).__type : undefined;
  } catch {
    /* not JSON */
  }
  return `${a.status ?? 'no answer'}${type ? ` ${type.split('#').pop()}` : ''}`;
}

function call(c: Call, i: number) {
  const answer = answerLine(c.outcome);
  return `<div class="call"><div class="call-h"><b>${i + 1}. ${esc(c.operation)}</b>${answer ? ` → <span class="ans">${esc(answer)}</span>` : ''}${typeof c.ms === 'number' ? ` <span class="ms">${c.ms} ms</span>` : ''}</div>
<div class="rr"><div><div class="lbl">request</div><pre class="request">${esc(JSON.stringify(c.input, null, 2))}</pre></div><div><div class="lbl">answer</div><pre class="answer">${esc(JSON.stringify(c.outcome, null, 2))}</pre></div></div>
${c.reproduce ? `<div class="lbl">reproduce (signs with your AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)</div><code class="repro">${esc(c.reproduce)}</code>` : ''}</div>`;
}

function failures(c: ClauseResult) {
  return c.failures
    .map((f) => {
      const calls = f.calls as Call[];
      return `<details class="evidence"><summary>Evidence: ${plural(calls.length, 'API call')} — ${esc(f.test)}</summary><pre class="msg">${esc(f.message)}</pre>${calls.map(call).join('') || '<p>No API call was made.</p>'}</details>`;
    })
    .join('');
}

const COLS = '<colgroup><col class="c-status"><col class="c-level"><col class="c-ev"><col></colgroup>';

function row(c: ClauseResult) {
  const why = c.status !== 'pass' && c.message ? `<div class="why ${c.status}">${esc(gist(c.message))}</div>` : '';
  return `<tr id="${anchor(c.id)}" class="${c.status}"><td>${badge(c.status)}</td><td class="lvl ${c.level}">${c.level}</td><td><abbr class="ev" title="${esc(EVIDENCE[c.evidence])}">${c.evidence}</abbr></td><td><code class="cid">${esc(c.id)}</code><div class="beh">${esc(c.behaviour)}</div>${why}${failures(c)}</td></tr>`;
}

function counts(cs: ClauseResult[]) {
  const order: Status[] = ['fail', 'unexpected-pass', 'expected-fail', 'pass', 'not-applicable'];
  return order
    .map((s) => [s, cs.filter((c) => c.status === s).length] as const)
    .filter(([, n]) => n)
    .map(([s, n]) => `<span class="count ${s}">${n} ${LABEL[s]}</span>`)
    .join(' ');
}

function attention(r: ConformanceReport) {
  const bad = r.clauses
    .filter((c) => rank(c) !== undefined)
    .sort((a, b) => rank(a)! - rank(b)!);
  if (!bad.length) return '';
  const rows = bad
    .map((c) => `<tr class="${c.status}"><td>${badge(c.status)}</td><td class="lvl ${c.level}">${c.level}</td><td><a href="#${anchor(c.id)}"><code class="cid">${esc(c.id)}</code></a> <span class="sec">${esc(SECTION_TITLES[c.section] ?? c.section)}</span><div class="why ${c.status}">${esc(gist(c.message))}</div></td></tr>`)
    .join('');
  return `<section class="attention"><h2>Clauses that did not pass (${bad.length})</h2><table class="clauses"><colgroup><col class="c-status"><col class="c-level"><col></colgroup><thead><tr><th>status</th><th>level</th><th>clause and what went wrong (click the id for its evidence)</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function causes(r: ConformanceReport) {
  if (!r.rootCauses.length) return '';
  const rows = r.rootCauses
    .map((c) => `<tr class="${c.status}"><td>${badge(c.status)}</td><td><a href="#${anchor(c.clause)}"><code class="cid">${esc(c.clause)}</code></a>: ${plural(c.notReached.length, 'clause')} not reached<div class="beh">${c.notReached.map((id) => `<a href="#${anchor(id)}"><code>${esc(id)}</code></a>`).join(', ')}</div></td></tr>`)
    .join('');
  return `<section class="root-causes"><h2>Root causes (${r.rootCauses.length})</h2><p class="meta">Clauses not reached because a clause they rest on failed: fix these first.</p><table class="clauses"><colgroup><col class="c-status"><col></colgroup><tbody>${rows}</tbody></table></section>`;
}

function exceptions(r: ConformanceReport) {
  const rows = r.exceptions
    .map((e) => `<tr class="exception"><td><code>${esc(e.exception)}</code></td><td>${e.clauses.map((c) => `<a href="#${anchor(c)}"><code>${esc(c)}</code></a>`).join(', ') || '—'}</td><td>${esc(answeredText(e))}</td><td>${thrownText(e)}</td></tr>`)
    .join('');
  return `<section class="exceptions"><h2>Declared exceptions</h2><p class="meta">The operation's seven modelled exceptions: which clauses provoked each on this run, what the target answered, and whether it threw the exception.</p><table class="clauses"><colgroup><col style="width:20rem"><col style="width:16rem"><col><col style="width:4rem"></colgroup><thead><tr><th>exception</th><th>provoked by</th><th>the target answered</th><th>thrown</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function reproduce(r: ConformanceReport) {
  return `<section class="reproduce"><h2>Reproduce this run</h2><p class="meta">${esc(reproduceLine(r))}</p><code class="repro">${esc(r.run.command)}</code><details><summary>Target profile (no secrets)</summary><pre>${esc(JSON.stringify(r.run.profile, null, 2))}</pre></details></section>`;
}

function replays(r: ConformanceReport) {
  if (!r.replays.length) return '';
  const rows = r.replays.map((p) => `<tr><td>${esc(p.test)}<div class="beh">seed ${esc(p.seed)} · path ${esc(p.path)}</div><code class="repro">${esc(p.command)}</code></td></tr>`).join('');
  return `<section class="replays"><h2>Property failures: replay (${r.replays.length})</h2><table class="clauses"><tbody>${rows}</tbody></table></section>`;
}

function verdict(r: ConformanceReport) {
  const m = r.summary.must;
  const sh = r.summary.should;
  const reasons: string[] = [];
  if (m.fail) reasons.push(`${plural(m.fail, 'MUST clause')} failed`);
  if (m.unexpectedPass + sh.unexpectedPass) reasons.push(`${plural(m.unexpectedPass + sh.unexpectedPass, 'clause')} expected to fail passed (update the expectations file)`);
  if (r.expectations && sh.fail) reasons.push(`${plural(sh.fail, 'SHOULD clause')} failed that the expectations file does not list`);
  if (r.snapshot?.differences.length) reasons.push(`${plural(r.snapshot.differences.length, 'answer path')} differ from the snapshot ${r.snapshot.file}`);
  const headline = r.summary.ok
    ? `No MUST clause failed${r.expectations ? ' and every expectation held' : ''}`
    : m.fail
      ? `Not conformant: ${reasons.join('; ')}`
      : `Expectations did not hold: ${reasons.join('; ') || 'see the clauses below'}`;
  const tally = (t: typeof m, name: string) =>
    `${name} ${t.pass} of ${t.total - t.notApplicable} pass${t.fail ? `, ${t.fail} fail` : ''}${t.expectedFail ? `, ${t.expectedFail} expected to fail` : ''}${t.unexpectedPass ? `, ${t.unexpectedPass} unexpectedly pass` : ''}${t.notApplicable ? `, ${notCounted(t)}` : ''}`;
  return `<div class="verdict ${r.summary.ok ? 'ok' : 'bad'}" role="status"><div class="headline">${r.summary.ok ? '✔' : '✘'} ${esc(headline)}</div><div class="tally">${tally(m, 'MUST')} · ${tally(sh, 'SHOULD')}${m.notApplicable ? ` · ${plural(m.notApplicable, 'MUST clause')} not exercised on this target` : ''}</div></div>`;
}

export function renderHtml(r: ConformanceReport): string {
  const sections = [...new Set(r.clauses.map((c) => c.section))];
  const body = sections
    .map((s) => {
      const cs = r.clauses.filter((c) => c.section === s);
      return `<section class="group" data-section="${esc(s)}"><h2>${esc(SECTION_TITLES[s] ?? s)} <span class="counts">${counts(cs)}</span></h2><table class="clauses">${COLS}<thead><tr><th>status</th><th>level</th><th>ev.</th><th>clause</th></tr></thead><tbody>${cs.map(row).join('')}</tbody></table></section>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Conformance: ${esc(r.target.name)}</title><style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#1b1f24;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:1.8rem 0 .4rem}
.verdict{padding:1rem 1.2rem;border-radius:8px;margin:1rem 0}.verdict .headline{font-size:1.35rem;font-weight:700}.verdict .tally{margin-top:.25rem}
.verdict.ok{background:#e6f4ea;border:2px solid #34a853}.verdict.ok .headline{color:#116329}.verdict.bad{background:#fdecea;border:2px solid #d93025}.verdict.bad .headline{color:#a40e26}
.meta{color:#57606a}table{border-collapse:collapse;width:100%;table-layout:fixed}td,th{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
col.c-status{width:8.2rem}col.c-level{width:5.8rem}col.c-ev{width:2.8rem}
.badge{display:inline-block;border-radius:4px;padding:0 .45rem;font-size:12px;font-weight:700;white-space:nowrap;border:1px solid transparent}
.badge.pass{background:#dafbe1;color:#116329}.badge.fail{background:#d93025;color:#fff}.badge.unexpected-pass{background:#ffebe9;color:#a40e26;border-color:#d93025}
.badge.not-applicable{background:#eaeef2;color:#57606a}.badge.expected-fail{background:#fff8c5;color:#7d4e00;border-color:#d4a72c}
tr.fail>td:first-child,tr.unexpected-pass>td:first-child{box-shadow:inset 4px 0 #d93025}tr.fail,tr.unexpected-pass{background:#fff8f7}tr.expected-fail>td:first-child{box-shadow:inset 4px 0 #d4a72c}
.lvl.MUST{font-weight:700}.ev{text-decoration:underline dotted;cursor:help}.cid{font-weight:600}.sec{color:#57606a;font-size:12px}
.counts{font-size:12px;font-weight:400;margin-left:.4rem}.count{display:inline-block;margin-right:.35rem;color:#57606a}.count.fail,.count.unexpected-pass{color:#a40e26;font-weight:700}.count.expected-fail{color:#7d4e00}
.beh{color:#57606a;font-size:13px}.why{font-size:13px;margin-top:.2rem;color:#57606a}.why.fail,.why.unexpected-pass{color:#a40e26;font-weight:600}.why.expected-fail{color:#7d4e00}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere;font-size:12px;margin:.2rem 0;max-height:28rem}
.repro{display:block;background:#0d1117;color:#e6edf3;padding:.4rem;font-size:12px;white-space:pre-wrap;word-break:break-all}
details{margin:.4rem 0}summary{cursor:pointer;color:#0969da}details[open]>summary{margin-bottom:.3rem}
.call{border-left:3px solid #d0d7de;padding-left:.6rem;margin:.6rem 0}.call-h .ans{font-family:ui-monospace,monospace}.call-h .ms{color:#57606a;font-size:12px}
.rr{display:grid;grid-template-columns:1fr 1fr;gap:.5rem}.rr>div{min-width:0}.lbl{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:#57606a;margin-top:.3rem}
.attention h2{color:#a40e26}.attention a{color:inherit}.legend{font-size:13px}
table.clients td.ok{color:#116329;font-weight:700}table.clients td.bad{background:#fff8f7;color:#a40e26;font-size:12px}table.clients td.na{color:#57606a}
</style></head><body>
<h1>Conformance: ${esc(r.target.name)}</h1>
<div class="meta">${esc(r.target.kind)}${r.target.endpoint ? ` at ${esc(r.target.endpoint)}` : ''} · region ${esc(r.target.region)} · ${esc(r.startedAt)} · ${(r.durationMs / 1000).toFixed(1)} s · ${r.summary.apiCalls} API calls · ${esc(r.suite.name)} ${esc(r.suite.version)} (catalogue ${esc(r.suite.catalogueHash)}) · seed ${r.run.seed}, ${r.run.runs} runs per property${r.expectations ? ` · expectations ${esc(r.expectations)}` : ''}</div>
${verdict(r)}
${causes(r)}
${attention(r)}
${replays(r)}
${exceptions(r)}
${reproduce(r)}
${snapshotHtml(r)}
<p class="meta legend">MUST failing means not conformant; SHOULD failing means it works with the SDKs but differs from AWS; not applicable means the target cannot exercise the clause (never counted as a pass); expected fail is a deviation the expectations file lists. Evidence: M API model, D AWS documentation, O observed on AWS, I inferred. Open “Evidence” under a failure for its API calls and a curl line that reproduces each.</p>
${body}
${renderClientsHtml(r)}
</body></html>
`;
}
