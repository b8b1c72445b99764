// badge.svg beside the reports: the MUST score as the console prints it (pass / applicable), green
// only when every applicable MUST clause passed.
import { expect, test } from '@playwright/test';
import { renderBadge } from '../../reports/badge.ts';

const tally = (pass: number, fail: number, notApplicable = 0, expectedFail = 0) => ({ pass, fail, notApplicable, notReached: 0, expectedFail, unexpectedPass: 0, total: pass + fail + notApplicable + expectedFail });
const summary = (must: ReturnType<typeof tally>) => ({ must, should: tally(24, 0), apiCalls: 1, ok: must.fail === 0 });

test('every MUST clause passed: MUST 39/39 in green', () => {
  const svg = renderBadge(summary(tally(39, 0)));
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" /);
  expect(svg).toContain('aria-label="MUST: 39/39"');
  expect(svg).toContain('>39/39</text>');
  expect(svg).toContain('fill="#2e7d32"');
  expect(svg).not.toContain('#c62828');
});

test('a failed or expected-to-fail MUST clause: the score in red; not applicable ones are left out', () => {
  expect(renderBadge(summary(tally(3, 32, 4)))).toContain('aria-label="MUST: 3/35"');
  expect(renderBadge(summary(tally(3, 32, 4)))).toContain('fill="#c62828"');
  const expected = renderBadge(summary(tally(3, 0, 4, 32)));
  expect(expected, 'expectations do not turn the badge green').toContain('fill="#c62828"');
  expect(expected).toContain('>3/35</text>');
});
