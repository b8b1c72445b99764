// The clause catalogue: what conformance means, one row per behaviour of aws-behaviour.md §4.
// Ids are stable and must not be renumbered. A "MUST / SHOULD" row is two clauses: `<id>` (the
// safe part, MUST) and `<id>.exact` (AWS's exact answer, SHOULD).
import { z } from 'zod';

export const Level = z.enum(['MUST', 'SHOULD']);
/** M: API model, D: AWS documentation, O: observed on real AWS, I: inferred. */
export const Evidence = z.enum(['M', 'D', 'O', 'I']);
export const Section = z.enum(['identity', 'linking', 'provider', 'duration', 'input', 'token', 'protocol']);
/** What a target must be able to do for the clause to be exercised at all. */
export const Capability = z.enum(['lookupDeveloperIdentity', 'publicLogin', 'verifiesSignatures', 'quota', 'faultInjection']);
export type Capability = z.infer<typeof Capability>;

export const Clause = z.strictObject({
  id: z.string().regex(/^[a-z]+(\.[a-z0-9-]+)+$/),
  section: Section,
  level: Level,
  evidence: Evidence,
  behaviour: z.string().min(10),
  source: z.string().min(3),
  capability: Capability.optional(),
});
export type Clause = z.infer<typeof Clause>;

const GUIDE = 'Developer guide, developer-authenticated-identities.md';
const MODEL = 'API model, GetOpenIdTokenForDeveloperIdentityInput';

type Row = Omit<Clause, 'section' | 'source'> & { source?: string };
const section = (s: z.infer<typeof Section>, source: string, rows: Row[]) =>
  rows.map((r) => ({ section: s, source, ...r }));

