#!/usr/bin/env node
// Entry point. What bin/build.ts made is run only while every source it was made from hashes as it
// did: the bundled command line (dist/cli/), else the TypeScript itself through tsx (Node 20 cannot
// strip types); in an installed copy, the JavaScript `npm pack` put beside the TypeScript for
// Playwright (CC_PACKED_JS, read by bin/cli.ts), else tsx's loader in Playwright's processes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const ROOT = new URL('../', import.meta.url);

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
