// What `cognito-conformance diff A B` writes to diff.json: the two sides as declared, every
// scenario's steps with both normalised answers, and every disagreement `{ scenario, path, a, b,
// input }`. Versioned; readers check schemaVersion.
import { z } from 'zod';
import { DeclaredTarget, NormalisedAnswer } from './snapshot.ts';

export const DIFF_SCHEMA_VERSION = 1;

export const Disagreement = z.object({
  scenario: z.string(),
  /** The call in the scenario, from 1 (0: the scenario as a whole, e.g. a different number of calls). */
  step: z.number().int(),
  call: z.string(),
  path: z.string(),
  a: z.json(),
  b: z.json(),
  /** The request, with placeholders for ids (the same on both sides by construction). */
  input: z.json(),
});
export type Disagreement = z.infer<typeof Disagreement>;

export const DiffStep = z.object({ call: z.string(), input: z.json(), a: NormalisedAnswer.optional(), b: NormalisedAnswer.optional() });
export type DiffStep = z.infer<typeof DiffStep>;

export const DiffScenario = z.object({
  name: z.string(),
  kind: z.enum(['example', 'generated']),
  /** Generated sequences: the shrunk sequence of operations, as fast-check printed it. */
  sequence: z.string().optional(),
  steps: z.array(DiffStep),
  disagreements: z.array(Disagreement),
  /** Set when a side could not run the scenario to its end (call budget, setup failure). */
  incomplete: z.string().optional(),
});
export type DiffScenario = z.infer<typeof DiffScenario>;

const Side = DeclaredTarget.extend({ calls: z.number().int() });

export const DiffReport = z.object({
  schemaVersion: z.literal(DIFF_SCHEMA_VERSION),
  suite: z.object({ name: z.string(), version: z.string(), catalogueHash: z.string() }),
  a: Side,
  b: Side,
  startedAt: z.string(),
  durationMs: z.number(),
  budget: z.object({ runs: z.number().int(), seed: z.number().int(), maxCalls: z.number().int() }),
  /** The generated sequences: how many ran, and the replay line when one disagreed. */
  generated: z.object({ runs: z.number().int(), failed: z.boolean(), shrinks: z.number().int().optional(), replay: z.string().optional(), stoppedBy: z.string().optional() }),
  scenarios: z.array(DiffScenario),
  disagreements: z.array(Disagreement),
  /** No disagreement anywhere (the exit status). */
  agree: z.boolean(),
});
export type DiffReport = z.infer<typeof DiffReport>;
