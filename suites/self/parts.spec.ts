// A property split into parts (fixtures/property.ts) runs exactly its budget, from seeds that one
// --seed replays: the shares add up to the runs, no part is empty, and part 1 runs from the seed itself.
import { expect, test } from '@playwright/test';
import { partSeed, partsOf, partTitle, share } from '../../fixtures/property.ts';

test('the parts of a property share its runs exactly, none empty', () => {
  for (const runs of [1, 2, 3, 7, 20, 25, 100])
    for (const n of [1, 2, 3, 8]) {
      const parts = partsOf(n, runs);
      expect(parts.length).toBe(Math.min(n, runs));
      const shares = parts.map((p) => share(runs, p));
      expect(shares.reduce((a, b) => a + b, 0), `${runs} runs in ${n} parts`).toBe(runs);
      expect(Math.min(...shares)).toBeGreaterThan(0);
    }
});

test('part k runs from seed S + k, and a whole property from S', () => {
  const parts = partsOf(8, 100);
  expect(parts.map((p) => partSeed(1234, p))).toEqual([1234, 1235, 1236, 1237, 1238, 1239, 1240, 1241]);
  expect(partSeed(1234, partsOf(8, 1)[0])).toBe(1234);
  expect(partTitle('property: x', parts[2])).toBe('property: x (part 3 of 8)');
  expect(partTitle('property: x', partsOf(8, 1)[0])).toBe('property: x');
});
