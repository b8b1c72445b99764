// The run's plan, printed before its first call: the pools it will create, the most calls it will
// make, the pace it keeps. `run --dry-run` prints only this and makes no call.
import { DELETE_ATTEMPTS } from '../fixtures/budget.ts';
import { rates } from '../fixtures/pace.ts';
import { poolPrefix, POOLS_PER_WORKER } from '../fixtures/pools.ts';
import { isAws, type TargetProfile } from '../fixtures/target.ts';

/**
 * Calls of a whole run at `runs` per property, measured against the reference mock (330 at 1 run,
 * 405 at 5, each with a 55-call throttle burst and the js client matrix): about 250 plus 20 per run,
 * plus the burst, plus set-up and clean-up. A target that fails properties early makes fewer;
 * shrinking a failure makes more, which is why AWS endpoints get a budget of twice the estimate.
 */
export function estimateCalls(p: TargetProfile, workers: number) {
  const burst = p.quota && p.quota * 2 + 5 <= 1000 ? p.quota * 2 + 5 : 0;
  const setup = p.pool ? 1 + DELETE_ATTEMPTS : workers * 5 * 2;
  return 250 + 20 * p.runs + burst + setup;
}

/** The budget an AWS endpoint gets when --max-calls is not given: twice the estimate, in hundreds. */
export const awsDefaultBudget = (p: TargetProfile, workers: number) => Math.ceil((2 * estimateCalls(p, workers)) / 100) * 100;

export function planLines(p: TargetProfile, workers: number, budgetIsDefault: boolean, concurrency?: string): string[] {
  const where = p.endpoint ?? `the embedded reference mock`;
  const pools = p.pool
    ? `creates none; works in ${p.pool.id} and deletes every identity it makes there (DeleteIdentities, 60 per call)`
    : `creates at most ${workers * POOLS_PER_WORKER} (${workers} worker${workers > 1 ? 's' : ''} × ${POOLS_PER_WORKER}), named ${poolPrefix()}-*, and deletes every one at the end`;
  const estimate = `about ${estimateCalls(p, workers)} expected at --runs ${p.runs}`;
  const calls = p.maxCalls
    ? `at most ${p.maxCalls}, clean-up included (${budgetIsDefault ? 'the default for AWS endpoints; --max-calls N changes it' : '--max-calls'}); ${estimate}`
    : `no limit (--max-calls N sets one); ${estimate}`;
  const r = rates(p);
  const pace = !r.data && !r.control
    ? 'as fast as the target answers'
    : [r.data && `${r.data} calls/s`, r.control && `control plane ${r.control} call/s`].filter(Boolean).join(', ') +
      (isAws(p.endpoint) && !p.quota ? ' (AWS defaults; --quota N declares the account’s quota)' : '');
  return [`plan for ${where}:`, `  pools: ${pools}`, `  calls: ${calls}`, `  pace:  ${pace}`, ...(concurrency ? [`  workers: ${workers} (${concurrency})`] : [])];
}
