// Every mock fault against the faithful mock: does the diff show a disagreement?
import { runDiff } from './bin/diff.ts';
import { AWS_ISSUER } from './contracts/token.ts';
import { faultNames } from './fixtures/mock/faults.ts';
const mock = (label: string, faults: any[] = []) => ({ label, kind: 'mock' as const, name: 'm', region: 'us-east-1', issuer: AWS_ISSUER, faults, maxCalls: 50000 });
let shown = 0;
for (const f of faultNames) {
  const t = Date.now();
  const r = await runDiff([mock('a'), mock('b', [f])], { runs: 25, seed: 1, maxCalls: 50000 });
  const paths = [...new Set(r.disagreements.map((d) => `${d.scenario}: ${d.path}`))];
  if (!r.agree) shown++;
  console.log(`${f}\t${r.agree ? 'AGREE' : 'disagree'}\t${((Date.now() - t) / 1000).toFixed(1)}s\t${paths.length} scenario:path\t${paths.slice(0, 3).join('; ')}`);
}
console.log(`${shown} of ${faultNames.length} faults show a disagreement`);
