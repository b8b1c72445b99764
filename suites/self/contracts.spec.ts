// Unit tests of the contracts: the schemas accept the documented shapes and reject every
// constraint violation; vocabularies are closed; verdicts fold as documented.
import { expect, test } from '@playwright/test';
import { compactVerify } from 'jose';
import { Clause } from '../../contracts/clauses.ts';
import { ErrorBody, errorNameOf, messageOf, modelledErrors, GetOpenIdTokenForDeveloperIdentityInput as Input, GetOpenIdTokenForDeveloperIdentityOutput as Output, limits } from '../../contracts/operation.ts';
import { TokenHeader } from '../../contracts/token.ts';
import { normaliseJwks } from '../../fixtures/jwks.ts';
import { createLocalJWKSet } from 'jose';
import { makeKey, publishedJwks, signToken } from '../../fixtures/mock/keys.ts';
import { validate } from '../../fixtures/mock/validation.ts';
import { exceptionTable, foldAll, foldClause, rootCauses, summarise } from '../../reports/fold.ts';
import { clause, isClauseId } from '../../contracts/clauses.ts';
import { provokedBy } from '../../contracts/exceptions.ts';

const POOL = 'us-east-1:4f6b1b7d-f0da-48c3-bc61-0f2811b37f8c';
const ID = 'eu-west-2:0a1b2c3d-0000-4000-8000-00000000abcd';
const many = (n: number, v = 'x') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, v]));
const base = { IdentityPoolId: POOL, Logins: { 'login.example': 'alice' } };

const valid: Record<string, object> = {
  'the minimal request': base,
  'an IdentityId': { ...base, IdentityId: ID },
  'IdentityId null (how an SDK sends "none")': { ...base, IdentityId: null },
  [`${limits.logins.maxEntries} logins`]: { ...base, Logins: many(limits.logins.maxEntries) },
  [`a login key of ${limits.logins.key.max} and a value of ${limits.logins.value.max}`]: { ...base, Logins: { ['k'.repeat(limits.logins.key.max)]: 'v'.repeat(limits.logins.value.max) } },
  [`${limits.principalTags.maxEntries} tags`]: { ...base, PrincipalTags: many(limits.principalTags.maxEntries) },
  [`a tag key of ${limits.principalTags.key.max} and a value of ${limits.principalTags.value.max}`]: { ...base, PrincipalTags: { ['k'.repeat(limits.principalTags.key.max)]: 'v'.repeat(limits.principalTags.value.max) } },
  'TokenDuration 1': { ...base, TokenDuration: limits.tokenDuration.min },
  'TokenDuration 86400': { ...base, TokenDuration: limits.tokenDuration.max },
  [`an IdentityPoolId of ${limits.identityPoolId.max} characters`]: { ...base, IdentityPoolId: `us-east-1:${'a'.repeat(limits.identityPoolId.max - 10)}` },
};

/** Each violation, with the AWS message the reference mock must answer for it. */
const invalid: Record<string, [object, string]> = {
  'no IdentityPoolId': [{ Logins: base.Logins }, "Value null at 'identityPoolId' failed to satisfy constraint: Member must not be null"],
  'no Logins': [{ IdentityPoolId: POOL }, "Value null at 'logins' failed to satisfy constraint: Member must not be null"],
  'an empty IdentityPoolId': [{ ...base, IdentityPoolId: '' }, "at 'identityPoolId' failed to satisfy constraint: Member must have length greater than or equal to 1"],
  'an IdentityPoolId of 56 characters': [{ ...base, IdentityPoolId: `us-east-1:${'a'.repeat(46)}` }, "at 'identityPoolId' failed to satisfy constraint: Member must have length less than or equal to 55"],
  'an IdentityPoolId without a colon': [{ ...base, IdentityPoolId: 'us-east-1' }, "Value 'us-east-1' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+"],
  'upper-case hex in IdentityId': [{ ...base, IdentityId: ID.toUpperCase() }, "at 'identityId' failed to satisfy constraint: Member must satisfy regular expression pattern"],
  'an empty IdentityId': [{ ...base, IdentityId: '' }, "at 'identityId' failed to satisfy constraint: Member must have length greater than or equal to 1"],
  [`${limits.logins.maxEntries + 1} logins`]: [{ ...base, Logins: many(limits.logins.maxEntries + 1) }, "at 'logins' failed to satisfy constraint: Member must have length less than or equal to 10"],
  'an empty login key': [{ ...base, Logins: { '': 'x' } }, "at 'logins' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]"],
  'a login key of 129': [{ ...base, Logins: { ['k'.repeat(129)]: 'x' } }, 'Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]'],
  // The captured form (aws-amplify/aws-sdk-ios#2317), byte for byte: the whole map in Java form, every constraint of the value.
  'an empty login value': [{ ...base, Logins: { 'cognito-identity.cn-north-1.amazonaws.com.cn': '' } }, "1 validation error detected: Value '{cognito-identity.cn-north-1.amazonaws.com.cn=}' at 'logins' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 50000, Member must have length greater than or equal to 1]"],
  'a login value of 50001': [{ ...base, Logins: { a: 'v'.repeat(50001) } }, 'Map value must satisfy constraint: [Member must have length less than or equal to 50000, Member must have length greater than or equal to 1]'],
  'two bad login values (one error for the map)': [{ ...base, Logins: { a: '', b: '' } }, "1 validation error detected: Value '{a=, b=}' at 'logins'"],
  [`${limits.principalTags.maxEntries + 1} tags`]: [{ ...base, PrincipalTags: many(limits.principalTags.maxEntries + 1) }, "at 'principalTags' failed to satisfy constraint: Member must have length less than or equal to 50"],
  'an empty tag key': [{ ...base, PrincipalTags: { '': 'v' } }, "at 'principalTags' failed to satisfy constraint: Map keys must satisfy constraint"],
  'a tag value of 257': [{ ...base, PrincipalTags: { k: 'v'.repeat(257) } }, 'Map value must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 1]'],
  'an empty tag value': [{ ...base, PrincipalTags: { k: '' } }, 'Map value must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 1]'],
  'TokenDuration 0': [{ ...base, TokenDuration: 0 }, "1 validation error detected: Value '0' at 'tokenDuration' failed to satisfy constraint: Member must have value greater than or equal to 1"],
  'TokenDuration 86401': [{ ...base, TokenDuration: 86401 }, "Value '86401' at 'tokenDuration' failed to satisfy constraint: Member must have value less than or equal to 86400"],
};

