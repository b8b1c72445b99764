// What bin/build.ts makes. The launcher runs the bundled command line only while it was built from
// the sources as they are: a copy of bin/cognito-conformance.js beside a stand-in bundle and
// stand-in sources says which one it ran. And the JavaScript `npm pack` puts beside the TypeScript
// is what an installed copy runs: a copy packed and unpacked under node_modules lists the same tests and runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CREDS, listTests, readReport, ROOT, type Listed } from './run-cli.ts';

/** A stand-in for bin/cli.ts or the bundle: prints which one ran, and the compile cache it was given. */
const standIn = (ran: string) => `export const outcome = async () => (console.log(JSON.stringify({ ran: ${JSON.stringify(ran)}, cache: process.env.NODE_COMPILE_CACHE })), 0);\n`;
const SOURCE = standIn('sources');
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

function layout(dir: string, inputs: Record<string, string> | undefined, env: Record<string, string> = {}) {
  mkdirSync(join(dir, 'bin'), { recursive: true });
  mkdirSync(join(dir, 'dist/cli'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  copyFileSync(join(ROOT, 'bin/cognito-conformance.js'), join(dir, 'bin/cognito-conformance.js'));
  writeFileSync(join(dir, 'bin/cli.ts'), SOURCE);
  writeFileSync(join(dir, 'dist/cli/cli.mjs'), standIn('bundle'));
  if (inputs) writeFileSync(join(dir, 'dist/cli/inputs.json'), JSON.stringify({ inputs }));
  const { NODE_COMPILE_CACHE: _, ...inherited } = process.env;
  const r = spawnSync(process.execPath, [join(dir, 'bin/cognito-conformance.js')], { encoding: 'utf8', env: { ...inherited, ...env } });
  rmSync(dir, { recursive: true, force: true });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { ran: string; cache?: string };
}

const cases: [string, Record<string, string> | undefined, string][] = [
  ['every source as it was bundled', { 'bin/cli.ts': sha1(SOURCE) }, 'bundle'],
  ['a source edited since', { 'bin/cli.ts': sha1(`${SOURCE}// before\n`) }, 'sources'],
  ['a source gone since', { 'bin/cli.ts': sha1(SOURCE), 'bin/gone.ts': sha1('') }, 'sources'],
  ['no bundle made', undefined, 'sources'],
];

for (const [what, inputs, ran] of cases)
  test(`the launcher runs the ${ran} when ${what}`, async ({}, info) => {
    expect(layout(info.outputPath('copy'), inputs).ran).toBe(ran);
  });

test('the launcher gives the command and its Playwright processes a compile cache, unless one is set', async ({}, info) => {
  expect(layout(info.outputPath('default'), undefined).cache).toBe(join(tmpdir(), 'cognito-conformance-compile-cache'));
  expect(layout(info.outputPath('own'), undefined, { NODE_COMPILE_CACHE: '/somewhere/else' }).cache).toBe('/somewhere/else');
  expect(layout(info.outputPath('none'), undefined, { NODE_COMPILE_CACHE: '' }).cache).toBe('');
});

/** This repository packed by `npm pack` (its scripts included) from a copy, and unpacked as an installed dependency of `project`. */
function installedCopy(work: string) {
  const staging = join(work, 'staging');
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of tracked) if (existsSync(join(ROOT, file))) cpSync(join(ROOT, file), join(staging, file));
  symlinkSync(join(ROOT, 'node_modules'), join(staging, 'node_modules'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: staging, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).replace(/^[^[]*/, '')) as { filename: string }[];
  const pkg = join(work, 'project/node_modules/cognito-identity-conformance');
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['xzf', join(work, packed[0].filename), '-C', pkg, '--strip-components', '1']);
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  return pkg;
}

/** Every test a config declares, as project and title path (the file's extension left out). */
function listed(config: string, env: Record<string, string>) {
  const tests: string[] = [];
  const walk = (s: Listed, path: string[]) => {
    for (const spec of s.specs ?? []) for (const t of spec.tests) tests.push(`${t.projectName} ${[...path, spec.title].join(' > ')}`);
    for (const c of s.suites ?? []) walk(c, [...path, (c.title ?? '').replace(/\.(ts|js)$/, '')]);
  };
  walk(listTests(config, [], env), []);
  return tests.sort();
}

test('a packed copy, installed: its JavaScript matches its TypeScript, declares the same tests for a run and for mutants, and runs', async ({}, info) => {
  test.setTimeout(180_000);
  const work = info.outputPath('pack');
  const pkg = installedCopy(work);
  // What the launcher checks before it lets Playwright run the JavaScript (CC_PACKED_JS).
  const { inputs } = JSON.parse(readFileSync(join(pkg, 'dist/beside.json'), 'utf8')) as { inputs: Record<string, string> };
  for (const [file, hash] of Object.entries(inputs)) expect(sha1(readFileSync(join(pkg, file), 'utf8')), file).toBe(hash);
  expect(Object.keys(inputs), 'the run\'s spec among them').toContain('suites/conformance.spec.ts');

  const modes: Record<string, string>[] = [{ CC_TARGET: JSON.stringify({ name: 'mock', kind: 'mock' }) }, { CC_MODE: 'mutants' }];
  for (const env of modes) {
    const ts = listed(join(ROOT, 'playwright.config.ts'), env);
    expect(ts.length, `tests declared (${Object.keys(env)})`).toBeGreaterThan(40);
    expect(listed(join(pkg, 'playwright.config.js'), env), `the same tests from the JavaScript (${Object.keys(env)})`).toEqual(ts);
  }

  // The launcher under node_modules, as `npx cognito-conformance` runs it from a project.
  const project = join(work, 'project');
  const r = spawnSync(process.execPath, [join(pkg, 'bin/cognito-conformance.js'), 'run', '--runs', '2', '--grep', 'IdentityId has the model format', '--out', 'out'], { cwd: project, encoding: 'utf8', env: { ...process.env, ...CREDS } });
  expect(r.status, r.stderr).toBe(0);
  expect(readReport(join(project, 'out')).clauses.find((c) => c.id === 'identity.id-format')?.status).toBe('pass');
  rmSync(work, { recursive: true, force: true });
});
