// Projects are targets. `npm test` (no CC_TARGET): the self-tests, the suite against the faithful
// embedded mock, the suite against every mock fault (recording verdicts) and the kill matrix that
// judges them. `cognito-conformance run` passes one target profile in CC_TARGET; `mutants` sets
// CC_MODE=mutants for the fault projects and the matrix alone.
import { defineConfig, type Project } from '@playwright/test';
import { PROPERTY_TITLE, shardFromEnv } from './fixtures/behaviours.ts';
import { startRunKey } from './fixtures/mock/keys.ts';
import { runId } from './fixtures/pools.ts';
import { mockProfile, runSeed, TargetProfile } from './fixtures/target.ts';

// The SDK warns on Node 20 about releases after January 2027; the lockfile pins a release that supports it.
// fixtures/api.ts turns the warning off where the suite makes its clients; here, for every process
// Playwright starts, also for the clients some self-tests make themselves.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// One RSA key for every embedded mock of the run and one run id for pool names: made here, in the
// main process, and inherited by the workers.
startRunKey();
runId();

// An installed copy runs the JavaScript that `npm pack` made beside each TypeScript file (bin/build.ts):
// the config's own extension says which of the two the run loads.
const EXT = import.meta.url.endsWith('.js') ? 'js' : 'ts';
const specs = (path: string) => new RegExp(`${path}\\.spec\\.${EXT}$`);
const CONFORMANCE = specs('suites/[^/]+');
// Workers, unless CC_WORKERS sets them all (the command line does, for a run). `npm test` on two
// cores: the suite's own projects are CPU-bound and get two each. The self-tests mostly wait, on
// the command lines they start (whose workers do the work) and on endpoints that hang on purpose:
// three at once, beside the fault matrix's two (the `self` project below), fill those waits.
const chosen = process.env.CC_WORKERS ? Number(process.env.CC_WORKERS) : undefined;
const CPU_BOUND_WORKERS = chosen ?? 2;
const SELF_WORKERS = chosen ?? 3;
const TEST_WORKERS = chosen ?? 5;
const mode = process.env.CC_TARGET ? 'run' : (process.env.CC_MODE ?? 'test');
const out = process.env.CC_OUT ?? 'reports/latest';

/**
 * The fault matrix: every behaviour group registered once per mock fault (suites/self/fault-matrix.ts),
 * recording verdicts with a smaller property budget; the kill matrix judges them.
 */
const MATRIX_BUDGET = { runs: 20, seed: 1 };
const faultProject: Project = {
  name: 'faults',
  testMatch: specs('suites/self/faults/[^/]+'),
  // CC_FULL_MATRIX=1 runs every test under every fault: the check that leaving tests out changes no verdict.
  use: { profile: mockProfile({ name: 'faults', recordOnly: true, ...MATRIX_BUDGET }), reach: process.env.CC_FULL_MATRIX ? undefined : 'prune' },
  dependencies: ['reach'],
  // A part file is one group for the dispatcher: tests a fault does not reach are left out in the
  // worker at a few ms each, where one group per test cost 12 ms of the runner's own per test.
  fullyParallel: false,
  workers: CPU_BOUND_WORKERS,
};
/** Which tests reach which fault, on the faithful mock with the matrix's budget (fixtures/reach.ts). */
const reachProject: Project = { name: 'reach', testMatch: specs('suites/self/reach'), use: { profile: mockProfile({ name: 'reach', ...MATRIX_BUDGET }), reach: 'record' }, workers: CPU_BOUND_WORKERS };
const killMatrix: Project = { name: 'kill-matrix', testMatch: specs('suites/self/kill-matrix'), dependencies: ['faults'] };

const projects: Record<string, () => Project[]> = {
  run: () => {
    // The report judges a run: tests record verdicts and do not fail (a failed test costs a worker restart).
    // A run without a seed gets one here, recorded in its reports (the CLI picks it itself).
    const profile = TargetProfile.parse({ seed: runSeed(), ...JSON.parse(process.env.CC_TARGET!), recordOnly: true });
    // The profile also goes into the metadata, which blob reports keep (they drop `use`): `merge` judges
    // with it. A blob is a file like any report: the public-login token and the account id stay out;
    // that an account id was declared goes in, for the merged report to say so as a run's does.
    const { accountId, ...shared } = profile;
    const publicLogin = profile.publicLogin && { ...profile.publicLogin, token: '<token>' };
    // Shards after the first run only their share of the property parts (fixtures/behaviours.ts).
    const laterShard = (shardFromEnv()?.index ?? 1) > 1;
    return [{ name: profile.name, testMatch: CONFORMANCE, use: { profile }, metadata: { profile: { ...shared, publicLogin }, accountIdDeclared: !!accountId }, ...(laterShard ? { grep: PROPERTY_TITLE } : {}) }];
  },
  mutants: () => [reachProject, faultProject, killMatrix],
  test: () => [
    // After `reach`, for its phase's company: Playwright starts a project only once every project of
    // the phase before it has ended, so the waiting self-tests and the CPU-bound fault matrix would
    // otherwise run one after the other (127 s for npm test; 116 s together).
    { name: 'self', testMatch: specs('suites/self/(?!kill-matrix|faults|reach)[^/]*'), workers: SELF_WORKERS, dependencies: ['reach'] },
    { name: 'mock', testMatch: CONFORMANCE, use: { profile: mockProfile({ seed: runSeed() }) }, workers: CPU_BOUND_WORKERS },
    reachProject,
    faultProject,
    killMatrix,
  ],
};

export default defineConfig({
  testDir: 'suites',
  outputDir: `${out}/test-results`,
  fullyParallel: true,
  workers: mode === 'test' ? TEST_WORKERS : CPU_BOUND_WORKERS,
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  globalTeardown: `./fixtures/global-teardown.${EXT}`,
  // A shard (`run --shard i/n`) writes a blob report and judges nothing: `cognito-conformance merge`
  // replays the shards' blobs into the conformance reporter, which judges the whole run.
  reporter: process.env.CC_BLOB
    ? [['blob', { outputDir: process.env.CC_BLOB, fileName: `shard-${process.env.CC_SHARD!.replace('/', '-of-')}.zip` }], ['dot']]
    : [
        [process.env.CC_QUIET || mode === 'run' ? 'null' : 'dot'],
        [`./reports/conformance-reporter.${EXT}`, { out, mode }],
      ],
  projects: projects[mode](),
});