test.describe('GetOpenIdTokenForDeveloperIdentity input', () => {
  for (const [what, input] of Object.entries(valid))
    test(`accepts ${what}`, () => {
      expect(Input.safeParse(input).error?.issues ?? []).toEqual([]);
      expect(() => validate(Input, input)).not.toThrow();
    });
  for (const [what, [input, message]] of Object.entries(invalid))
    test(`rejects ${what} with the AWS message`, () => {
      expect(Input.safeParse(input).success).toBe(false);
      expect(() => validate(Input, input)).toThrow(expect.objectContaining({ type: 'ValidationException', message: expect.stringContaining(message) }));
    });
  test('counts several violations the AWS way', () => {
    expect(() => validate(Input, { IdentityPoolId: 'bad', Logins: {}, TokenDuration: 0 })).toThrow(/^2 validation errors detected: .*; Value '0' at 'tokenDuration'/);
  });
  for (const [what, input] of Object.entries({ 'TokenDuration 1.5': { ...base, TokenDuration: 1.5 }, 'TokenDuration "100"': { ...base, TokenDuration: '100' }, 'Logins as a list': { ...base, Logins: ['x'] }, 'a body that is a list': [] }))
    test(`answers SerializationException for ${what}`, () => {
      expect(() => validate(Input, input)).toThrow(expect.objectContaining({ type: 'SerializationException' }));
    });
});

test.describe('answers and errors', () => {
  test('output needs an IdentityId and a Token', () => {
    expect(Output.safeParse({ IdentityId: ID, Token: 'x.y.z' }).success).toBe(true);
    expect(Output.safeParse({ IdentityId: ID }).success).toBe(false);
  });
  test('error bodies: bare and namespaced __type', () => {
    expect(ErrorBody.safeParse({ __type: 'ResourceNotFoundException', message: 'x' }).success).toBe(true);
    expect(ErrorBody.safeParse({ code: 'X', message: 'x' }).success).toBe(false);
    // Front-end errors may come without a message (aws/aws-sdk-net#1536); an IAM denial says Message.
    expect(ErrorBody.safeParse({ __type: 'UnknownOperationException' }).success).toBe(true);
    expect(messageOf({ __type: 'AccessDeniedException', Message: 'denied' } as never)).toBe('denied');
    expect(errorNameOf('com.amazonaws.cognito.identity.model#NotAuthorizedException')).toBe('NotAuthorizedException');
    expect(errorNameOf('ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/')).toBe('ValidationException');
  });
  test("the token header is AWS's", () => {
    expect(TokenHeader.safeParse({ kid: 'us-east-11', typ: 'JWS', alg: 'RS512' }).success).toBe(true);
    expect(TokenHeader.safeParse({ kid: 'k', typ: 'JWT', alg: 'RS256' }).success).toBe(false);
  });
});

test.describe('catalogue vocabularies are closed', () => {
  const ok = { id: 'identity.create', section: 'identity', level: 'MUST', evidence: 'D', behaviour: 'A behaviour sentence.', source: 'docs' };
  test('a well-formed clause parses', () => expect(Clause.safeParse(ok).success).toBe(true));
  for (const [field, value] of [['level', 'MAY'], ['evidence', 'X'], ['section', 'misc'], ['capability', 'telepathy'], ['id', 'NoDots'], ['extra', 1]] as const)
    test(`rejects ${field} ${JSON.stringify(value)}`, () => expect(Clause.safeParse({ ...ok, [field]: value }).success).toBe(false));
});

