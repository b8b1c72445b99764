// What bin/build.ts makes. The launcher runs the bundled command line only while it was built from
// the sources as they are: a copy of bin/cognito-conformance.js beside a stand-in bundle and
// stand-in sources says which one it ran. And the JavaScript `npm pack` puts beside the TypeScript
// is what an installed copy runs: laid out as one under node_modules, it lists the same tests and runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { beside, playwrightSide } from '../../bin/build.ts';
import { CREDS, readReport, ROOT } from './run-cli.ts';

const SOURCE = 'export const outcome = async () => (console.log("sources"), 0);\n';
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

function layout(dir: string, inputs: Record<string, string> | undefined) {
  mkdirSync(join(dir, 'bin'), { recursive: true });
  mkdirSync(join(dir, 'dist/cli'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  copyFileSync(join(ROOT, 'bin/cognito-conformance.js'), join(dir, 'bin/cognito-conformance.js'));
  writeFileSync(join(dir, 'bin/cli.ts'), SOURCE);
  writeFileSync(join(dir, 'dist/cli/cli.mjs'), 'export const outcome = async () => (console.log("bundle"), 0);\n');
  if (inputs) writeFileSync(join(dir, 'dist/cli/inputs.json'), JSON.stringify({ inputs }));
  const r = spawnSync(process.execPath, [join(dir, 'bin/cognito-conformance.js')], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  return `${r.stdout}${r.stderr}`.trim();
}

const cases: [string, Record<string, string> | undefined, string][] = [
  ['every source as it was bundled', { 'bin/cli.ts': sha1(SOURCE) }, 'bundle'],
  ['a source edited since', { 'bin/cli.ts': sha1(`${SOURCE}// before\n`) }, 'sources'],
  ['a source gone since', { 'bin/cli.ts': sha1(SOURCE), 'bin/gone.ts': sha1('') }, 'sources'],
  ['no bundle made', undefined, 'sources'],
];

for (const [what, inputs, ran] of cases)
  test(`the launcher runs the ${ran} when ${what}`, async ({}, info) => {
    expect(layout(info.outputPath('copy'), inputs)).toBe(ran);
  });

/** The repository as `npm pack` ships it, installed under `project`'s node_modules. */
async function installedCopy(project: string) {
  const pkg = join(project, 'node_modules/cognito-identity-conformance');
  await beside(pkg);
  for (const file of [...playwrightSide(), 'package.json']) copyFileSync(join(ROOT, file), join(pkg, file));
  copyFileSync(join(ROOT, 'bin/cognito-conformance.js'), join(pkg, 'bin/cognito-conformance.js'));
  if (existsSync(join(ROOT, 'dist/cli'))) cpSync(join(ROOT, 'dist/cli'), join(pkg, 'dist/cli'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  return pkg;
}

type Listed = { suites?: Listed[]; specs?: { title: string; tests: { projectName: string }[] }[]; title?: string };
/** Every test a config declares, as project and title path (the file's extension left out). */
function listed(config: string, env: Record<string, string> = {}) {
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const out = execFileSync(process.execPath, [cli, 'test', '--list', '--reporter=json', '--config', config], {
    cwd: dirname(config),
    encoding: 'utf8',
    env: { ...process.env, CC_QUIET: '1', PLAYWRIGHT_JSON_OUTPUT_NAME: undefined, ...env },
    maxBuffer: 64 << 20,
  });
  const tests: string[] = [];
  const walk = (s: Listed, path: string[]) => {
    for (const spec of s.specs ?? []) for (const t of spec.tests) tests.push(`${t.projectName} ${[...path, spec.title].join(' > ')}`);
    for (const c of s.suites ?? []) walk(c, [...path, (c.title ?? '').replace(/\.(ts|js)$/, '')]);
  };
  walk(JSON.parse(out.slice(out.indexOf('{'))), []);
  return tests.sort();
}

test('the packed JavaScript declares the tests the TypeScript declares, and a run from an installed copy passes', async ({}, info) => {
  test.setTimeout(120_000);
  const project = info.outputPath('project');
  const pkg = await installedCopy(project);
  const ts = listed(join(ROOT, 'playwright.config.ts'));
  expect(ts.length, 'tests declared').toBeGreaterThan(1000);
  expect(listed(join(pkg, 'playwright.config.js')), 'the same tests, from the JavaScript').toEqual(ts);

  // The launcher under node_modules runs Playwright on the JavaScript, as `npx cognito-conformance` does from a project.
  const r = spawnSync(process.execPath, [join(pkg, 'bin/cognito-conformance.js'), 'run', '--runs', '2', '--grep', 'IdentityId has the model format', '--out', 'out'], { cwd: project, encoding: 'utf8', env: { ...process.env, ...CREDS } });
  expect(r.status, r.stderr).toBe(0);
  const report = readReport(join(project, 'out'));
  expect(report.clauses.find((c) => c.id === 'identity.id-format')?.status).toBe('pass');
  rmSync(project, { recursive: true, force: true });
});
