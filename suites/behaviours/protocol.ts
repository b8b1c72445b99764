// Authentication and the awsJson1.1 wire protocol: what the SDK hides (aws-behaviour.md §2, §4
// "Authentication, protocol, limits"). These tests speak through the raw driver.
import { OPERATION, errorNameOf, isModelledError, messageOf } from '../../contracts/operation.ts';
import { contains, dev, differs, inTurn, matches, present, same } from '../../fixtures/assert.ts';
import type { RawDriver, RawResponse } from '../../fixtures/raw.ts';
import { expect, test } from '../../fixtures/test.ts';
import { clauses } from '../../fixtures/verdicts.ts';
import { behaviours } from '../../fixtures/behaviours.ts';

behaviours('protocol', () => {
  /** x-amzn-ErrorMessage as sent, or with its non-ASCII unescaped (percent or \\u escapes). */
  const headerReadings = (h: string) => {
    const readings = [h, h.replace(/\\u([0-9a-fA-F]{4})/g, (_, x) => String.fromCharCode(parseInt(x, 16)))];
    try {
      readings.push(decodeURIComponent(h));
    } catch {
      /* not percent-encoded */
    }
    return readings;
  };
  const show = (r: RawResponse) => `HTTP ${r.status} ${r.headers['content-type'] ?? ''} ${r.text.slice(0, 200)}`;
  const typeOf = (r: RawResponse) => errorNameOf(String(r.json?.__type ?? ''));

  function noToken(r: RawResponse) {
    expect(r.status, `a refusal, not ${show(r)}`).toBeGreaterThanOrEqual(400);
    expect(r.json?.Token, 'no token in the answer').toBeUndefined();
  }

  /** A spread of answers to look at: one success and the client errors the suite can provoke anywhere. */
  async function sampleAnswers(raw: RawDriver, pool: string, user: () => string) {
    return {
      success: await raw.send({ operation: OPERATION, body: { IdentityPoolId: pool, Logins: dev(user()) } }),
      errors: {
        ValidationException: await raw.send({ operation: OPERATION, body: { IdentityPoolId: pool, Logins: dev(user()), TokenDuration: 0 } }),
        ResourceNotFoundException: await raw.send({ operation: OPERATION, body: { IdentityPoolId: `${pool.split(':')[0]}:00000000-0000-4000-8000-000000000000`, Logins: dev(user()) } }),
        MissingAuthenticationTokenException: await raw.send({ operation: OPERATION, body: { IdentityPoolId: pool, Logins: dev(user()) }, signing: 'none' }),
        UnknownOperationException: await raw.send({ operation: 'AWSCognitoIdentityService.NoSuchOperation', body: {} }),
      },
    };
  }

  test('an unsigned request is rejected', clauses('auth.unsigned', 'auth.unsigned.exact', 'reject.no-side-effects'), async ({ raw, pools, user, verdicts, noSideEffects }) => {
    const pool = await pools.shared();
    const u = user();
    const r = await raw.send({ operation: OPERATION, body: { IdentityPoolId: pool, Logins: dev(u) }, signing: 'none' });
    const held = await verdicts.check('auth.unsigned', () => noToken(r));
    await verdicts.check('auth.unsigned.exact', () => expect(typeOf(r), show(r)).toBe('MissingAuthenticationTokenException'));
    if (held) await verdicts.check('reject.no-side-effects', () => noSideEffects(pool, { unregistered: [u] }));
  });

  test('a wrong signature is rejected', clauses('auth.bad-signature', 'reject.no-side-effects'), async ({ raw, pools, user, needs, verdicts, noSideEffects }) => {
    if (!(await needs('verifiesSignatures'))) return;
    const pool = await pools.shared();
    const tries = await inTurn(['wrong-secret', 'unknown-key', 'stale-date'] as const, async (signing) => {
      const u = user();
      return { signing, u, r: await raw.send({ operation: OPERATION, body: { IdentityPoolId: pool, Logins: dev(u) }, signing }) };
    });
    const held = await verdicts.check('auth.bad-signature', () =>
      tries.forEach(({ signing, r }) => {
        noToken(r);
        expect(['InvalidSignatureException', 'UnrecognizedClientException'], `${signing}: ${show(r)}`).toContain(typeOf(r));
      }),
    );
    if (held) await verdicts.check('reject.no-side-effects', () => noSideEffects(pool, { unregistered: tries.map((t) => t.u) }));
  });

  test('answers carry the awsJson1.1 headers', clauses('wire.content-type', 'wire.request-id'), async ({ raw, pools, user, verdicts }) => {
    const { success, errors } = await sampleAnswers(raw, await pools.shared(), user);
    const answers = Object.entries({ success, ...errors });
    await verdicts.check('wire.content-type', () => answers.forEach(([what, r]) => same(r.headers['content-type'], 'application/x-amz-json-1.1', `${what}: content-type`)));
    await verdicts.check('wire.request-id', () => answers.forEach(([what, r]) => present(r.headers['x-amzn-requestid'], `${what}: x-amzn-RequestId`)));
  });

  test('errors have the awsJson1.1 shape, status and headers', clauses('wire.error-shape', 'wire.error-status', 'wire.error-type-header', 'wire.error-message-header'), async ({ raw, pools, user, verdicts }) => {
    const { errors } = await sampleAnswers(raw, await pools.shared(), user);
    // Judge the answers that are errors: a sample the target accepted is another clause's failure.
    const answers = Object.entries(errors).filter(([, r]) => r.status >= 400);
    await verdicts.check('wire.error-shape', () => {
      expect(answers.length, 'error answers to look at').toBeGreaterThan(0);
      answers.forEach(([provoked, r]) => {
        present(r.json, `provoking ${provoked}: a JSON body, got ${show(r)}`);
        matches(String(r.json!.__type ?? ''), /^([\w.]+#)?[A-Z]\w+$/, `provoking ${provoked}: __type names the error`);
        // The operation's own errors carry a message; AWS's front end may answer its errors without one.
        if (isModelledError(typeOf(r))) same(typeof messageOf(r.json), 'string', `provoking ${provoked}: a message in the ${typeOf(r)} body`);
      });
    });
    await verdicts.check('wire.error-status', () => answers.forEach(([provoked, r]) => same(r.status, typeOf(r) === 'InternalErrorException' ? 500 : 400, `provoking ${provoked}: ${show(r)}`)));
    await verdicts.check('wire.error-type-header', () => answers.forEach(([provoked, r]) => matches(r.headers['x-amzn-errortype'] ?? '', new RegExp(`^${typeOf(r) || '<no __type>'}:`), `provoking ${provoked}: x-amzn-ErrorType`)));
    const withMessage = answers.filter(([, r]) => messageOf(r.json));
    if (!withMessage.length) return verdicts.notApplicable('no error answer carried a message to compare the header with', ['wire.error-message-header']);
    await verdicts.check('wire.error-message-header', () =>
      withMessage.forEach(([provoked, r]) => {
        const header = r.headers['x-amzn-errormessage'];
        differs(header, undefined, `provoking ${provoked}: x-amzn-ErrorMessage`);
        contains(headerReadings(header!), messageOf(r.json), `provoking ${provoked}: x-amzn-ErrorMessage is the body's message`);
      }),
    );
  });

  test('an unknown X-Amz-Target answers UnknownOperationException', clauses('wire.unknown-operation'), async ({ raw, verdicts }) => {
    const r = await raw.send({ operation: 'AWSCognitoIdentityService.NoSuchOperation', body: {} });
    await verdicts.check('wire.unknown-operation', () => {
      expect(r.status, show(r)).toBe(400);
      expect(typeOf(r), show(r)).toBe('UnknownOperationException');
    });
  });

  test('a body that is not JSON answers SerializationException', clauses('wire.malformed-json'), async ({ raw, pools, verdicts }) => {
    const pool = await pools.shared();
    const bodies = [`{"IdentityPoolId": "${pool}", "Logins": {`, 'not json at all'];
    const answers = await inTurn(bodies, (body) => raw.send({ operation: OPERATION, body }));
    await verdicts.check('wire.malformed-json', () =>
      answers.forEach((r) => {
        expect(r.status, show(r)).toBe(400);
        expect(typeOf(r), show(r)).toBe('SerializationException');
      }),
    );
  });

  test('an injected fault answers InternalErrorException with HTTP 500', clauses('fault.internal-error'), async ({ raw, pools, user, target, needs, verdicts }) => {
    if (!(await needs('faultInjection'))) return;
    const pool = await pools.shared();
    await target.inject!(OPERATION);
    const r = await raw.send({ operation: OPERATION, body: { IdentityPoolId: pool, Logins: dev(user()) } });
    verdicts.provoked('fault.internal-error', [r]);
    await verdicts.check('fault.internal-error', () => {
      expect(r.status, show(r)).toBe(500);
      expect(typeOf(r), show(r)).toBe('InternalErrorException');
      expect(typeof r.json?.message, 'message').toBe('string');
    });
  });
});
