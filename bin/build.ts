// The command line as plain JavaScript: bin/cli.ts and the modules it imports, bundled by esbuild
// into dist/cli/ (packages stay imports; each command's own modules are a chunk loaded when it
// runs). Through tsx, every module of the launcher's graph went through tsx's loader thread: the
// launcher took 0.55 s of CPU and 0.38 s before it started Playwright; bundled, 0.25 s and 0.16 s
// (README, Speed). `npm ci` (prepare), `npm test` (pretest) and `npm pack` (prepare) build it.
//
// dist/cli/inputs.json holds a hash of every source file in the bundle. bin/cognito-conformance.js
// runs the bundle only while every hash still matches, and the sources through tsx otherwise: an
// edited source is never judged by a stale bundle.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const BUILT = 'dist/cli';

const sourceHash = (file: string) => createHash('sha1').update(readFileSync(resolve(ROOT, file))).digest('hex');

/**
 * Each source keeps its own import.meta.url (package.json, the boto3 helper, require.resolve are found
 * from it): rewritten relative to the bundle, so that the bundle still works wherever it is installed.
 */
const ownUrl = (outdir: string): Plugin => ({
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, ({ path }) => {
      const from = relative(outdir, path).split('\\').join('/');
      return { loader: 'ts', contents: readFileSync(path, 'utf8').replaceAll('import.meta.url', `new URL(${JSON.stringify(from)}, import.meta.url).href`) };
    });
  },
});

async function buildCli() {
  const final = resolve(ROOT, BUILT);
  const outdir = `${final}.${process.pid}.tmp`;
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: ['bin/cli.ts'],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir,
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'warning',
    plugins: [ownUrl(final)],
  });
  const inputs = Object.fromEntries(Object.keys(metafile.inputs).map((file) => [file, sourceHash(file)]));
  writeFileSync(`${outdir}/inputs.json`, `${JSON.stringify({ inputs }, null, 1)}\n`);
  // Swapped in whole: a launcher starting meanwhile finds no inputs.json and runs the sources.
  rmSync(final, { recursive: true, force: true });
  renameSync(outdir, final);
  return { dir: relative(ROOT, final), files: Object.keys(inputs).length };
}

// A failed build costs speed, not correctness: `npm ci` and `npm test` go on, on the sources.
try {
  const { dir, files } = await buildCli();
  console.log(`cognito-conformance: the command line bundled into ${dir}/ (${files} sources)`);
} catch (e) {
  console.log(`cognito-conformance: the command line is not bundled (${(e as Error).message.split('\n')[0]}); it runs its TypeScript through tsx`);
}
