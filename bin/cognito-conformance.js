#!/usr/bin/env node
// Entry point: the bundled command line (dist/cli/, bin/build.ts) while it was built from the
// sources as they are; otherwise the TypeScript itself, through tsx (Node 20 cannot strip types).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const ROOT = new URL('../', import.meta.url);

function bundle() {
  try {
    const { inputs } = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', ROOT), 'utf8'));
    for (const [file, hash] of Object.entries(inputs)) if (createHash('sha1').update(readFileSync(new URL(file, ROOT))).digest('hex') !== hash) return undefined;
    return new URL('dist/cli/cli.mjs', ROOT).href;
  } catch {
    return undefined; // not built, or a source is gone
  }
}

const built = bundle();
const { outcome } = built ? await import(built) : await (await import('tsx/esm/api')).tsImport('./cli.ts', import.meta.url);
process.exit(await outcome(process.argv.slice(2)));
