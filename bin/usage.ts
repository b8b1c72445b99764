// What the commands share about their command line: the usage lines of `diff` and `record` (shown by
// `cognito-conformance --help` and by each command's own --help), the target options, parsing and
// checking their values, and files named by an option. Kept light (no SDK, no mock): every command,
// and every mistake on its command line, loads this module.
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { REGION } from '../contracts/operation.ts';

/** Bad usage: the command prints its message as one line and exits 2, never a stack trace. */
export class UsageError extends Error {}

/** A command's arguments, strictly parsed (positionals only where the command takes them); a mistake is a one-line UsageError. */
export function parse<const O extends NonNullable<ParseArgsConfig['options']>, const P extends boolean = false>(args: string[], options: O, allowPositionals?: P) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: (allowPositionals ?? false) as P });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]} (see --help)`);
  }
}

/** A whole-number option (undefined when not given). */
export const int = (flag: string, v: string | undefined) => {
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v)) throw new UsageError(`--${flag} takes a whole number, not "${v}"`);
  return Number(v);
};
export const atLeast0 = (flag: string, v: string | undefined) => {
  const n = int(flag, v);
  if (n !== undefined && n < 0) throw new UsageError(`--${flag} must be 0 or more, not ${n}`);
  return n;
};
export const positive = (flag: string, v: string | undefined) => {
  const n = int(flag, v);
  if (n !== undefined && n < 1) throw new UsageError(`--${flag} must be at least 1, not ${n}`);
  return n;
};

/** A region option (`--region`, `--a-region`, ...) as AWS spells region names (undefined when not given). */
export const region = (flag: string, v: string | undefined) => {
  if (v !== undefined && !REGION.test(v)) throw new UsageError(`--${flag} "${v}" is not an AWS region name`);
  return v;
};

/** An endpoint the suite can talk to: a URL whose scheme is http or https. */
export const isHttpUrl = (s: string) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol);

/**
 * Fails with a one-line UsageError (`${who}cannot reach URL: cause`) unless the endpoint answers a GET
 * (any status); returns its round trip in ms, the fastest of up to `tries` GETs on one connection,
 * `gapMs` apart, stopping at one faster than `enoughMs`, or once three in a row after the first (which
 * also opens the connection) took `farMs` or more: plainly distant, more GETs would only delay the
 * run. On a busy machine a local endpoint's answers wait for the scheduler in bursts: GETs spread
 * over time find a moment between them.
 */
export async function reachable(url: string, { tries = 1, gapMs = 0, enoughMs = 0, farMs = Infinity, who = '' } = {}): Promise<number> {
  const trips: number[] = [];
  try {
    for (let i = 0; i < tries; i++) {
      if (i && gapMs) await new Promise((ok) => setTimeout(ok, gapMs));
      const started = performance.now();
      await (await fetch(url, { method: 'GET', signal: AbortSignal.timeout(5000) })).arrayBuffer();
      trips.push(performance.now() - started);
      if (trips[i] < enoughMs || (i >= 3 && trips.slice(-3).every((t) => t >= farMs))) break;
    }
  } catch (e) {
    // One answer is enough to know it is there.
    if (!trips.length) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new UsageError(`${who}cannot reach ${url}: ${cause?.code ?? cause?.message ?? (e as Error).message}`);
    }
  }
  return Math.min(...trips);
}

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
