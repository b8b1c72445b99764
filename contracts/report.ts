// The report contract: what `conformance.json` holds. Versioned; readers check schemaVersion.
import { z } from 'zod';
import { Evidence, Level, Section } from './clauses.ts';

export const SCHEMA_VERSION = 1;
export const ClauseStatus = z.enum(['pass', 'fail', 'not-applicable', 'expected-fail', 'unexpected-pass']);
export type ClauseStatus = z.infer<typeof ClauseStatus>;

export const EvidenceItem = z.object({
  test: z.string(),
  message: z.string().optional(),
  /** Redacted API calls of the test: request, answer and a reproduce line. */
  calls: z.array(z.unknown()),
});

export const ClauseResult = z.object({
  id: z.string(),
  section: Section,
  level: Level,
  evidence: Evidence,
  behaviour: z.string(),
  status: ClauseStatus,
  message: z.string().optional(),
  tests: z.array(z.string()),
  failures: z.array(EvidenceItem).default([]),
});
export type ClauseResult = z.infer<typeof ClauseResult>;

/**
 * The client matrix (`run --clients`): one row per client and scenario. `saw` is what the client
 * showed (the fields of a success, or the error as that client names it); `expected`, on a failed
 * row, is what the same client showed from the reference mock. Rows never change clause verdicts.
 */
export const ClientRow = z.object({
  client: z.string(),
  version: z.string(),
  scenario: z.string(),
  ok: z.boolean(),
  saw: z.string(),
  expected: z.string().optional(),
});
export type ClientRow = z.infer<typeof ClientRow>;

/** One client's run: whether it is installed here (else how to install it), its time, its scenarios not applicable. */
export const ClientRun = z.object({
  client: z.string(),
  available: z.boolean(),
  version: z.string().optional(),
  reason: z.string().optional(),
  install: z.string().optional(),
  ms: z.number(),
  notApplicable: z.array(z.object({ scenario: z.string(), reason: z.string() })).default([]),
});
export type ClientRun = z.infer<typeof ClientRun>;

const Tally = z.object({ pass: z.number(), fail: z.number(), notApplicable: z.number(), expectedFail: z.number(), unexpectedPass: z.number(), total: z.number() });

export const ConformanceReport = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  suite: z.object({ name: z.string(), version: z.string(), catalogueHash: z.string() }),
  target: z.object({ name: z.string(), kind: z.string(), endpoint: z.string().optional(), region: z.string(), issuer: z.string() }),
  startedAt: z.string(),
  durationMs: z.number(),
  expectations: z.string().optional(),
  clauses: z.array(ClauseResult),
  /** Properties' failures: seed, path and the command that replays them. */
  replays: z.array(z.object({ test: z.string(), seed: z.number(), path: z.string(), command: z.string() })).default([]),
  /** The client matrix: scenario × client rows, and each client's availability and time. */
  clients: z.array(ClientRow).default([]),
  clientRuns: z.array(ClientRun).default([]),
  summary: z.object({
    must: Tally,
    should: Tally,
    apiCalls: z.number(),
    /** No MUST clause failed and every expectation held (the run's exit status). */
    ok: z.boolean(),
  }),
});
export type ConformanceReport = z.infer<typeof ConformanceReport>;
