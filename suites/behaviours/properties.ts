// Properties over generated inputs (contracts/arbitraries.ts): the example groups pin the
// boundaries they name, these look for the input nobody thought to write down. Budget and seed
// come from the target profile; a failure carries the line that replays it.
import fc from 'fast-check';
import { decodeJwt } from 'jose';
import { conflatable, conflate, developerUserId, identityId, identityPoolId, logins, principalTags, tokenDuration, uniqueUser } from '../../contracts/arbitraries.ts';
import { limits } from '../../contracts/operation.ts';
import { principalTagsClaim, TAGS_CLAIM } from '../../contracts/token.ts';
import { compactJws, dev, differs, equal, issued, rejected, resolve, retrieved, same } from '../../fixtures/assert.ts';
import { behaviours } from '../../fixtures/behaviours.ts';
import { allowFor, holds, partTitle, under, verdictsOf } from '../../fixtures/property.ts';
import { test } from '../../fixtures/test.ts';
import { clauses } from '../../fixtures/verdicts.ts';

behaviours('properties', ({ parts }) => {
  const { min, max } = limits.tokenDuration;

  for (const part of parts(2))
    test(partTitle('property: any developer user identifier round-trips', part), clauses('identity.user-id-opaque'), async ({ api, pools, user, profile, verdicts }, info) => {
      allowFor(info, profile, 2);
      const pool = await pools.shared('opaque');
      // Only where an ordinary user is retrieved can an unusual one be found not to be.
      if (!(await verdicts.requires('identity.retrieve', () => retrieved(api, pool, user())))) return;
      await verdicts.check('identity.user-id-opaque', () =>
        holds(
          fc.asyncProperty(developerUserId, async (generated) => {
            const u = uniqueUser(user(), generated);
            const created = await resolve(api, pool, u);
            same(await resolve(api, pool, u), created, `user ${JSON.stringify(u.slice(0, 60))} (${u.length} characters, ${Buffer.byteLength(u)} UTF-8 bytes) resolves again`);
          }),
          profile,
          info,
          part,
        ),
      );
    });

  // Opaque means byte for byte: two identifiers one plausible normalisation (case, whitespace, Unicode
  // form, truncation, a separator, an escape) would make one are two users, each retrieved as itself.
  // Four calls a run, one after another: in parts, so that workers share them on a distant target.
  for (const part of parts(4))
    test(partTitle('property: identifiers an emulator could take for one are two users', part), clauses('identity.distinct-users', 'identity.user-id-opaque'), async ({ api, pools, user, profile, verdicts }, info) => {
      allowFor(info, profile, 4);
      const pool = await pools.shared('opaque');
      if (!(await verdicts.requires('identity.retrieve', () => retrieved(api, pool, user())))) return;
      await verdictsOf(verdicts, ['identity.distinct-users', 'identity.user-id-opaque'], () =>
        holds(
          fc.asyncProperty(conflatable, async (c) => {
            const [a, b] = conflate(c, user());
            const show = (u: string) => JSON.stringify(u.length > 60 ? `${u.slice(0, 30)}…${u.slice(-20)}` : u);
            const [idA, idB] = [await resolve(api, pool, a), await resolve(api, pool, b)];
            await under('identity.distinct-users', () => differs(idB, idA, `${c.kind}: ${show(b)} (${b.length} characters) is another user than ${show(a)} (${a.length})`));
            await under('identity.user-id-opaque', async () => {
              same(await resolve(api, pool, a), idA, `${show(a)} resolves again to its own identity`);
              same(await resolve(api, pool, b), idB, `${show(b)} resolves again to its own identity`);
            });
          }),
          profile,
          info,
          part,
        ),
      );
    });

  /** Every generated value is refused; `input` builds the request around it. */
  // One part each (one call a run), registered as parts all the same so that shards deal them out.
  const refused = <T>(id: string, title: string, arb: fc.Arbitrary<T>, input: (v: T, pool: string, u: string) => object) => {
    for (const part of parts(1))
      test(partTitle(`property: ${title}`, part), clauses(id), async ({ api, pools, user, profile, verdicts }, info) => {
        allowFor(info, profile, 1);
        // A pool exists even where the input names none, so that a target falling back to one is caught.
        const pool = await pools.shared();
        await verdicts.check(id, () => holds(fc.asyncProperty(arb, async (v) => rejected(await api.getToken(input(v, pool, user())))), profile, info, part));
      });
  };

  refused('duration.below-min', `any TokenDuration below ${min} is rejected`, tokenDuration.belowMin, (d, pool, u) => ({ IdentityPoolId: pool, Logins: dev(u), TokenDuration: d }));
  refused('duration.above-max', `any TokenDuration above ${max} is rejected`, tokenDuration.aboveMax, (d, pool, u) => ({ IdentityPoolId: pool, Logins: dev(u), TokenDuration: d }));
  refused('input.pool-id-pattern', 'any malformed IdentityPoolId is rejected', identityPoolId.invalid, (id, _pool, u) => ({ IdentityPoolId: id, Logins: dev(u) }));
  // An empty IdentityId is how SDKs omit it: not a malformed one.
  refused('input.identity-id-pattern', 'any malformed IdentityId is rejected', identityId.invalid.filter((id) => id !== ''), (id, pool, u) => ({ IdentityPoolId: pool, IdentityId: id, Logins: dev(u) }));
  refused('input.logins-max', `any Logins with more than ${limits.logins.maxEntries} entries is rejected`, logins.tooMany, (extra, pool, u) => ({ IdentityPoolId: pool, Logins: dev(u, extra) }));
  refused('input.principal-tags-limits', 'any PrincipalTags beyond the limits are rejected', principalTags.invalid, (tags, pool, u) => ({ IdentityPoolId: pool, Logins: dev(u), PrincipalTags: tags }));

  /** A valid request: a generated user, and a TokenDuration and PrincipalTags or not. */
  const validInput = fc.record({ user: developerUserId, TokenDuration: fc.option(tokenDuration.valid, { nil: undefined }), PrincipalTags: fc.option(principalTags.nonEmpty, { nil: undefined }) });
  type Input = typeof validInput extends fc.Arbitrary<infer T> ? T : never;
  type Got = { claims: ReturnType<typeof decodeJwt>; identityId: string };
  const CLAIMS = ['token.aud', 'token.sub', 'token.iss', 'duration.custom', 'duration.default', 'token.principal-tags'];

  /** Tag by tag, so that a failure names the tag and its lengths instead of diffing fifty. */
  const tagsCameBack = (claim: unknown, tags: Record<string, string>) => {
    const got = (claim as { principal_tags?: Record<string, unknown> } | undefined)?.principal_tags ?? {};
    for (const [k, v] of Object.entries(tags)) equal(got[k], principalTagsClaim({ [k]: v }).principal_tags[k], `tag ${JSON.stringify(k.slice(0, 40))} (key ${k.length}, value ${v.length} characters)`);
    same(Object.keys(got).length, Object.keys(tags).length, 'no tag more than were sent');
  };

  /** The clauses one valid input exercises, each with its check of the token that came back. */
  const claimChecks = (i: Input, got: Got, pool: string, issuer: string): [clause: string, check: () => void][] => {
    const lifetime = () => got.claims.exp! - got.claims.iat!;
    return [
      ['token.aud', () => same(got.claims.aud, pool, 'aud')],
      ['token.sub', () => same(got.claims.sub, got.identityId, 'sub')],
      ['token.iss', () => same(got.claims.iss, issuer, 'iss')],
      i.TokenDuration === undefined
        ? ['duration.default', () => same(lifetime(), limits.tokenDuration.default, 'exp − iat without TokenDuration')]
        : ['duration.custom', () => same(lifetime(), i.TokenDuration, `exp − iat for TokenDuration ${i.TokenDuration}`)],
      ...(i.PrincipalTags ? [['token.principal-tags', () => tagsCameBack(got.claims[TAGS_CLAIM], i.PrincipalTags!)] as [string, () => void]] : []),
    ];
  };

  // One token per run serves every claim; the verdict goes to the clause the shrunk counterexample breaks.
  for (const part of parts(3))
    test(partTitle('property: every token for a valid input carries the right claims and lifetime', part), clauses(...CLAIMS), async ({ api, pools, user, target, profile, verdicts }, info) => {
      allowFor(info, profile, 1);
      const pool = await pools.shared();
      // The claims are read from the token: token.jws is their precondition, checked on a plain call.
      if (!(await verdicts.requires('token.jws', async () => compactJws(await api.getToken({ IdentityPoolId: pool, Logins: dev(user()) }))))) return;
      await verdictsOf(verdicts, CLAIMS, () =>
        holds(
          fc.asyncProperty(validInput, async (i) => {
            const r = await api.getToken({ IdentityPoolId: pool, Logins: dev(uniqueUser(user(), i.user)), TokenDuration: i.TokenDuration, PrincipalTags: i.PrincipalTags });
            const got: Got = { claims: {}, identityId: '' };
            const checks = claimChecks(i, got, pool, target.issuer);
            // No readable token breaks every clause this input exercises.
            await under(checks.map(([id]) => id), () => {
              const answer = issued(r);
              Object.assign(got, { identityId: answer.IdentityId, claims: decodeJwt(answer.Token) });
            });
            for (const [id, check] of checks) await under(id, check);
          }),
          profile,
          info,
          part,
        ),
      );
    });
});
