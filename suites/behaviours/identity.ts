// Identity: create and retrieve (aws-behaviour.md §4 "Identity").
import { conflate, conflationKinds, conflationVariants } from '../../contracts/arbitraries.ts';
import { IdentityId } from '../../contracts/operation.ts';
import { dev, differs, inTurn, issued, resolve, retrieved, same } from '../../fixtures/assert.ts';
import { expect, test } from '../../fixtures/test.ts';
import { clauses } from '../../fixtures/verdicts.ts';
import { behaviours } from '../../fixtures/behaviours.ts';

behaviours('identity', () => {
  const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

  test('a developer user never seen before gets a new identity and a token', clauses('identity.create'), async ({ api, pools, user, verdicts }) => {
    const pool = await pools.shared();
    const earlier = await api.getToken({ IdentityPoolId: pool, Logins: dev(user()) });
    const r = await api.getToken({ IdentityPoolId: pool, Logins: dev(user()) });
    await verdicts.check('identity.create', () => {
      const { IdentityId: id } = issued(r);
      if (earlier.ok) expect(id, 'the IdentityId is new').not.toBe(earlier.output.IdentityId);
    });
  });

  test('IdentityId has the model format', clauses('identity.id-format', 'identity.id-region'), async ({ api, pools, user, target, verdicts }) => {
    const r = await api.getToken({ IdentityPoolId: await pools.shared(), Logins: dev(user()) });
    const id = r.ok ? r.output.IdentityId : undefined;
    await verdicts.check('identity.id-format', () => {
      const parsed = IdentityId.safeParse(id);
      expect(parsed.success, `IdentityId ${JSON.stringify(id)}: ${parsed.error?.issues.map((i) => i.message).join('; ')}`).toBe(true);
    });
    await verdicts.check('identity.id-region', () => expect(id).toMatch(new RegExp(`^${target.region}:${UUID}$`)));
  });

  test('the same developer user again gets the same identity', clauses('identity.retrieve'), async ({ api, pools, user, verdicts }) => {
    const pool = await pools.shared();
    const u = user();
    await verdicts.check('identity.retrieve', () => retrieved(api, pool, u));
  });

  test('different developer users get different identities', clauses('identity.distinct-users'), async ({ api, pools, user, verdicts }) => {
    const pool = await pools.shared();
    const u = user('Case');
    // Identifiers are case-sensitive and compared whole: these three are three users.
    const users = [u, u.toLowerCase(), `${u}-2`];
    await verdicts.check('identity.distinct-users', async () => {
      const ids = await inTurn(users, (x) => resolve(api, pool, x));
      expect(new Set(ids).size, `IdentityIds for ${users.join(', ')}: ${ids.join(', ')}`).toBe(users.length);
    });
  });

  test('identifiers that differ only in case, whitespace, Unicode form, length, a separator or an escape are different users', clauses('identity.distinct-users'), async ({ api, pools, user, verdicts }) => {
    const pool = await pools.shared('opaque');
    // Every kind and variant of contracts/arbitraries.ts once; the property searches further.
    const pairs = conflationKinds.flatMap((kind) => Array.from({ length: conflationVariants[kind] }, (_, variant) => ({ kind, variant, pair: conflate({ kind, stem: 'Ab1', variant }, user()) })));
    await verdicts.check('identity.distinct-users', async () => {
      // Pairs are independent: asked side by side (on a distant target, one round trip per pair, not per pair in turn).
      const resolved = await Promise.all(pairs.map(({ pair }) => inTurn(pair, (u) => resolve(api, pool, u))));
      pairs.forEach(({ kind, variant, pair }, i) =>
        differs(resolved[i][1], resolved[i][0], `${kind} #${variant}: ${JSON.stringify(pair[1].slice(0, 60))} is another user than ${JSON.stringify(pair[0].slice(0, 60))}`),
      );
    });
  });

  test('developer user identifiers are opaque', clauses('identity.user-id-opaque'), async ({ api, pools, user, verdicts }) => {
    const pool = await pools.shared('opaque');
    const u = user();
    const cases = [
      u.slice(-1), // one character
      (u + 'x'.repeat(1024)).slice(0, 1024),
      `Zoë ${u} 名前 😀`,
      ` ${u} with  spaces `,
      `${u}:with/colons:and/slashes`,
    ];
    // Only where an ordinary user is retrieved can an unusual one be found not to be.
    if (!(await verdicts.requires('identity.retrieve', () => retrieved(api, pool, user())))) return;
    await verdicts.check('identity.user-id-opaque', async () => {
      for (const c of cases) {
        const created = await resolve(api, pool, c);
        same(await resolve(api, pool, c), created, `user ${JSON.stringify(c.slice(0, 40))} (${c.length} chars) resolves again`);
      }
    });
  });
});
