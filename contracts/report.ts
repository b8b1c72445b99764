// The report contract: what `conformance.json` holds. Versioned; readers check schemaVersion.
// Version 2 added: a clause's root cause (`blockedBy`) and the failures grouped by it (`rootCauses`),
// the table of the seven declared exceptions (`exceptions`), and what reproduces the run (`run`).
import { z } from 'zod';
import { Evidence, Level, Section } from './clauses.ts';
import { DeclaredException } from './exceptions.ts';
import { SnapshotJudgement } from './snapshot.ts';

export const SCHEMA_VERSION = 2;
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
  /** Not applicable because this clause, a precondition checked by its tests, failed: the root cause. */
  blockedBy: z.string().optional(),
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
/** A failed clause and the clauses not reached because of it ("token.jws failed: 9 clauses not reached"). */
export const RootCause = z.object({ clause: z.string(), level: Level, status: ClauseStatus, notReached: z.array(z.string()) });
export type RootCause = z.infer<typeof RootCause>;

/** One declared exception: the clauses that provoked it on this run and what the target answered them. */
export const ExceptionRow = z.object({
  exception: DeclaredException,
  /** Clauses that provoked it on this run (a clause not applicable or not reached provoked nothing). */
  clauses: z.array(z.string()),
  /** Each distinct answer per clause: `400 ResourceConflictException`, `200 success`, `no answer ...`. */
  answered: z.array(z.object({ clause: z.string(), answer: z.string(), count: z.number().int().positive() })),
  /** Whether the target answered this exception to any of them. */
  thrown: z.boolean(),
  /** Why a clause that would provoke it did not, on this run. */
  note: z.string().optional(),
});
export type ExceptionRow = z.infer<typeof ExceptionRow>;

/** What reproduces the run: the same seed and budget against the same target send the same inputs. */
export const RunRecord = z.object({
  seed: z.number().int(),
  runs: z.number().int().positive(),
  sdk: z.object({ name: z.string(), version: z.string() }),
  /** The target profile as declared, secrets left out (a public-login token, the account id). */
  profile: z.record(z.string(), z.unknown()),
  /** The command line that runs the same suite against the same target with the same seed and budget. */
  command: z.string(),
});
export type RunRecord = z.infer<typeof RunRecord>;

/** `notReached` counts the not-applicable clauses whose precondition failed (they have a `blockedBy`). */
const Tally = z.object({ pass: z.number(), fail: z.number(), notApplicable: z.number(), notReached: z.number(), expectedFail: z.number(), unexpectedPass: z.number(), total: z.number() });

export const ConformanceReport = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  suite: z.object({ name: z.string(), version: z.string(), catalogueHash: z.string() }),
  target: z.object({ name: z.string(), kind: z.string(), endpoint: z.string().optional(), region: z.string(), issuer: z.string() }),
  run: RunRecord,
  startedAt: z.string(),
  durationMs: z.number(),
  expectations: z.string().optional(),
  clauses: z.array(ClauseResult),
  rootCauses: z.array(RootCause),
  exceptions: z.array(ExceptionRow),
  /** Properties' failures: seed, path and the command that replays them. */
  replays: z.array(z.object({ test: z.string(), seed: z.number(), path: z.string(), command: z.string() })).default([]),
  /** The client matrix: scenario × client rows, and each client's availability and time. */
  clients: z.array(ClientRow).default([]),
  clientRuns: z.array(ClientRun).default([]),
  /** `run --snapshot FILE`: where the target's answers differ from the recording (any difference fails the run). */
  snapshot: SnapshotJudgement.optional(),
  summary: z.object({
    must: Tally,
    should: Tally,
    apiCalls: z.number(),
    /** No MUST clause failed and every expectation held (the run's exit status). */
    ok: z.boolean(),
  }),
});
export type ConformanceReport = z.infer<typeof ConformanceReport>;
