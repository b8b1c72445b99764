#!/usr/bin/env node
// Entry point. What bin/build.ts made is run only while every source it was made from hashes as it
// did: the bundled command line (dist/cli/), else the TypeScript itself through tsx (Node 20 cannot
// strip types); in an installed copy, the JavaScript `npm pack` put beside the TypeScript for
// Playwright (CC_PACKED_JS, read by bin/cli.ts), else tsx's loader in Playwright's processes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../', import.meta.url);

// Node 22.1 and later keep V8's compiled code between runs, here and (through the variable) in every
// Playwright process: a run starts about 0.3 s sooner, Playwright's empty run 1.44 s → 1.15 s
// (README, Speed). Node 20 has neither, and ignores both.
// An empty NODE_COMPILE_CACHE is the user's "none" (Node would otherwise cache into the working directory).
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'cognito-conformance-compile-cache');
if (process.env.NODE_COMPILE_CACHE) module.enableCompileCache?.(process.env.NODE_COMPILE_CACHE);

/** Whether every source `list` names still hashes as when it was built (false: not built, or changed since). */
function fresh(list) {
  try {
    const { inputs } = JSON.parse(readFileSync(new URL(list, ROOT), 'utf8'));
    return Object.entries(inputs).every(([file, hash]) => createHash('sha1').update(readFileSync(new URL(file, ROOT))).digest('hex') === hash);
  } catch {
    return false;
  }
}

process.env.CC_PACKED_JS = fresh('dist/beside.json') ? '1' : '';
const sources = () => import('tsx/esm/api').then(({ tsImport }) => tsImport('./cli.ts', import.meta.url));
// A rebuild (npm test's pretest) swaps dist/cli/ whole: one starting between the check and here finds no bundle.
const { outcome } = fresh('dist/cli/inputs.json') ? await import('../dist/cli/cli.mjs').catch(sources) : await sources();
process.exit(await outcome(process.argv.slice(2)));
