// The operation's shapes, with the API model's constraints written once.
// botocore cognito-identity/2014-06-30/service-2.json: GetOpenIdTokenForDeveloperIdentityInput.
// Everything else (the mock's ValidationException messages, the fast-check arbitraries, the
// unit tests) derives from `limits` and the schemas below.
import { z } from 'zod';

export const SERVICE = 'AWSCognitoIdentityService';
export const OPERATION = 'GetOpenIdTokenForDeveloperIdentity';
export const CONTENT_TYPE = 'application/x-amz-json-1.1';
export const SIGNING_NAME = 'cognito-identity';
/** A region name as AWS spells them (us-east-1, ap-southeast-3, us-gov-west-1, cn-north-1), alone and within a host name. */
export const REGION_NAME = '[a-z]{2}(?:-[a-z]+)+-\\d';
export const REGION = new RegExp(`^${REGION_NAME}$`);

export const limits = {
  identityPoolId: { min: 1, max: 55, pattern: '[\\w-]+:[0-9a-f-]+' },
  identityId: { min: 1, max: 55, pattern: '[\\w-]+:[0-9a-f-]+' },
  logins: { maxEntries: 10, key: { min: 1, max: 128 }, value: { min: 1, max: 50000 } },
  principalTags: { maxEntries: 50, key: { min: 1, max: 128 }, value: { min: 1, max: 256 } },
  tokenDuration: { min: 1, max: 86400, default: 900 },
  /** Documented for developer user identifiers (developer guide), not enforced by the model. */
  developerUserIdentifier: { min: 1, max: 1024 },
  identityPoolName: { min: 1, max: 128, pattern: '[\\w\\s+=,.@-]+' },
  developerProviderName: { min: 1, max: 128, pattern: '[\\w._-]+' },
} as const;

/**
 * The supporting operations' constraints (same model), for the reference mock's inputs: its
 * ValidationException messages derive from these as the operation's do from `limits`.
 */
export const supportLimits = {
  /** The model bounds DeveloperUserIdentifier where it is a member of its own (Lookup, Merge, Unlink). */
  developerUserIdentifier: limits.developerUserIdentifier,
  supportedLoginProviders: { maxEntries: 10, key: { min: 1, max: 128 }, value: { min: 1, max: 128, pattern: '[\\w.;_/-]+' } },
  identityPoolTags: { maxEntries: 50, key: { min: 1, max: 128 }, value: { min: 0, max: 256 } },
  arn: { min: 20, max: 2048 },
  cognitoProviderName: { min: 1, max: 128, pattern: '[\\w._:/-]+' },
  cognitoClientId: { min: 1, max: 128, pattern: '[\\w_]+' },
  providerName: { min: 1, max: 128 },
  queryLimit: { min: 1, max: 60 },
  paginationKey: { min: 1, max: 65535, pattern: '[\\S]+' },
  accountId: { min: 1, max: 15, pattern: '\\d+' },
  /** DeleteIdentities: IdentityIdsToDelete holds 1 to 60 ids. */
  deleteIdentities: { min: 1, max: 60 },
  /** MergeDeveloperIdentities: "the number of linked logins is limited to 20" (API reference). */
  mergeMaxLogins: 20,
} as const;

// Constraint messages exactly as the AWS front end words them; zod carries them as issue messages.
export const constraintText = {
  pattern: (p: string) => `Member must satisfy regular expression pattern: ${p}`,
  maxLength: (n: number) => `Member must have length less than or equal to ${n}`,
  minLength: (n: number) => `Member must have length greater than or equal to ${n}`,
  minValue: (n: number) => `Member must have value greater than or equal to ${n}`,
  maxValue: (n: number) => `Member must have value less than or equal to ${n}`,
  notNull: 'Member must not be null',
};

/**
 * Every constraint of a map's keys or values, as the front end lists them inside `Map value must
 * satisfy constraint: [...]` (aws-amplify/aws-sdk-ios#2317: the maximum first, then the minimum; a
 * minimum of 0 is no constraint; a pattern, where a map has one, last: inferred).
 */
export const boundsText = (b: { min: number; max: number; pattern?: string }) => [
  constraintText.maxLength(b.max),
  ...(b.min > 0 ? [constraintText.minLength(b.min)] : []),
  ...(b.pattern ? [constraintText.pattern(b.pattern)] : []),
];

