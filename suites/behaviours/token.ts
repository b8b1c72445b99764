// The OpenID token itself (aws-behaviour.md §3 and §4 "Token").
import { compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import { amrFor, CLOCK_SKEW_SECONDS, POOL_ARN_CLAIM, poolArn, principalTagsClaim, TAGS_CLAIM, TokenHeader } from '../../contracts/token.ts';
import type { Api } from '../../fixtures/api.ts';
import { compactJws, dev, issued } from '../../fixtures/assert.ts';
import { developerProvider } from '../../fixtures/pools.ts';
import { expect, test } from '../../fixtures/test.ts';
import { clauses } from '../../fixtures/verdicts.ts';
import { behaviours } from '../../fixtures/behaviours.ts';

behaviours('token', () => {
  /**
   * Each test gets its own token from a fresh developer user, so that every clause stands alone.
   * Every clause but token.jws reads the token: each checks that it is a JWS first (token.jws is
   * their precondition), and is not reached, naming token.jws, when it is not.
   */
  type Got = { pool: string; user: string; tags: Record<string, string>; answer: () => ReturnType<typeof issued>; outcome: Awaited<ReturnType<Api['getToken']>> };
  const issue = test.extend<{ got: Got; readable: boolean }>({
    // Boxed, as the suite's fixtures are (fixtures/test.ts): no step each.
    got: [
      async ({ api, pools, user }, use) => {
        const pool = await pools.shared();
        const u = user();
        const tags = { team: 'conformance', cost_center: '42' };
        const r = await api.getToken({ IdentityPoolId: pool, Logins: dev(u), PrincipalTags: tags });
        // The answer is asserted inside each check, so that a missing token fails the clause, not the fixture.
        await use({ pool, user: u, tags, answer: () => issued(r), outcome: r });
      },
      { box: 'self' },
    ],
    readable: [async ({ got, verdicts }, use) => use(await verdicts.requires('token.jws', () => compactJws(got.outcome))), { box: 'self' }],
  });

  issue('the token is a compact JWS', clauses('token.jws'), async ({ got, verdicts }) => {
    await verdicts.check('token.jws', () => compactJws(got.outcome));
  });

  issue("the signature verifies against the target's JWKS", clauses('token.signature'), async ({ got, jwks, verdicts, readable }) => {
    if (!readable) return;
    await verdicts.check('token.signature', async () => {
      const { keys, verifyKey } = await jwks();
      const { kid } = decodeProtectedHeader(got.answer().Token);
      expect(keys.map((k) => k.kid), `kid ${kid} is in the JWKS`).toContain(kid);
      await compactVerify(got.answer().Token, verifyKey, { algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'] });
    });
  });

  issue('the header says RS512 and JWS', clauses('token.alg'), async ({ got, verdicts, readable }) => {
    if (!readable) return;
    await verdicts.check('token.alg', () => TokenHeader.parse(decodeProtectedHeader(got.answer().Token)));
  });

  issue("iss is the target's issuer", clauses('token.iss'), async ({ got, target, verdicts, readable }) => {
    if (!readable) return;
    await verdicts.check('token.iss', () => expect(decodeJwt(got.answer().Token).iss).toBe(target.issuer));
  });

  issue('aud is the IdentityPoolId', clauses('token.aud'), async ({ got, verdicts, readable }) => {
    if (!readable) return;
    await verdicts.check('token.aud', () => expect(decodeJwt(got.answer().Token).aud).toBe(got.pool));
  });

  issue('sub is the IdentityId', clauses('token.sub'), async ({ got, verdicts, readable }) => {
    if (!readable) return;
    await verdicts.check('token.sub', () => expect(decodeJwt(got.answer().Token).sub).toBe(got.answer().IdentityId));
  });

  issue("iat is within 5 minutes of the caller's clock", clauses('token.iat'), async ({ got, verdicts, readable }) => {
    if (!readable) return;
    await verdicts.check('token.iat', () => {
      const { iat } = decodeJwt(got.answer().Token);
      expect(Math.abs(iat! - Date.now() / 1000), `iat ${iat} against now`).toBeLessThanOrEqual(CLOCK_SKEW_SECONDS);
    });
  });

  issue('amr names the developer provider and user', clauses('token.amr'), async ({ got, verdicts, readable }) => {
    if (!readable) return;
    await verdicts.check('token.amr', () => expect(decodeJwt(got.answer().Token).amr).toEqual(amrFor(developerProvider(), got.pool, got.user)));
  });

  issue("the identity-pool-arn claim is the pool's ARN", clauses('token.pool-arn'), async ({ got, target, profile, verdicts, readable }) => {
    if (!readable) return;
    await verdicts.check('token.pool-arn', () => {
      const arn = String(decodeJwt(got.answer().Token)[POOL_ARN_CLAIM] ?? '(no claim)');
      // Account ids never reach a report: the ARN is compared with its account part masked, then the account alone.
      const ACCOUNT = /(:cognito-identity:[^:]*:)(\d{12})(:)/;
      const masked = (a: string) => a.replace(ACCOUNT, '$1<12 digits>$3');
      expect(masked(arn), `${POOL_ARN_CLAIM}, account masked`).toBe(masked(poolArn(target.region, '000000000000', got.pool)));
      // The account is the target's to declare (--account-id); otherwise any twelve digits.
      if (profile.accountId) expect(ACCOUNT.exec(arn)?.[2] === profile.accountId, 'the ARN names the declared account (--account-id)').toBe(true);
    });
  });

  issue('PrincipalTags appear in the token', clauses('token.principal-tags'), async ({ got, verdicts, readable }) => {
    if (!readable) return;
    await verdicts.check('token.principal-tags', () => expect(decodeJwt(got.answer().Token)[TAGS_CLAIM]).toEqual(principalTagsClaim(got.tags)));
  });
});
