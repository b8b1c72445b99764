// conformance.html as a reader sees it, in real headless Chromium (Debian's /usr/bin/chromium, set
// up by npm test's pretest: fixtures/chromium.ts; no browser can be downloaded here). The report
// is built in-process from hand-made verdicts through the real fold and buildReport (so through
// redaction too), with a failing MUST clause carrying token- and signature-bearing evidence, an
// expected-fail, a not-applicable and passes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, expect, test, type Page } from '@playwright/test';
import { ConformanceReport, type ClauseResult } from '../../contracts/report.ts';
import { CHROMIUM_ARGS, chromiumPath, missing } from '../../fixtures/chromium.ts';
import { curlLine } from '../../fixtures/raw.ts';
import { registerSecret } from '../../fixtures/redact.ts';
import { mockProfile } from '../../fixtures/target.ts';
import { foldAll, type TestVerdicts } from '../../reports/fold.ts';
import { renderHtml } from '../../reports/html.ts';
import { buildReport } from '../../reports/write.ts';

const CHROMIUM = chromiumPath();

const TARGET = 'html self-test target';
const ENDPOINT = 'http://127.0.0.1:4601';
const POOL = 'us-east-1:617f611b-9144-4726-950a-8bc188cdca63';
const FIRST_ID = 'us-east-1:57aa40cc-a050-4f4b-8f88-6c5578101e44';
const SECOND_ID = 'us-east-1:a1dea6bb-4e77-4f91-9c61-56e375769f71';
// What must never reach the page: a token, an Authorization value (and its signature), a secret key, a session token.
const JWT = 'eyJhbGciOiJSUzUxMiIsImtpZCI6InVzLWVhc3QtMTEifQ.eyJzdWIiOiJ1cy1lYXN0LTE6NTdhYTQwY2MifQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbi1oZXJl';
const SECRET = 'cc-Secret-Key-Never-Printed-0123456789';
const SESSION = 'cc-Session-Token-Never-Printed-9876543210';
const SIGNATURE = 'f'.repeat(8) + '0123456789abcdef'.repeat(3) + 'e'.repeat(8);
const AUTHORIZATION = `AWS4-HMAC-SHA256 Credential=AKIDCONFORMANCE/20260101/us-east-1/cognito-identity/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${SIGNATURE}`;

const body = JSON.stringify({ IdentityPoolId: POOL, Logins: { 'login.cc-conformance.x': 'u-1' } });
const REPRODUCE = curlLine(ENDPOINT, 'us-east-1', 'AWSCognitoIdentityService.GetOpenIdTokenForDeveloperIdentity', body);
/** Evidence as the drivers record it, before redaction: an SDK call and a raw call. */
const retrieveCalls = [
  {
    operation: 'GetOpenIdTokenForDeveloperIdentity',
    input: JSON.parse(body),
    outcome: { ok: true, status: 200, output: { IdentityId: FIRST_ID, Token: JWT }, requestId: 'req-1' },
    ms: 9,
    reproduce: REPRODUCE,
  },
  {
    operation: 'raw AWSCognitoIdentityService.GetOpenIdTokenForDeveloperIdentity',
    input: { signing: 'valid', headers: { authorization: AUTHORIZATION, 'x-amz-security-token': SESSION, 'x-amz-target': 'AWSCognitoIdentityService.GetOpenIdTokenForDeveloperIdentity' }, body },
    outcome: { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ IdentityId: SECOND_ID, Token: JWT }) },
    ms: 13,
    reproduce: REPRODUCE,
  },
];