const raw = [
  ...section('identity', GUIDE, [
    { id: 'identity.create', level: 'MUST', evidence: 'D', behaviour: 'No IdentityId and a developer user never seen before: a new IdentityId and a token.' },
    { id: 'identity.id-format', level: 'MUST', evidence: 'M', behaviour: 'IdentityId is 1..55 characters matching [\\w-]+:[0-9a-f-]+.', source: MODEL },
    { id: 'identity.id-region', level: 'SHOULD', evidence: 'O', behaviour: 'IdentityId is <pool region>:<lowercase uuid>.', source: 'aws/aws-sdk-net#420' },
    { id: 'identity.retrieve', level: 'MUST', evidence: 'D', behaviour: 'The same developer user again with no IdentityId gets the same IdentityId.' },
    { id: 'identity.distinct-users', level: 'MUST', evidence: 'D', behaviour: 'Two different developer users get two different IdentityIds.' },
    { id: 'identity.user-id-opaque', level: 'MUST', evidence: 'M', behaviour: 'Any developer user identifier of 1..1024 characters (unicode, spaces, ":" and "/") round-trips: create then retrieve gives the same IdentityId.' },
  ]),
  ...section('linking', GUIDE, [
    { id: 'link.add-login', level: 'MUST', evidence: 'D', behaviour: 'IdentityId X plus a new developer user B answers X; afterwards B alone resolves to X.' },
    { id: 'link.keeps-logins', level: 'MUST', evidence: 'D', behaviour: 'After linking B to X, the first user A still resolves to X.' },
    { id: 'link.idempotent', level: 'MUST', evidence: 'I', behaviour: 'X plus a user already linked to X answers X with no error.' },
    { id: 'link.user-registered-elsewhere', level: 'MUST', evidence: 'D', behaviour: 'X plus a user already linked to Y (Y ≠ X) answers DeveloperUserAlreadyRegisteredException; the user still resolves to Y.' },
    { id: 'link.unknown-identity', level: 'MUST', evidence: 'I', behaviour: 'A well-formed IdentityId that does not exist is rejected.' },
    { id: 'link.unknown-identity.exact', level: 'SHOULD', evidence: 'I', behaviour: "A well-formed IdentityId that does not exist answers ResourceNotFoundException \"Identity '<id>' not found.\"" },
    { id: 'link.foreign-identity', level: 'MUST', evidence: 'O', behaviour: 'An IdentityId from another identity pool is rejected.' },
    { id: 'link.foreign-identity.exact', level: 'SHOULD', evidence: 'I', behaviour: 'An IdentityId from another identity pool answers NotAuthorizedException or ResourceNotFoundException.' },
    { id: 'link.lookup', level: 'SHOULD', evidence: 'M', behaviour: 'LookupDeveloperIdentity lists every developer user linked to the identity.', source: 'API model, LookupDeveloperIdentity', capability: 'lookupDeveloperIdentity' },
    { id: 'link.public-login', level: 'SHOULD', evidence: 'D', behaviour: 'A developer login plus a public-provider login in one call give one identity linked to both.', capability: 'publicLogin' },
    { id: 'link.login-conflict', level: 'MUST', evidence: 'D', behaviour: 'A public-provider login already linked to identity Y, sent with IdentityId X (X ≠ Y), is rejected and Y keeps it.', capability: 'publicLogin' },
    { id: 'link.login-conflict.exact', level: 'SHOULD', evidence: 'M', behaviour: 'A public-provider login already linked to another identity answers ResourceConflictException ("a user tries to use a login which is already linked to another account").', source: 'API model, ResourceConflictException', capability: 'publicLogin' },
  ]),
  ...section('provider', GUIDE, [
    { id: 'provider.second-developer-provider', level: 'MUST', evidence: 'D', behaviour: "Logins with the pool's developer provider and another developer provider name are rejected with no token." },
    { id: 'provider.second-developer-provider.exact', level: 'SHOULD', evidence: 'I', behaviour: 'A second developer provider answers NotAuthorizedException or InvalidParameterException.' },
    { id: 'provider.unknown-developer-provider', level: 'MUST', evidence: 'O', behaviour: 'Logins naming only a provider the pool does not have are rejected.', source: 'danilop/LambdAuth#32' },
    { id: 'provider.unknown-developer-provider.exact', level: 'SHOULD', evidence: 'I', behaviour: 'An unknown provider answers NotAuthorizedException or InvalidParameterException with "This identity pool does not support the specified developer provider".', source: 'danilop/LambdAuth#32' },
    { id: 'provider.pool-without-developer-provider', level: 'MUST', evidence: 'D', behaviour: 'In a pool created without DeveloperProviderName every call is rejected.' },
    { id: 'provider.empty-logins', level: 'MUST', evidence: 'I', behaviour: 'Logins {} is rejected and creates no identity.' },
  ]),
  ...section('duration', 'Developer guide, open-id.md; API model, TokenDuration', [
    { id: 'duration.default', level: 'MUST', evidence: 'D', behaviour: 'With TokenDuration omitted, exp − iat is 900 seconds.' },
    { id: 'duration.custom', level: 'MUST', evidence: 'D', behaviour: 'Any TokenDuration in 1..86400, boundaries included, gives exp − iat equal to it.' },
    { id: 'duration.below-min', level: 'MUST', evidence: 'M', behaviour: 'TokenDuration 0 or negative is rejected with no token.' },
    { id: 'duration.below-min.exact', level: 'SHOULD', evidence: 'I', behaviour: "TokenDuration below 1 answers ValidationException \"... at 'tokenDuration' ... greater than or equal to 1\"." },
    { id: 'duration.above-max', level: 'MUST', evidence: 'M', behaviour: 'TokenDuration 86401 or more is rejected with no token.' },
    { id: 'duration.above-max.exact', level: 'SHOULD', evidence: 'I', behaviour: "TokenDuration above 86400 answers ValidationException \"... at 'tokenDuration' ... less than or equal to 86400\"." },
  ]),
  ...section('input', MODEL, [
    { id: 'input.pool-id-required', level: 'MUST', evidence: 'M', behaviour: 'A request without IdentityPoolId is rejected.' },
    { id: 'input.pool-id-required.exact', level: 'SHOULD', evidence: 'O', behaviour: "A missing IdentityPoolId answers ValidationException \"Value null at 'identityPoolId' failed to satisfy constraint: Member must not be null\"." },
    { id: 'input.logins-required', level: 'MUST', evidence: 'M', behaviour: 'A request without Logins is rejected.' },
    { id: 'input.logins-required.exact', level: 'SHOULD', evidence: 'O', behaviour: "A missing Logins answers ValidationException \"Value null at 'logins' failed to satisfy constraint: Member must not be null\"." },
    { id: 'input.pool-id-pattern', level: 'MUST', evidence: 'M', behaviour: 'An IdentityPoolId off the pattern, empty or over 55 characters is rejected.' },
    { id: 'input.pool-id-pattern.exact', level: 'SHOULD', evidence: 'O', behaviour: 'A malformed IdentityPoolId answers ValidationException in the standard form.', source: 'aws/aws-sdk-net#445' },
    { id: 'input.identity-id-pattern', level: 'MUST', evidence: 'M', behaviour: 'An IdentityId off the pattern, empty or over 55 characters is rejected.' },
    { id: 'input.identity-id-pattern.exact', level: 'SHOULD', evidence: 'O', behaviour: 'A malformed IdentityId answers ValidationException in the standard form.' },
    { id: 'input.logins-max', level: 'MUST', evidence: 'M', behaviour: 'More than 10 logins are rejected.' },
    { id: 'input.principal-tags-limits', level: 'MUST', evidence: 'M', behaviour: 'More than 50 principal tags, a key empty or over 128, or a value empty or over 256 is rejected.' },
    { id: 'input.validation-type', level: 'SHOULD', evidence: 'O', behaviour: 'Constraint violations answer ValidationException (not InvalidParameterException) with the standard message.', source: 'awslabs/aws-sdk-ios-samples#67' },
    { id: 'pool.not-found', level: 'MUST', evidence: 'O', behaviour: 'A well-formed IdentityPoolId that does not exist (or was deleted) is rejected.', source: 'awslabs/aws-sdk-android-samples#163' },
    { id: 'pool.not-found.exact', level: 'SHOULD', evidence: 'O', behaviour: "An unknown IdentityPoolId answers ResourceNotFoundException \"IdentityPool '<id>' not found.\"", source: 'awslabs/aws-sdk-android-samples#163' },
  ]),
  ...section('token', 'aws/aws-sdk-net#420; Developer guide, open-id.md', [
    { id: 'token.jws', level: 'MUST', evidence: 'O', behaviour: 'Token is a compact JWS: three base64url parts and a JSON header.' },
    { id: 'token.signature', level: 'MUST', evidence: 'D', behaviour: "The signature verifies against the target's JWKS, and the header's kid is in that JWKS." },
    { id: 'token.alg', level: 'SHOULD', evidence: 'O', behaviour: 'The header says alg RS512 and typ JWS.' },
    { id: 'token.iss', level: 'MUST', evidence: 'O', behaviour: "iss is the target's issuer (AWS: https://cognito-identity.amazonaws.com)." },
    { id: 'token.aud', level: 'MUST', evidence: 'O', behaviour: 'aud is the IdentityPoolId.' },
    { id: 'token.sub', level: 'MUST', evidence: 'O', behaviour: 'sub is the returned IdentityId.' },
    { id: 'token.iat', level: 'MUST', evidence: 'D', behaviour: "iat is within 5 minutes of the caller's clock." },
    { id: 'token.amr', level: 'SHOULD', evidence: 'O', behaviour: 'amr is ["authenticated", provider, "provider:pool:user"].' },
    { id: 'token.principal-tags', level: 'SHOULD', evidence: 'I', behaviour: 'PrincipalTags appear under https://aws.amazon.com/tags → principal_tags as arrays.' },
    { id: 'token.pool-arn', level: 'SHOULD', evidence: 'O', behaviour: "https://cognito-identity.amazonaws.com/identity-pool-arn is the pool's ARN, arn:<partition>:cognito-identity:<region>:<account>:identitypool/<IdentityPoolId> (the account as the target declares it, else any 12 digits).", source: 'a decoded 2024 developer token; awslabs/aws-jwt-verify#89 (none in 2022)' },
  ]),
  ...section('protocol', 'aws-behaviour.md §2; awsJson1.1 protocol', [
    { id: 'auth.unsigned', level: 'MUST', evidence: 'D', behaviour: 'An unsigned request is rejected with no token.', source: 'API reference: "You must use AWS Developer credentials"' },
    { id: 'auth.unsigned.exact', level: 'SHOULD', evidence: 'O', behaviour: 'An unsigned request answers MissingAuthenticationTokenException.', source: 'aws/aws-sdk-ruby#882' },
    { id: 'auth.bad-signature', level: 'MUST', evidence: 'O', behaviour: 'A request signed with a wrong secret, an unknown access key or a date 15 minutes off is rejected (InvalidSignatureException or UnrecognizedClientException).', capability: 'verifiesSignatures' },
    { id: 'wire.content-type', level: 'SHOULD', evidence: 'O', behaviour: 'Every answer has Content-Type: application/x-amz-json-1.1.' },
    { id: 'wire.request-id', level: 'SHOULD', evidence: 'O', behaviour: 'Every answer has an x-amzn-RequestId header.' },
    { id: 'wire.error-shape', level: 'MUST', evidence: 'M', behaviour: "Error bodies are JSON with __type naming the error and, for the operation's own errors, a message (front-end errors may come without one)." },
    { id: 'wire.error-status', level: 'MUST', evidence: 'D', behaviour: 'Client errors are HTTP 400; InternalErrorException is 500.' },
    { id: 'wire.error-type-header', level: 'SHOULD', evidence: 'O', behaviour: 'Errors carry x-amzn-ErrorType: <Name>:.', source: 'aws-amplify/amplify-js#2443' },
    { id: 'wire.error-message-header', level: 'SHOULD', evidence: 'O', behaviour: "Errors that carry a message carry x-amzn-ErrorMessage with the same text (non-ASCII may be escaped).", source: 'aws-amplify/amplify-js#2443; aws-amplify/amplify-swift#3124; amazon-archives/amazon-cognito-ios#13' },
    { id: 'wire.unknown-operation', level: 'SHOULD', evidence: 'O', behaviour: 'An unknown X-Amz-Target answers 400 UnknownOperationException.' },
    { id: 'wire.malformed-json', level: 'SHOULD', evidence: 'I', behaviour: 'A body that is not JSON answers 400 SerializationException.' },
    { id: 'throttle.too-many-requests', level: 'MUST', evidence: 'D', behaviour: 'A burst over the declared quota answers TooManyRequestsException (400) and issues no token for the refused calls.', source: 'Developer guide, limits.md', capability: 'quota' },
    { id: 'fault.internal-error', level: 'MUST', evidence: 'M', behaviour: 'An injected fault answers InternalErrorException as a 500 with the error shape.', capability: 'faultInjection' },
    { id: 'reject.no-side-effects', level: 'MUST', evidence: 'I', behaviour: 'A rejected call changes nothing: its developer user is not registered and existing links stay as they were.' },
  ]),
];

export const catalogue: readonly Clause[] = z
  .array(Clause)
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', message: `duplicate clause id ${r.id}` });
      seen.add(r.id);
      if (r.id.endsWith('.exact') && !rows.some((o) => o.id === r.id.slice(0, -'.exact'.length) && o.level === 'MUST'))
        ctx.addIssue({ code: 'custom', message: `${r.id} has no MUST clause beside it` });
    }
  })
  .parse(raw);

const byId = new Map(catalogue.map((c) => [c.id, c]));
export const isClauseId = (id: string) => byId.has(id);
export function clause(id: string): Clause {
  const c = byId.get(id);
  if (!c) throw new Error(`unknown clause id "${id}": add it to contracts/clauses.ts first`);
  return c;
}
