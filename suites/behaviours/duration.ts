// TokenDuration (aws-behaviour.md §4 "TokenDuration").
import { decodeJwt } from 'jose';
import { constraintText, limits } from '../../contracts/operation.ts';
import { compactJws, dev, eachRejected, inTurn, issued, same, validationError } from '../../fixtures/assert.ts';
import { expect, test } from '../../fixtures/test.ts';
import { clauses } from '../../fixtures/verdicts.ts';
import { behaviours } from '../../fixtures/behaviours.ts';

behaviours('duration', () => {
  const { min, max } = limits.tokenDuration;
  const lifetime = (token: string) => {
    const { iat, exp } = decodeJwt(token);
    return exp! - iat!;
  };

  // exp − iat is read from the token: token.jws is the precondition of both clauses.
  test('without TokenDuration the token lasts 900 seconds', clauses('duration.default'), async ({ api, pools, user, verdicts }) => {
    const r = await api.getToken({ IdentityPoolId: await pools.shared(), Logins: dev(user()) });
    if (!(await verdicts.requires('token.jws', () => compactJws(r)))) return;
    await verdicts.check('duration.default', () => expect(lifetime(issued(r).Token), 'exp − iat').toBe(limits.tokenDuration.default));
  });

  test('TokenDuration sets exp − iat across 1..86400', clauses('duration.custom'), async ({ api, pools, user, verdicts }) => {
    const pool = await pools.shared();
    const answers = await inTurn([min, min + 1, 899, 901, 3600, 3601, max - 1, max], async (d) => ({ d, r: await api.getToken({ IdentityPoolId: pool, Logins: dev(user()), TokenDuration: d }) }));
    if (!(await verdicts.requires('token.jws', () => compactJws(answers[0].r)))) return;
    await verdicts.check('duration.custom', () => answers.forEach(({ d, r }) => same(lifetime(issued(r).Token), d, `exp − iat for TokenDuration ${d}`)));
  });

  for (const [id, values, constraint] of [
    ['duration.below-min', [min - 1, -1, -86400], constraintText.minValue(min)],
    ['duration.above-max', [max + 1, 2 ** 31, 10 ** 12], constraintText.maxValue(max)],
  ] as const) {
    test(`TokenDuration ${values.join(', ')} is rejected`, clauses(id, `${id}.exact`, 'reject.no-side-effects'), async ({ api, pools, user, verdicts, noSideEffects }) => {
      const pool = await pools.shared();
      const tries = await inTurn(values, async (d) => {
        const u = user();
        return { d, u, r: await api.getToken({ IdentityPoolId: pool, Logins: dev(u), TokenDuration: d }) };
      });
      const held = await verdicts.check(id, () => eachRejected(tries, (t) => `TokenDuration ${t.d}`));
      await verdicts.check(`${id}.exact`, () => tries.forEach((t) => validationError(t.r, 'tokenDuration', constraint)));
      if (held) await verdicts.check('reject.no-side-effects', () => noSideEffects(pool, { unregistered: tries.map((t) => t.u) }));
    });
  }
});
