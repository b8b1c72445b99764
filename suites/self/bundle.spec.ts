// The launcher runs the bundled command line (bin/build.ts) only while it was built from the sources
// as they are: a copy of bin/cognito-conformance.js beside a stand-in bundle and stand-in sources
// says which one it ran.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './run-cli.ts';

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
