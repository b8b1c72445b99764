// The operation's seven declared exceptions (the API model's list, operation.ts) and the clauses
// that provoke each (aws-behaviour.md §4 "Each declared exception"). A report says, per exception,
// which of these clauses provoked it on the run and what the target answered.
import { z } from 'zod';
import { modelledErrors } from './operation.ts';

export const DeclaredException = z.enum(modelledErrors);
export type DeclaredException = z.infer<typeof DeclaredException>;

/** The clauses whose calls AWS answers with the exception (or may: the provider clauses accept two). */
export const provokedBy: Record<DeclaredException, readonly string[]> = {
  InvalidParameterException: ['provider.second-developer-provider.exact', 'provider.unknown-developer-provider.exact'],
  ResourceNotFoundException: ['pool.not-found.exact', 'link.unknown-identity.exact', 'link.foreign-identity.exact'],
  NotAuthorizedException: ['provider.second-developer-provider.exact', 'provider.unknown-developer-provider.exact', 'link.foreign-identity.exact'],
  ResourceConflictException: ['link.login-conflict.exact'],
  TooManyRequestsException: ['throttle.too-many-requests'],
  InternalErrorException: ['fault.internal-error'],
  DeveloperUserAlreadyRegisteredException: ['link.user-registered-elsewhere'],
};

