// throttle.too-many-requests. The embedded mock enforces its quota only while this test runs (its
// worker runs one test at a time); other targets enforce theirs always, and the suite paces its
// ordinary calls under it (fixtures/pace.ts).
import { OPERATION } from '../../contracts/operation.ts';
import { dev, matches, same } from '../../fixtures/assert.ts';
import { expect, test } from '../../fixtures/test.ts';
import { clauses } from '../../fixtures/verdicts.ts';
import { behaviours } from '../../fixtures/behaviours.ts';

behaviours('throttle', () => {
  /** At most this many calls in a burst, whatever the declared quota: the test must stay bounded. */
  const MAX_BURST = 1000;

  test('a burst over the quota answers TooManyRequestsException and issues no token for refused calls', clauses('throttle.too-many-requests'), async ({ raw, pools, user, profile, target, needs, verdicts, noSideEffects }) => {
    if (!(await needs('quota'))) return;
    const n = profile.quota! * 2 + 5;
    if (n > MAX_BURST) return verdicts.notApplicable(`a quota of ${profile.quota}/s needs a burst over ${MAX_BURST} calls, more than this test sends`);
    const pool = await pools.shared();
    const users = Array.from({ length: n }, () => user());
    target.mock?.enforceQuota(profile.quota);
    let answers;
    try {
      answers = await Promise.all(users.map((u) => raw.send({ operation: OPERATION, body: { IdentityPoolId: pool, Logins: dev(u) }, unpaced: true })));
    } finally {
      target.mock?.enforceQuota(undefined);
    }
    verdicts.provoked('throttle.too-many-requests', answers);
    const refused = answers.map((r, i) => ({ r, u: users[i] })).filter(({ r }) => r.status !== 200);
    // Let the quota window pass so that the checks below are not throttled themselves.
    if (!target.mock) await new Promise((ok) => setTimeout(ok, 2000));
    await verdicts.check('throttle.too-many-requests', async () => {
      expect(refused.length, `${n} calls at once against a quota of ${profile.quota}/s: some must be refused`).toBeGreaterThan(0);
      for (const { r } of refused) {
        same(r.status, 400, r.text);
        matches(String(r.json?.__type ?? ''), /TooManyRequestsException$/, '__type');
        same(r.json?.Token, undefined, 'no token in the answer');
      }
      await noSideEffects(pool, { unregistered: refused.slice(0, 5).map((x) => x.u) });
    });
  });
});
