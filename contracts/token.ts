// The OpenID token contract (aws-behaviour.md §3).
import { z } from 'zod';

export const AWS_ISSUER = 'https://cognito-identity.amazonaws.com';
export const TAGS_CLAIM = 'https://aws.amazon.com/tags';
/** Tokens since 2024 carry the pool's ARN (a 2022 token had none, awslabs/aws-jwt-verify#89). */
export const POOL_ARN_CLAIM = `${AWS_ISSUER}/identity-pool-arn`;
/** An AWS account id: twelve digits. */
export const ACCOUNT_ID = /^\d{12}$/;
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

/** The ARN partition of a region: China and GovCloud have their own. */
export const partitionOf = (region: string) => (region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');

/** An identity pool's ARN, as the identity-pool-arn claim carries it. */
export const poolArn = (region: string, account: string, poolId: string) => `arn:${partitionOf(region)}:cognito-identity:${region}:${account}:identitypool/${poolId}`;
