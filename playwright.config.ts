// Projects are targets. `npm test` (no CC_TARGET): the self-tests, the suite against the faithful
// embedded mock, the suite against every mock fault (recording verdicts) and the kill matrix that
// judges them. `cognito-conformance run` passes one target profile in CC_TARGET; `mutants` sets
// CC_MODE=mutants for the fault projects and the matrix alone.
import { defineConfig, type Project } from '@playwright/test';
import { faultNames } from './fixtures/mock/faults.ts';
import { mockProfile, TargetProfile } from './fixtures/target.ts';

// The SDK warns on Node 20 about releases after January 2027; the lockfile pins a release that supports it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const CONFORMANCE = /suites\/[^/]+\.spec\.ts$/;
const mode = process.env.CC_TARGET ? 'run' : (process.env.CC_MODE ?? 'test');
const out = process.env.CC_OUT ?? 'reports/latest';

/** Fault projects record verdicts with a smaller property budget: the matrix needs kills, not depth. */
const faultProjects: Project[] = faultNames.map((f) => ({
  name: `fault:${f}`,
  testMatch: CONFORMANCE,
  use: { profile: mockProfile({ name: `fault:${f}`, faults: [f], recordOnly: true, runs: 20, seed: 1 }) },
}));
const killMatrix: Project = { name: 'kill-matrix', testMatch: /suites\/self\/kill-matrix\.spec\.ts$/, dependencies: faultProjects.map((p) => p.name!) };

const projects: Record<string, () => Project[]> = {
  run: () => {
    const profile = TargetProfile.parse(JSON.parse(process.env.CC_TARGET!));
    return [{ name: profile.name, testMatch: CONFORMANCE, use: { profile } }];
  },
  mutants: () => [...faultProjects, killMatrix],
  test: () => [
    { name: 'self', testMatch: /suites\/self\/(?!kill-matrix).*\.spec\.ts$/ },
    { name: 'mock', testMatch: CONFORMANCE, use: { profile: mockProfile() } },
    ...faultProjects,
    killMatrix,
  ],
};

export default defineConfig({
  testDir: 'suites',
  outputDir: `${out}/test-results`,
  fullyParallel: true,
  workers: Number(process.env.CC_WORKERS ?? 2),
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  reporter: [
    [process.env.CC_QUIET ? 'null' : mode === 'run' ? 'list' : 'dot'],
    ['./reports/conformance-reporter.ts', { out, mode }],
  ],
  projects: projects[mode](),
});
