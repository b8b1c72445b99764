// The suite type-checks: `tsc --noEmit` over everything tsconfig.json includes. Playwright and tsx
// strip types without checking them, so a type error would otherwise land unseen.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');

test('the suite type-checks (tsc --noEmit)', async () => {
  const errors = await new Promise<string>((ok) =>
    execFile(process.execPath, [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', ROOT], { cwd: ROOT }, (e, stdout, stderr) => ok(e ? `${stdout}${stderr}` || e.message : '')),
  );
  expect(errors, 'tsc --noEmit -p .').toBe('');
});
