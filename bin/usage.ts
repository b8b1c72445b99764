// What the commands share about their command line: the usage lines of `diff` and `record` (shown by
// `cognito-conformance --help` and by each command's own --help), the target options, and files named by an option.
import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/** Bad usage: the command prints its message as one line and exits 2, never a stack trace. */
export class UsageError extends Error {}

/** A JSON file named by an option (--expectations, --snapshot), checked against its schema: any problem is one line. */
export function readJsonOption<T>(flag: string, file: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--${flag} ${file}: ${(e as Error).message.split('\n')[0]}`);
  }
  const r = schema.safeParse(data);
  if (!r.success) throw new UsageError(`--${flag} ${file}: ${r.error.issues[0].path.join('.') || 'the file'}: ${r.error.issues[0].message}`);
  return r.data;
}

/** Where a one-target command (`run`, `certify`, `record`) sends its calls: the options they share. */
export const TARGET_OPTIONS = {
  target: { type: 'string', default: 'mock' },
  endpoint: { type: 'string' },
  region: { type: 'string' },
  issuer: { type: 'string' },
  'jwks-url': { type: 'string' },
  name: { type: 'string' },
} as const;
export const DIFF_USAGE = `  cognito-conformance diff    A B [--a-region R] [--b-region R] [--a-issuer URL] [--b-issuer URL] [--a-jwks-url URL] [--b-jwks-url URL]
                              [--a-profile P] [--b-profile P] [--a-name N] [--b-name N] [--runs N] [--seed N] [--max-calls N] [--out DIR]
      A and B: mock, moto or an http(s) endpoint URL; an endpoint signs with CC_A_ACCESS_KEY_ID/CC_A_SECRET_ACCESS_KEY
      (CC_B_... for B) if set, else --a-profile/--b-profile, else the standard chain. Exit 0 agree, 1 disagree, 2 bad usage.`;
export const RECORD_USAGE = `  cognito-conformance record  [--target mock|endpoint|moto] [--endpoint URL] [--region R] [--issuer URL] [--jwks-url URL]
                              [--profile P] [--name N] [--max-calls N] --out FILE
      a snapshot of the target's normalised answers to the example scenarios; judge another target with run --snapshot FILE`;
