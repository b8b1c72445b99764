// Judges every fault project's recorded verdicts: each fault must be caught by the clauses it
// names, and no other MUST clause may fail. A surviving fault fails `npm test` with its name.
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { faultNames } from '../../fixtures/mock/faults.ts';
import { faultSubject, verdictFile, type Verdict } from '../../fixtures/verdicts.ts';
import { judge } from '../../reports/matrix.ts';

for (const fault of faultNames) {
  test(`fault ${fault}`, async ({}, info) => {
    const file = verdictFile(info.project.outputDir, faultSubject(fault));
    expect(existsSync(file), `verdicts recorded under ${faultSubject(fault)}`).toBe(true);
    const verdicts = readFileSync(file, 'utf8').trim().split('\n').flatMap((l) => (JSON.parse(l) as { verdicts: Verdict[] }).verdicts);
    const j = judge(fault, verdicts);
    expect(j.missed, `fault ${fault} survived: ${j.missed.join(', ')} did not fail (failing: ${j.failing.join(', ') || 'none'})`).toEqual([]);
    expect(j.imprecise, `fault ${fault} also failed MUST clauses it does not declare`).toEqual([]);
  });
}
