// The fault matrix: every behaviour group, once per mock fault. Each describe selects its fault
// through the test-level `fault` option; verdicts are recorded, not asserted (the profile's
// recordOnly), and suites/self/kill-matrix.spec.ts judges them.
import { registeredGroups } from '../../fixtures/behaviours.ts';
import { faultNames } from '../../fixtures/mock/faults.ts';
import { test } from '../../fixtures/test.ts';
import '../behaviours/index.ts';

for (const fault of faultNames)
  test.describe(`fault ${fault}`, () => {
    test.use({ fault });
    for (const group of registeredGroups()) test.describe(group.name, group.register);
  });