/** Messages AWS was observed to send (aws-behaviour.md §4, danilop/LambdAuth#32). */
export const UNSUPPORTED_PROVIDER_MESSAGE = 'This identity pool does not support the specified developer provider';

/** Java's String.matches: the whole string must match. */
export const fullMatch = (pattern: string) => new RegExp(`^(?:${pattern})$`);

type Bounds = { readonly min: number; readonly max: number; readonly pattern?: string };
export const boundedString = (b: Bounds) => {
  let s = z.string().min(b.min, constraintText.minLength(b.min)).max(b.max, constraintText.maxLength(b.max));
  if (b.pattern) s = s.regex(fullMatch(b.pattern), constraintText.pattern(b.pattern));
  return s;
};
export const boundedMap = (m: { maxEntries: number; key: Bounds; value: Bounds }) =>
  z
    .record(boundedString(m.key), boundedString(m.value))
    .refine((o) => Object.keys(o).length <= m.maxEntries, constraintText.maxLength(m.maxEntries));

export const IdentityPoolId = boundedString(limits.identityPoolId);
export const IdentityId = boundedString(limits.identityId);
export const Logins = boundedMap(limits.logins);
export const PrincipalTags = boundedMap(limits.principalTags);
export const boundedInt = (b: { min: number; max: number }) =>
  z.number().int().min(b.min, constraintText.minValue(b.min)).max(b.max, constraintText.maxValue(b.max));

export const TokenDuration = z
  .number()
  .int()
  .min(limits.tokenDuration.min, constraintText.minValue(limits.tokenDuration.min))
  .max(limits.tokenDuration.max, constraintText.maxValue(limits.tokenDuration.max));

export const GetOpenIdTokenForDeveloperIdentityInput = z.object({
  IdentityPoolId: IdentityPoolId,
  IdentityId: IdentityId.nullish(),
  Logins: Logins,
  PrincipalTags: PrincipalTags.nullish(),
  TokenDuration: TokenDuration.nullish(),
});
export type GetOpenIdTokenForDeveloperIdentityInput = z.infer<typeof GetOpenIdTokenForDeveloperIdentityInput>;

export const GetOpenIdTokenForDeveloperIdentityOutput = z.object({
  IdentityId: IdentityId,
  Token: z.string().min(1),
});
export type GetOpenIdTokenForDeveloperIdentityOutput = z.infer<typeof GetOpenIdTokenForDeveloperIdentityOutput>;

/** Errors the model declares for the operation. */
export const modelledErrors = [
  'InvalidParameterException',
  'ResourceNotFoundException',
  'NotAuthorizedException',
  'ResourceConflictException',
  'TooManyRequestsException',
  'InternalErrorException',
  'DeveloperUserAlreadyRegisteredException',
] as const;
/** Errors the AWS front end returns although the model does not list them. */
export const frontEndErrors = [
  'ValidationException',
  'MissingAuthenticationTokenException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'AccessDeniedException',
  'UnknownOperationException',
  'SerializationException',
] as const;
export const ErrorName = z.enum([...modelledErrors, ...frontEndErrors]);
export type ErrorName = z.infer<typeof ErrorName>;

/**
 * awsJson1.1 error body: `__type` first, the bare name (SDKs also accept `namespace#Name`). The
 * operation's own errors carry a `message`; front-end errors may come without one, and an IAM denial
 * says `Message` (aws-behaviour.md §2).
 */
export const ErrorBody = z.object({ __type: z.string().min(1), message: z.string().optional(), Message: z.string().optional() }).loose();
/** The text of an error body's message, whichever spelling it uses. */
export const messageOf = (body: { message?: unknown; Message?: unknown } | undefined) =>
  typeof body?.message === 'string' ? body.message : typeof body?.Message === 'string' ? body.Message : undefined;
export const isModelledError = (name: string) => (modelledErrors as readonly string[]).includes(name);
export const errorNameOf = (type: string) => type.slice(type.lastIndexOf('#') + 1).split(':')[0];

/** The status AWS answers each error with: 400 for client errors, 500 for faults. */
export const statusOf = (name: ErrorName) => (name === 'InternalErrorException' ? 500 : 400);

/** The form of a constraint-violation message (aws-behaviour.md §2). */
export const validationMessage = /^\d+ validation errors? detected: Value .* at '[A-Za-z.]+' failed to satisfy constraint: .+/s;
