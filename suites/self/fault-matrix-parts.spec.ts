// The fault matrix's parts cover every fault once: a part file missing or a PARTS that does not
// match the files would drop faults from the matrix without a word.
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { PARTS } from './fault-matrix.ts';

test('the fault matrix has one spec file per part', () => {
  const files = readdirSync(`${import.meta.dirname}/faults`).filter((f) => f.endsWith('.spec.ts')).sort();
  expect(files).toEqual(Array.from({ length: PARTS }, (_, i) => `part-${i + 1}.spec.ts`).sort());
});
