// Linking logins to an existing identity (aws-behaviour.md §4 "Linking").
import { randomUUID } from 'node:crypto';
import { answered, dev, issued, rejected, resolve, retrieved } from '../../fixtures/assert.ts';
import { expect, test } from '../../fixtures/test.ts';
import { clauses } from '../../fixtures/verdicts.ts';
import { behaviours } from '../../fixtures/behaviours.ts';

behaviours('linking', () => {
  // A link is seen by looking users up again: identity.retrieve is the precondition of these clauses,
  // checked on the identity's first user, and they are not reached when it does not hold.
  test('an IdentityId plus a new developer user links the user', clauses('link.add-login'), async ({ api, pools, user, verdicts }) => {
    const pool = await pools.shared();
    const [a, b] = [user('a'), user('b')];
    const x = await verdicts.established('identity.retrieve', () => retrieved(api, pool, a));
    if (x === undefined) return;
    const r = await api.getToken({ IdentityPoolId: pool, IdentityId: x, Logins: dev(b) });
    await verdicts.check('link.add-login', async () => {
      expect(issued(r).IdentityId, 'the answer names the identity linked to').toBe(x);
      expect(await resolve(api, pool, b), 'the new user alone resolves to it').toBe(x);
    });
  });

  test('linking keeps the logins the identity had', clauses('link.keeps-logins'), async ({ api, pools, user, verdicts }) => {
    const pool = await pools.shared();
    const [a, b] = [user('a'), user('b')];
    const x = await verdicts.established('identity.retrieve', () => retrieved(api, pool, a));
    if (x === undefined) return;
    const linked = await api.getToken({ IdentityPoolId: pool, IdentityId: x, Logins: dev(b) });
    // Only a link that happened can have kept (or lost) the first login.
    if (!(await verdicts.requires('link.add-login', () => expect(issued(linked).IdentityId, 'the answer names the identity linked to').toBe(x)))) return;
    await verdicts.check('link.keeps-logins', async () => expect(await resolve(api, pool, a)).toBe(x));
  });

  test('linking a user already linked to the identity is idempotent', clauses('link.idempotent'), async ({ api, pools, user, verdicts }) => {
    const pool = await pools.shared();
    const a = user('a');
    const x = await verdicts.established('identity.retrieve', () => retrieved(api, pool, a));
    if (x === undefined) return;
    const r = await api.getToken({ IdentityPoolId: pool, IdentityId: x, Logins: dev(a) });
    await verdicts.check('link.idempotent', async () => {
      expect(issued(r).IdentityId, 'the answer names the identity').toBe(x);
      expect(await resolve(api, pool, a), 'the user still resolves to it').toBe(x);
    });
  });

  test('a user registered to another identity cannot be linked', clauses('link.user-registered-elsewhere', 'reject.no-side-effects'), async ({ api, pools, user, verdicts, noSideEffects }) => {
    const pool = await pools.shared();
    const [a, b] = [user('a'), user('b')];
    const x = await resolve(api, pool, a);
    // B is registered to Y only where B is retrieved again.
    const y = await verdicts.established('identity.retrieve', () => retrieved(api, pool, b));
    if (y === undefined) return;
    const r = await api.getToken({ IdentityPoolId: pool, IdentityId: x, Logins: dev(b) });
    verdicts.provoked('link.user-registered-elsewhere', [r]);
    await verdicts.check('link.user-registered-elsewhere', async () => {
      answered(r, ['DeveloperUserAlreadyRegisteredException']);
      expect(await resolve(api, pool, b), 'the user still resolves to its own identity').toBe(y);
    });
    if (!r.ok) await verdicts.check('reject.no-side-effects', () => noSideEffects(pool, { links: [[a, x], [b, y]] }));
  });

  test('a well-formed IdentityId that does not exist is rejected', clauses('link.unknown-identity', 'link.unknown-identity.exact', 'reject.no-side-effects'), async ({ api, pools, user, target, verdicts, noSideEffects }) => {
    const pool = await pools.shared();
    const b = user('b');
    const ghost = `${target.region}:${randomUUID()}`;
    const r = await api.getToken({ IdentityPoolId: pool, IdentityId: ghost, Logins: dev(b) });
    verdicts.provoked('link.unknown-identity.exact', [r]);
    const held = await verdicts.check('link.unknown-identity', () => rejected(r));
    await verdicts.check('link.unknown-identity.exact', () => answered(r, ['ResourceNotFoundException'], `Identity '${ghost}' not found.`));
    if (held) await verdicts.check('reject.no-side-effects', () => noSideEffects(pool, { unregistered: [b] }));
  });

  test('an IdentityId from another pool is rejected', clauses('link.foreign-identity', 'link.foreign-identity.exact', 'reject.no-side-effects'), async ({ api, pools, user, verdicts, noSideEffects }) => {
    const [pool, other] = [await pools.shared(), await pools.shared('other')];
    const [a, b] = [user('a'), user('b')];
    const z = await resolve(api, other, a);
    const r = await api.getToken({ IdentityPoolId: pool, IdentityId: z, Logins: dev(b) });
    verdicts.provoked('link.foreign-identity.exact', [r]);
    const held = await verdicts.check('link.foreign-identity', () => rejected(r));
    await verdicts.check('link.foreign-identity.exact', () => answered(r, ['NotAuthorizedException', 'ResourceNotFoundException']));
    if (held) await verdicts.check('reject.no-side-effects', () => noSideEffects(pool, { unregistered: [b] }));
  });

  test('LookupDeveloperIdentity lists every linked developer user', clauses('link.lookup'), async ({ api, pools, user, needs, verdicts }) => {
    if (!(await needs('lookupDeveloperIdentity'))) return;
    const pool = await pools.shared();
    const users = [user('a'), user('b'), user('c')];
    const x = await resolve(api, pool, users[0]);
    for (const u of users.slice(1)) await api.getToken({ IdentityPoolId: pool, IdentityId: x, Logins: dev(u) });
    const r = await api.lookup(pool, { IdentityId: x });
    await verdicts.check('link.lookup', () => {
      if (!r.ok) throw new Error(`LookupDeveloperIdentity answered ${r.error}: ${r.message}`);
      expect([...(r.output.DeveloperUserIdentifierList ?? [])].sort()).toEqual([...users].sort());
    });
  });

  test('a developer login and a public login in one call give one identity', clauses('link.public-login'), async ({ api, pools, user, needs, profile, verdicts }) => {
    if (!(await needs('publicLogin'))) return;
    const pool = await pools.create(); // the public login may be linked only once per pool
    const { provider, token } = profile.publicLogin!;
    const first = await api.getToken({ IdentityPoolId: pool, Logins: dev(user('a'), { [provider]: token }) });
    const second = await api.getToken({ IdentityPoolId: pool, Logins: dev(user('b'), { [provider]: token }) });
    await verdicts.check('link.public-login', () => {
      const x = issued(first).IdentityId;
      expect(issued(second).IdentityId, 'a second developer user with the same public login joins the same identity').toBe(x);
    });
  });

  test('a public login linked to another identity cannot be linked', clauses('link.login-conflict', 'link.login-conflict.exact'), async ({ api, pools, user, needs, profile, verdicts }) => {
    if (!(await needs('publicLogin'))) return;
    const pool = await pools.create(); // the public login may be linked only once per pool
    const { provider, token } = profile.publicLogin!;
    const withPublic = (u: string) => dev(u, { [provider]: token });
    const joins = async () => issued(await api.getToken({ IdentityPoolId: pool, Logins: withPublic(user('j')) })).IdentityId;
    // link.public-login is the precondition: the public login belongs to Y, and a later call with it joins Y.
    const linkedToY = async () => {
      const y = issued(await api.getToken({ IdentityPoolId: pool, Logins: withPublic(user('a')) })).IdentityId;
      expect(await joins(), 'a second developer user with the public login joins its identity').toBe(y);
      return y;
    };
    const y = await verdicts.established('link.public-login', linkedToY);
    if (y === undefined) return;
    const b = user('b');
    const x = await resolve(api, pool, b);
    // X's own developer user with the public login that belongs to Y.
    const r = await api.getToken({ IdentityPoolId: pool, IdentityId: x, Logins: withPublic(b) });
    verdicts.provoked('link.login-conflict.exact', [r]);
    await verdicts.check('link.login-conflict', async () => {
      rejected(r);
      expect(await joins(), 'the public login still belongs to its identity').toBe(y);
    });
    await verdicts.check('link.login-conflict.exact', () => answered(r, ['ResourceConflictException']));
  });
});