test.describe('verdicts fold into clause results', () => {
  const c = clause('identity.retrieve');
  const run = (status: 'pass' | 'fail' | 'not-applicable', test = 't') => ({ test, verdicts: [{ clause: c.id, status, message: status }] });
  test('one failure fails the clause', () => expect(foldClause(c, [run('pass'), run('fail', 'u')]).status).toBe('fail'));
  test('a pass beats not-applicable', () => expect(foldClause(c, [run('not-applicable'), run('pass')]).status).toBe('pass'));
  test('only not-applicable stays not-applicable, never a pass', () => expect(foldClause(c, [run('not-applicable')]).status).toBe('not-applicable'));
  test('no verdict at all is a failure', () => expect(foldClause(c, []).status).toBe('fail'));
  test('an expected failure', () => expect(foldClause(c, [run('fail')], 'moto does not retrieve').status).toBe('expected-fail'));
  test('an expected failure that passes is an unexpected pass, and fails the run', () => {
    const r = foldClause(c, [run('pass')], 'moto does not retrieve');
    expect(r.status).toBe('unexpected-pass');
    expect(summarise([r], 0, true).ok).toBe(false);
  });
  test('a SHOULD failure does not fail a run without expectations, but does with them', () => {
    const r = foldClause(clause('token.alg'), [{ test: 't', verdicts: [{ clause: 'token.alg', status: 'fail' }] }]);
    expect(summarise([r], 0).ok).toBe(true);
    expect(summarise([r], 0, true).ok).toBe(false);
  });
});

test("the JWKS loader copes with AWS's base64 quirk", async () => {
  const key = await makeKey('us-east-11');
  const published = publishedJwks([key]);
  expect(published.keys[0].n, 'published as AWS does: standard base64, padded, leading zero byte').toMatch(/^AL?[A-Za-z0-9+/]+=*$/);
  const token = await signToken(key, { sub: 'x' });
  await expect(compactVerify(token, createLocalJWKSet(normaliseJwks(published)))).resolves.toBeTruthy();
});

test.describe('root causes and the declared exceptions', () => {
  test('every declared exception is provoked by known clauses', () => {
    expect(Object.keys(provokedBy).sort()).toEqual([...modelledErrors].sort());
    for (const [exception, ids] of Object.entries(provokedBy)) {
      expect(ids.length, exception).toBeGreaterThan(0);
      for (const id of ids) expect(isClauseId(id), `${exception}: ${id}`).toBe(true);
    }
    expect(provokedBy.ResourceConflictException).toEqual(['link.login-conflict.exact']);
  });

  test('a clause not reached names its root cause, and the report groups by it', () => {
    const blocked = (id: string) => ({ test: id, verdicts: [{ clause: id, status: 'not-applicable' as const, message: 'not reached: token.jws failed', blockedBy: 'token.jws' }] });
    const results = foldAll(
      [{ test: 'jws', verdicts: [{ clause: 'token.jws', status: 'fail' }] }, blocked('token.alg'), blocked('token.iss'), { test: 'cap', verdicts: [{ clause: 'throttle.too-many-requests', status: 'not-applicable', message: 'no quota' }] }],
      new Set(['token.jws', 'token.alg', 'token.iss', 'throttle.too-many-requests']),
    );
    expect(results.find((r) => r.id === 'token.alg')).toMatchObject({ status: 'not-applicable', blockedBy: 'token.jws' });
    expect(results.find((r) => r.id === 'throttle.too-many-requests')?.blockedBy).toBeUndefined();
    expect(rootCauses(results)).toEqual([{ clause: 'token.jws', level: 'MUST', status: 'fail', notReached: ['token.alg', 'token.iss'] }]);
    expect(summarise(results, 0).must.fail, 'not reached is not a failure').toBe(1);
  });

  test('the exception table has one row per declared exception, with what was answered', () => {
    const results = foldAll([{ test: 't', verdicts: [{ clause: 'throttle.too-many-requests', status: 'not-applicable', message: 'no quota' }] }], new Set(['throttle.too-many-requests']));
    const rows = exceptionTable(results, [
      { clause: 'link.login-conflict.exact', answer: '400 DeveloperUserAlreadyRegisteredException' },
      { clause: 'link.user-registered-elsewhere', answer: '400 DeveloperUserAlreadyRegisteredException' },
      { clause: 'link.user-registered-elsewhere', answer: '400 DeveloperUserAlreadyRegisteredException' },
    ]);
    expect(rows.map((r) => r.exception)).toEqual([...modelledErrors]);
    expect(rows.find((r) => r.exception === 'ResourceConflictException')).toMatchObject({ clauses: ['link.login-conflict.exact'], thrown: false });
    expect(rows.find((r) => r.exception === 'DeveloperUserAlreadyRegisteredException')).toMatchObject({ thrown: true, answered: [{ clause: 'link.user-registered-elsewhere', answer: '400 DeveloperUserAlreadyRegisteredException', count: 2 }] });
    expect(rows.find((r) => r.exception === 'TooManyRequestsException')).toMatchObject({ clauses: [], note: 'throttle.too-many-requests was not applicable: no quota' });
  });
});
