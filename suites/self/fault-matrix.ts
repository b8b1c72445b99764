// The fault matrix: every behaviour group, once per mock fault. Each describe selects its fault
// through the test-level `fault` option; verdicts are recorded, not asserted (the profile's
// recordOnly), and suites/self/kill-matrix.spec.ts judges them. Properties stay whole here: the
// matrix has tests enough to keep both workers busy, and its fixed seed keeps each fault's verdicts fixed.
//
// The matrix is spread over PARTS spec files (suites/self/faults/), each registering every PARTS-th
// fault: a Playwright worker binds the whole spec file (a deep clone and a SHA-1 per test) for every
// test it runs, so one file of 3,600 tests cost 13 million bindings, a third of the matrix's time.
import { registeredGroups, registration } from '../../fixtures/behaviours.ts';
import { faultNames } from '../../fixtures/mock/faults.ts';
import { test } from '../../fixtures/test.ts';
import '../behaviours/index.ts';

export const PARTS = 15;

/** Every behaviour group as the matrix registers it (whole properties): under each fault, and once in the reach run. */
export const registerGroups = () => {
  for (const group of registeredGroups()) test.describe(group.name, () => group.register(registration()));
};

/** Registers the faults of part `part` (1..PARTS). */
export function registerFaultMatrix(part: number) {
  for (const fault of faultNames.filter((_, i) => i % PARTS === part - 1))
    test.describe(`fault ${fault}`, () => {
      test.use({ fault: [fault, { scope: 'test', box: 'self' }] });
      registerGroups();
    });
}
