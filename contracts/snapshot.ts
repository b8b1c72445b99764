// The shape of a normalised answer and of a recorded snapshot (`cognito-conformance record`), and
// the differences `run --snapshot` reports. A normalised answer is a flat map from a stable path
// (`status`, `answer.__type`, `token.exp-iat`, ...) to a JSON value in which every id is a
// placeholder (`<identity:1>`, `<pool:main>`) and no token, signature, date or request id is left.
import { z } from 'zod';

export const SNAPSHOT_SCHEMA_VERSION = 1;

/** Path → normalised value; absent members are simply not there. */
export const NormalisedAnswer = z.record(z.string(), z.json());
export type NormalisedAnswer = z.infer<typeof NormalisedAnswer>;

/** One call of a scenario: what it is, the request with placeholders, and the answer normalised. */
export const RecordedStep = z.strictObject({ call: z.string(), input: z.json(), answer: NormalisedAnswer });
export type RecordedStep = z.infer<typeof RecordedStep>;

export const DeclaredTarget = z.strictObject({
  name: z.string(),
  kind: z.string(),
  /** As declared, without any user:password part. */
  endpoint: z.string().optional(),
  region: z.string(),
  issuer: z.string(),
});
export type DeclaredTarget = z.infer<typeof DeclaredTarget>;

export const Snapshot = z.strictObject({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  recordedAt: z.string(),
  suite: z.strictObject({ name: z.string(), version: z.string(), catalogueHash: z.string() }),
  target: DeclaredTarget,
  /** Scenario name → its steps, in the order they were sent. */
  scenarios: z.record(z.string(), z.strictObject({ steps: z.array(RecordedStep) })),
});
export type Snapshot = z.infer<typeof Snapshot>;

/** A place where a target's answer differs from the snapshot's. `step` counts from 1. */
export const SnapshotDifference = z.object({
  scenario: z.string(),
  step: z.number().int().optional(),
  call: z.string().optional(),
  path: z.string(),
  expected: z.json(),
  received: z.json(),
});
export type SnapshotDifference = z.infer<typeof SnapshotDifference>;

/** What `run --snapshot` adds to conformance.json. */
export const SnapshotJudgement = z.object({
  file: z.string(),
  recordedAt: z.string(),
  target: DeclaredTarget.optional(),
  differences: z.array(SnapshotDifference),
});
export type SnapshotJudgement = z.infer<typeof SnapshotJudgement>;

/** The value a path has when the answer lacks it (JSON has no undefined). */
export const ABSENT = '<absent>';

type Json = NormalisedAnswer[string];

/**
 * Every path where two normalised answers differ (key order inside values does not count), in a
 * stable order. When one answer has a JWS and the other has none, `answer.Token` says so once: the
 * token's claims, absent on one side, would only repeat it a dozen times per call.
 */
export function answerDifferences(expected: NormalisedAnswer, received: NormalisedAnswer): { path: string; expected: Json; received: Json }[] {
  const jws = (a: NormalisedAnswer) => a['answer.Token'] === 'JWS';
  const paths = [...new Set([...Object.keys(expected), ...Object.keys(received)])].sort().filter((p) => jws(expected) === jws(received) || !p.startsWith('token.'));
  return paths
    .map((path) => ({ path, expected: expected[path] ?? ABSENT, received: received[path] ?? ABSENT }))
    .filter((d) => stableJson(d.expected) !== stableJson(d.received));
}

/** JSON with object keys sorted at every level: two snapshots diff line by line. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sort(value), null, 2) + '\n';
}