const runs: TestVerdicts[] = [
  { test: 'identity.spec.ts › a new developer user gets an identity', verdicts: [{ clause: 'identity.create', status: 'pass' }, { clause: 'identity.id-format', status: 'pass' }] },
  {
    test: 'identity.spec.ts › the same developer user again gets the same identity',
    verdicts: [
      {
        clause: 'identity.retrieve',
        status: 'fail',
        message: `the IdentityId the second call answers\nexpect(received).toBe(expected) // Object.is equality\nExpected: "${FIRST_ID}"\nReceived: "${SECOND_ID}"\n(the answer carried ${JWT}; signed with ${SECRET})`,
      },
    ],
    evidence: { 'identity.retrieve': retrieveCalls },
  },
  {
    test: 'duration.spec.ts › TokenDuration below 1 is rejected',
    verdicts: [{ clause: 'duration.below-min', status: 'pass' }, { clause: 'duration.below-min.exact', status: 'fail', message: 'expected ValidationException, got InvalidParameterException' }],
    evidence: { 'duration.below-min.exact': [retrieveCalls[0]] },
  },
  { test: 'token.spec.ts › the token is a compact JWS', verdicts: [{ clause: 'token.jws', status: 'pass' }, { clause: 'token.alg', status: 'pass' }] },
  // Not reached: its precondition identity.retrieve failed (the root cause the report groups by).
  { test: 'linking.spec.ts › idempotent', verdicts: [{ clause: 'link.idempotent', status: 'not-applicable', message: 'not reached: identity.retrieve failed', blockedBy: 'identity.retrieve' }] },
  { test: 'linking.spec.ts › registered elsewhere', verdicts: [{ clause: 'link.user-registered-elsewhere', status: 'pass' }] },
  { test: 'throttle.spec.ts › a burst over the quota', verdicts: [{ clause: 'throttle.too-many-requests', status: 'not-applicable', message: 'the target declares no quota (--quota N)' }] },
];

const LABEL: Record<ClauseResult['status'], string> = { pass: 'pass', fail: 'FAIL', 'not-applicable': 'not applicable', 'expected-fail': 'expected fail', 'unexpected-pass': 'unexpected pass' };
const EVIDENCE: Record<string, string> = { M: 'API model', D: 'AWS documentation', O: 'observed on AWS', I: 'inferred' };
const SECTION_TITLES: Record<string, string> = { identity: 'Identity: create and retrieve', linking: 'Linking', duration: 'TokenDuration', token: 'Token', protocol: 'Authentication, protocol, limits' };
const rowOf = (page: Page, id: string) => page.locator(`tr[id="clause-${id}"]`);

function report(): ConformanceReport {
  registerSecret(SECRET);
  registerSecret(SESSION);
  const declared = new Set(runs.flatMap((r) => r.verdicts.map((v) => v.clause)));
  const clauses = foldAll(runs, declared, { 'duration.below-min.exact': 'the target answers InvalidParameterException' });
  const started = new Date('2026-01-02T03:04:05.000Z');
  const r = buildReport(mockProfile({ name: TARGET, kind: 'endpoint', endpoint: ENDPOINT, seed: 7, runs: 9 }), clauses, {
    provoked: [{ clause: 'link.user-registered-elsewhere', answer: '400 DeveloperUserAlreadyRegisteredException' }],
    started,
    finished: new Date(started.getTime() + 23_300),
    calls: 115,
    replays: [],
    expectations: 'expectations/self-test.json',
  });
  return ConformanceReport.parse(r);
}

