// A property split into parts (fixtures/property.ts) runs exactly its budget, from seeds that one
// --seed replays: the shares add up to the runs, no part is empty, and part 1 runs from the seed itself.
import { expect, test } from '@playwright/test';
import { registration, type Shard } from '../../fixtures/behaviours.ts';
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

test('shards deal the parts out in turn: together they register every part once, in equal numbers', () => {
  // Properties of 8, 2, 4, 1, 1 and 3 parts, registered in this order by every shard.
  const dealt = (shard?: Shard) => {
    const r = registration(100, shard);
    return [8, 2, 4, 1, 1, 3].flatMap((n, property) => r.parts(n).map((p) => `${property}: ${p.index + 1} of ${p.of}`));
  };
  for (const total of [1, 2, 3, 5]) {
    const shards = Array.from({ length: total }, (_, i) => dealt({ index: i + 1, total }));
    expect(shards.flat().sort(), `${total} shards`).toEqual(dealt().sort());
    const sizes = shards.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes), `${total} shards: ${sizes}`).toBeLessThanOrEqual(1);
  }
});
