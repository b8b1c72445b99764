// Input constraints from the API model (aws-behaviour.md §4 "Input constraints").
import { randomUUID } from 'node:crypto';
import { constraintText, limits, validationMessage } from '../../contracts/operation.ts';
import { answered, dev, eachRejected, inTurn, matches, rejected, same, validationError } from '../../fixtures/assert.ts';
import { test } from '../../fixtures/test.ts';
import { clauses } from '../../fixtures/verdicts.ts';
import { behaviours } from '../../fixtures/behaviours.ts';

behaviours('input', () => {
  const entries = (n: number, key: (i: number) => string, value: (i: number) => string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [key(i), value(i)]));

  /** Identifiers that break the model's IdentityPoolId/IdentityId constraints, each for a reason. */
  const malformedIds = (region: string) => ({
    empty: '',
    'no colon': `${region}${randomUUID()}`,
    'upper-case hex': `${region}:${randomUUID().toUpperCase()}`,
    'non-hex after the colon': `${region}:not-hex`,
    'space in the region part': `us east:${randomUUID()}`,
    [`over ${limits.identityPoolId.max} characters`]: `${region}:${randomUUID()}${'0'.repeat(limits.identityPoolId.max)}`.slice(0, limits.identityPoolId.max + 1),
  });

  test('a request without IdentityPoolId is rejected', clauses('input.pool-id-required', 'input.pool-id-required.exact'), async ({ api, pools, user, verdicts }) => {
    await pools.shared(); // a pool exists, so that a target falling back to one would be caught
    const r = await api.getToken({ Logins: dev(user()) });
    await verdicts.check('input.pool-id-required', () => rejected(r));
    await verdicts.check('input.pool-id-required.exact', () => validationError(r, 'identityPoolId', constraintText.notNull));
  });

  test('a request without Logins is rejected', clauses('input.logins-required', 'input.logins-required.exact'), async ({ api, pools, verdicts }) => {
    const r = await api.getToken({ IdentityPoolId: await pools.shared() });
    await verdicts.check('input.logins-required', () => rejected(r));
    await verdicts.check('input.logins-required.exact', () => validationError(r, 'logins', constraintText.notNull));
  });

  test('a malformed IdentityPoolId is rejected', clauses('input.pool-id-pattern', 'input.pool-id-pattern.exact'), async ({ api, user, target, verdicts }) => {
    const tries = await inTurn(Object.entries(malformedIds(target.region)), async ([why, id]) => ({ why, r: await api.getToken({ IdentityPoolId: id, Logins: dev(user()) }) }));
    await verdicts.check('input.pool-id-pattern', () => eachRejected(tries, (t) => t.why));
    await verdicts.check('input.pool-id-pattern.exact', () => tries.forEach((t) => validationError(t.r, 'identityPoolId')));
  });

  test('a malformed IdentityId is rejected', clauses('input.identity-id-pattern', 'input.identity-id-pattern.exact', 'reject.no-side-effects'), async ({ api, pools, user, target, verdicts, noSideEffects }) => {
    const pool = await pools.shared();
    // An empty IdentityId is how SDKs omit it: not a malformed one.
    const tries = await inTurn(Object.entries(malformedIds(target.region)).filter(([, id]) => id !== ''), async ([why, id]) => {
      const u = user();
      return { why, u, r: await api.getToken({ IdentityPoolId: pool, IdentityId: id, Logins: dev(u) }) };
    });
    const held = await verdicts.check('input.identity-id-pattern', () => eachRejected(tries, (t) => t.why));
    await verdicts.check('input.identity-id-pattern.exact', () => tries.forEach((t) => validationError(t.r, 'identityId')));
    if (held) await verdicts.check('reject.no-side-effects', () => noSideEffects(pool, { unregistered: tries.map((t) => t.u) }));
  });

  test(`more than ${limits.logins.maxEntries} logins are rejected`, clauses('input.logins-max', 'reject.no-side-effects'), async ({ api, pools, user, verdicts, noSideEffects }) => {
    const pool = await pools.shared();
    const u = user();
    const extra = entries(limits.logins.maxEntries, (i) => `login${i}.example.com`, () => user());
    const r = await api.getToken({ IdentityPoolId: pool, Logins: dev(u, extra) });
    const held = await verdicts.check('input.logins-max', () => rejected(r));
    if (held) await verdicts.check('reject.no-side-effects', () => noSideEffects(pool, { unregistered: [u] }));
  });

  test('PrincipalTags beyond the model limits are rejected', clauses('input.principal-tags-limits', 'reject.no-side-effects'), async ({ api, pools, user, verdicts, noSideEffects }) => {
    const pool = await pools.shared();
    const { maxEntries, key, value } = limits.principalTags;
    const cases = {
      [`${maxEntries + 1} tags`]: entries(maxEntries + 1, (i) => `k${i}`, () => 'v'),
      'an empty key': { '': 'v' },
      [`a key of ${key.max + 1} characters`]: { ['k'.repeat(key.max + 1)]: 'v' },
      'an empty value': { k: '' },
      [`a value of ${value.max + 1} characters`]: { k: 'v'.repeat(value.max + 1) },
    };
    const tries = await inTurn(Object.entries(cases), async ([why, PrincipalTags]) => {
      const u = user();
      return { why, u, r: await api.getToken({ IdentityPoolId: pool, Logins: dev(u), PrincipalTags }) };
    });
    const held = await verdicts.check('input.principal-tags-limits', () => eachRejected(tries, (t) => t.why));
    if (held) await verdicts.check('reject.no-side-effects', () => noSideEffects(pool, { unregistered: tries.map((t) => t.u) }));
  });

  test('constraint violations answer ValidationException in the standard form', clauses('input.validation-type'), async ({ api, pools, user, verdicts }) => {
    const pool = await pools.shared();
    const violations = {
      'TokenDuration 0': { IdentityPoolId: pool, Logins: dev(user()), TokenDuration: 0 },
      'a malformed IdentityPoolId': { IdentityPoolId: 'malformed', Logins: dev(user()) },
      [`${limits.logins.maxEntries + 1} logins`]: { IdentityPoolId: pool, Logins: dev(user(), entries(limits.logins.maxEntries, (i) => `login${i}.example.com`, () => 'x')) },
      'a tag value too long': { IdentityPoolId: pool, Logins: dev(user()), PrincipalTags: { k: 'v'.repeat(limits.principalTags.value.max + 1) } },
    };
    const tries = await inTurn(Object.entries(violations), async ([why, input]) => ({ why, r: await api.getToken(input) }));
    await verdicts.check('input.validation-type', () =>
      tries.forEach(({ why, r }) => {
        same(r.ok ? 'success' : r.error, 'ValidationException', why);
        matches(r.ok ? '' : r.message, validationMessage, why);
      }),
    );
  });

  test('an IdentityPoolId that does not exist is rejected', clauses('pool.not-found', 'pool.not-found.exact'), async ({ api, pools, user, target, verdicts }) => {
    const deleted = await pools.create();
    const deletion = await pools.delete(deleted);
    if (!deletion.ok) throw new Error(`DeleteIdentityPool failed: ${deletion.error}: ${deletion.message}`);
    const ask = async (id: string, settle: number) => {
      let r = await api.getToken({ IdentityPoolId: id, Logins: dev(user()) });
      for (let i = 1; i < settle && r.ok; i++) {
        await new Promise((ok) => setTimeout(ok, 2000));
        r = await api.getToken({ IdentityPoolId: id, Logins: dev(user()) });
      }
      return { id, r };
    };
    const unknown = await ask(`${target.region}:${randomUUID()}`, 1);
    // A real service may take a moment to forget a deleted pool: ask again for up to 10 s before
    // judging. Not the mock, nor an endpoint that took a pool id that never existed: waiting cannot help.
    const tries = [unknown, await ask(deleted, target.mock || unknown.r.ok ? 1 : 6)];
    verdicts.provoked('pool.not-found.exact', tries.map((t) => t.r));
    await verdicts.check('pool.not-found', () => eachRejected(tries, (t) => `IdentityPoolId ${t.id}`));
    await verdicts.check('pool.not-found.exact', () => tries.forEach((t) => answered(t.r, ['ResourceNotFoundException'], `IdentityPool '${t.id}' not found.`)));
  });
});