test('conformance.html shows the verdict, clauses by section and collapsible evidence, and no secret', async ({}, testInfo) => {
  expect(existsSync(CHROMIUM), missing(CHROMIUM)).toBe(true);

  const r = report();
  const statuses = Object.fromEntries(r.clauses.map((c) => [c.id, c.status]));
  expect(statuses, 'the hand-made run covers every status the page must show').toEqual({
    'identity.create': 'pass', 'identity.id-format': 'pass', 'identity.retrieve': 'fail',
    'duration.below-min': 'pass', 'duration.below-min.exact': 'expected-fail',
    'token.jws': 'pass', 'token.alg': 'pass', 'throttle.too-many-requests': 'not-applicable',
    'link.idempotent': 'not-applicable', 'link.user-registered-elsewhere': 'pass',
  });
  expect(r.summary.ok).toBe(false);

  const html = renderHtml(r);
  const file = testInfo.outputPath('conformance.html');
  writeFileSync(file, html);
  await testInfo.attach('conformance.html', { path: file, contentType: 'text/html' });

  // Self-contained: no script, no external asset.
  expect(html).not.toMatch(/<script|<link\b|<img\b|@import|url\(|src=|href="(?!#)/i);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }); // Playwright gives it a fresh temporary profile
  try {
    // Scripts off: the page must work without any (details open natively).
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (q) => requested.push(q.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url);
    expect(requested, 'the page loads nothing but itself').toEqual([url]);

    // Title and target.
    await expect(page).toHaveTitle(`Conformance: ${TARGET}`);
    await expect(page.locator('h1')).toHaveText(`Conformance: ${TARGET}`);
    await expect(page.locator('.meta').first()).toContainText(`endpoint at ${ENDPOINT}`);

    // The verdict first: the banner is on screen without scrolling and says MUST failed.
    const banner = page.locator('.verdict');
    await expect(banner).toHaveCount(1);
    await expect(banner).toBeInViewport();
    await expect(banner).toHaveClass(/\bbad\b/);
    await expect(banner.locator('.headline')).toContainText('Not conformant: 1 MUST clause failed');
    await expect(banner).toContainText('MUST 5 of 6 pass, 1 fail, 1 not reached, 1 not applicable');
    await expect(banner).toContainText('SHOULD 1 of 2 pass, 1 expected to fail');

    // The clauses that did not pass, worst first, each linking to its row.
    const attention = page.locator('section.attention tbody tr');
    await expect(attention).toHaveCount(2);
    await expect(attention.nth(0)).toContainText('identity.retrieve');
    await expect(attention.nth(0).locator('.badge')).toHaveText('FAIL');
    await expect(attention.nth(0)).toContainText(`the IdentityId the second call answers — Expected: "${FIRST_ID}", received: "${SECOND_ID}"`);
    await expect(attention.nth(0).locator('a')).toHaveAttribute('href', '#clause-identity.retrieve');
    await expect(attention.nth(1)).toContainText('duration.below-min.exact');
    await expect(attention.nth(1).locator('.badge')).toHaveText('expected fail');

    // Sections in catalogue order, each holding exactly its clauses, with level, evidence letter and status badge.
    const sections = [...new Set(r.clauses.map((c) => c.section))];
    const groups = page.locator('section.group');
    await expect(groups.locator('h2')).toHaveText(sections.map((s) => new RegExp(`^${SECTION_TITLES[s]}\\b`)));
    for (const s of sections) {
      const rows = page.locator(`section.group[data-section="${s}"] tbody > tr`);
      await expect(rows, `rows of section ${s}`).toHaveCount(r.clauses.filter((c) => c.section === s).length);
    }
    for (const c of r.clauses) {
      const row = page.locator(`section.group[data-section="${c.section}"] tr[id="clause-${c.id}"]`);
      await expect(row, `${c.id} in section ${c.section}`).toHaveCount(1);
      await expect(row.locator('td').nth(0).locator('.badge')).toHaveText(LABEL[c.status]);
      await expect(row.locator('td').nth(0).locator('.badge')).toHaveClass(new RegExp(`\\b${c.status}\\b`));
      await expect(row.locator('td').nth(1)).toHaveText(c.level);
      await expect(row.locator('td').nth(2).locator('abbr')).toHaveText(c.evidence);
      await expect(row.locator('td').nth(2).locator('abbr')).toHaveAttribute('title', EVIDENCE[c.evidence]);
      await expect(row.locator('code.cid')).toHaveText(c.id);
      await expect(row.locator('.beh')).toHaveText(c.behaviour);
    }
    await expect(page.locator('section.group[data-section="identity"] h2 .count.fail')).toHaveText('1 FAIL');
    await expect(rowOf(page, 'throttle.too-many-requests').locator('.why')).toHaveText('the target declares no quota (--quota N)');
    await expect(rowOf(page, 'duration.below-min.exact').locator('.why')).toContainText('the target answers InvalidParameterException');

    // Failures grouped by root cause, the seven declared exceptions, what reproduces the run.
    const causes = page.locator('section.root-causes tbody tr');
    await expect(causes).toHaveCount(1);
    await expect(causes).toContainText('identity.retrieve: 1 clause not reached');
    await expect(causes.locator('a[href="#clause-link.idempotent"]')).toHaveCount(1);
    await expect(rowOf(page, 'link.idempotent').locator('.why')).toHaveText('not reached: identity.retrieve failed');
    const exceptions = page.locator('section.exceptions tbody tr');
    await expect(exceptions).toHaveCount(7);
    const conflict = exceptions.filter({ hasText: 'DeveloperUserAlreadyRegisteredException' });
    await expect(conflict.locator('td').nth(1)).toHaveText('link.user-registered-elsewhere');
    await expect(conflict.locator('td').nth(2)).toHaveText('400 DeveloperUserAlreadyRegisteredException (link.user-registered-elsewhere)');
    await expect(conflict.locator('td').nth(3)).toHaveText('yes');
    await expect(exceptions.filter({ hasText: 'ResourceConflictException' }).locator('td').nth(2)).toHaveText('not provoked on this run: link.login-conflict.exact was not run');
    await expect(page.locator('section.reproduce')).toContainText('seed 7, 9 runs per property');
    await expect(page.locator('section.reproduce code.repro')).toHaveText(`npx cognito-conformance run --target endpoint --endpoint ${ENDPOINT} --region us-east-1 --quota 25 --verifies-signatures --fault-injection in-process --public-login "graph.facebook.com=cc-conformance-app:<token>" --account-id "<account-id>" --seed 7 --runs 9`);

    // The failure's evidence: collapsed at first; a click shows request, answer and the reproduce line.
    const failing = rowOf(page, 'identity.retrieve');
    const details = failing.locator('details.evidence');
    await expect(details).toHaveCount(1);
    await expect(details).toHaveJSProperty('open', false);
    await expect(details.locator('pre.request').first()).toBeHidden();
    await expect(details.locator('code.repro').first()).toBeHidden();
    await expect(details.locator('summary')).toContainText('Evidence: 2 API calls — identity.spec.ts › the same developer user again gets the same identity');
    await details.locator('summary').click();
    await expect(details).toHaveJSProperty('open', true);
    const calls = details.locator('.call');
    await expect(calls).toHaveCount(2);
    await expect(calls.nth(0).locator('.call-h')).toContainText('1. GetOpenIdTokenForDeveloperIdentity → 200 OK');
    await expect(calls.nth(0).locator('pre.request')).toBeVisible();
    await expect(calls.nth(0).locator('pre.request')).toContainText(`"IdentityPoolId": "${POOL}"`);
    await expect(calls.nth(0).locator('pre.answer')).toBeVisible();
    await expect(calls.nth(0).locator('pre.answer')).toContainText(`"IdentityId": "${FIRST_ID}"`);
    await expect(calls.nth(0).locator('pre.answer')).toContainText('"Token": "<redacted');
    await expect(calls.nth(1).locator('pre.request')).toContainText('"authorization": "<redacted');
    await expect(calls.nth(1).locator('pre.answer')).toContainText(SECOND_ID);
    for (const i of [0, 1]) {
      await expect(calls.nth(i).locator('code.repro')).toBeVisible();
      await expect(calls.nth(i).locator('code.repro')).toHaveText(REPRODUCE);
    }
    expect(REPRODUCE).toContain(`curl -sS -i ${ENDPOINT}`);
    await expect(details.locator('pre.msg')).toContainText(`Received: "${SECOND_ID}"`);

    // Open every other failure too, then search everything the page holds (hidden text included) and its source.
    // (one at a time: each click removes its summary from the set the locator matches)
    const closed = page.locator('details:not([open]) > summary');
    while ((await closed.count()) > 0) await closed.first().click();
    const text = (await page.locator('html').textContent()) ?? '';
    const visible = await page.locator('body').innerText();
    for (const [what, s] of [['page text', text], ['visible text', visible], ['HTML source', readFileSync(file, 'utf8')]] as const) {
      expect(s, `${what}: a token-looking string`).not.toMatch(/eyJ/);
      expect(s, `${what}: the Authorization value`).not.toContain('AWS4-HMAC-SHA256');
      expect(s, `${what}: the request signature`).not.toContain(SIGNATURE);
      expect(s, `${what}: the secret key`).not.toContain(SECRET);
      expect(s, `${what}: the session token`).not.toContain(SESSION);
    }
    expect(visible, 'the evidence shows where the redaction happened').toContain('<redacted jwt>');

    const png = await page.screenshot({ fullPage: true });
    await testInfo.attach('conformance.png', { body: png, contentType: 'image/png' });
    await context.close();
  } finally {
    await browser.close();
  }
});
