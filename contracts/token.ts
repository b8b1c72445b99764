// The OpenID token contract (aws-behaviour.md §3).
import { z } from 'zod';

export const AWS_ISSUER = 'https://cognito-identity.amazonaws.com';
export const TAGS_CLAIM = 'https://aws.amazon.com/tags';
/** Allowed clock skew between the caller and the issuer (open-id.md: "usually no more than 5 minutes"). */
export const CLOCK_SKEW_SECONDS = 300;

export const TokenHeader = z.object({ alg: z.literal('RS512'), typ: z.literal('JWS'), kid: z.string().min(1) }).loose();

export const amrFor = (provider: string, poolId: string, user: string) => [
  'authenticated',
  provider,
  `${provider}:${poolId}:${user}`,
];

/** principal_tags as AWS nests them: every value in a one-element array. */
export const principalTagsClaim = (tags: Record<string, string>) => ({
  principal_tags: Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, [v]])),
});
