// The developer provider (aws-behaviour.md §4 "Developer provider").
import { OTHER_PROVIDER, answered, dev, eachRejected, inTurn, rejected } from '../../fixtures/assert.ts';
import { test } from '../../fixtures/test.ts';
import { clauses } from '../../fixtures/verdicts.ts';
import { UNSUPPORTED_PROVIDER_MESSAGE } from '../../contracts/operation.ts';
import { behaviours } from '../../fixtures/behaviours.ts';

behaviours('provider', () => {

  test('a second developer provider is rejected', clauses('provider.second-developer-provider', 'provider.second-developer-provider.exact', 'reject.no-side-effects'), async ({ api, pools, user, verdicts, noSideEffects }) => {
    const pool = await pools.shared();
    const a = user('a');
    const r = await api.getToken({ IdentityPoolId: pool, Logins: dev(a, { [OTHER_PROVIDER]: user('other') }) });
    verdicts.provoked('provider.second-developer-provider.exact', [r]);
    const held = await verdicts.check('provider.second-developer-provider', () => rejected(r));
    await verdicts.check('provider.second-developer-provider.exact', () => answered(r, ['NotAuthorizedException', 'InvalidParameterException']));
    if (held) await verdicts.check('reject.no-side-effects', () => noSideEffects(pool, { unregistered: [a] }));
  });

  test('a provider the pool does not have is rejected', clauses('provider.unknown-developer-provider', 'provider.unknown-developer-provider.exact'), async ({ api, pools, user, verdicts }) => {
    const r = await api.getToken({ IdentityPoolId: await pools.shared(), Logins: { [OTHER_PROVIDER]: user() } });
    verdicts.provoked('provider.unknown-developer-provider.exact', [r]);
    await verdicts.check('provider.unknown-developer-provider', () => rejected(r));
    await verdicts.check('provider.unknown-developer-provider.exact', () => answered(r, ['NotAuthorizedException', 'InvalidParameterException'], new RegExp(UNSUPPORTED_PROVIDER_MESSAGE)));
  });

  test('a pool without a developer provider rejects every call', clauses('provider.pool-without-developer-provider'), async ({ api, pools, user, verdicts }) => {
    const pool = await pools.shared('no-developer-provider', { developerProvider: false });
    const attempts = [dev(user()), { [OTHER_PROVIDER]: user() }];
    const answers = await inTurn(attempts, (Logins) => api.getToken({ IdentityPoolId: pool, Logins }));
    await verdicts.check('provider.pool-without-developer-provider', () => eachRejected(answers.map((r, i) => ({ r, provider: Object.keys(attempts[i])[0] })), (t) => `Logins with ${t.provider}`));
  });

  test('empty Logins are rejected', clauses('provider.empty-logins'), async ({ api, pools, verdicts }) => {
    const r = await api.getToken({ IdentityPoolId: await pools.shared(), Logins: {} });
    await verdicts.check('provider.empty-logins', () => rejected(r));
  });
});
