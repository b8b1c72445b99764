// The suite as plain JavaScript, made by esbuild. Two jobs:
//
// The command line (default; `npm ci` and `npm pack` run it as prepare, `npm test` as pretest):
// bin/cli.ts and the modules it imports, bundled into dist/cli/ (packages stay imports; each
// command's own modules are a chunk loaded when it runs). Through tsx, every module of the
// launcher's graph went through tsx's loader thread: the launcher took about 0.5 s of CPU and 0.38 s
// before it started Playwright; bundled, about 0.2 s and 0.15 s (README, Speed). dist/cli/inputs.json
// holds a hash of every source in the bundle: bin/cognito-conformance.js runs the bundle only while
// every hash still matches, and the sources through tsx otherwise, so an edited source is never
// judged by a stale bundle.
//
// The packed copy (`--beside` as prepack, `--clean` as postpack): X.js beside every X.ts Playwright
// loads, for an installed copy (see `beside`).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform, type Plugin } from 'esbuild';

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

/** The TypeScript Playwright loads in an installed copy: the config and every module under these folders. */
const PLAYWRIGHT_SIDE = ['playwright.config.ts', 'bin', 'contracts', 'fixtures', 'reports', 'suites'];
const BESIDE = 'dist/beside.json';

/** Every TypeScript file Playwright may load, relative to the repository. */
export const playwrightSide = (): string[] => PLAYWRIGHT_SIDE.flatMap(tsFiles);

const tsFiles = (path: string): string[] =>
  path.endsWith('.ts')
    ? [path]
    : readdirSync(resolve(ROOT, path), { withFileTypes: true })
        // reports/ holds the reporter's code beside generated report folders (reports/*/ are outputs).
        .filter((e) => (e.isDirectory() ? path !== 'reports' : e.name.endsWith('.ts')))
        .flatMap((e) => tsFiles(join(path, e.name)));

// esbuild keeps import paths as written: ./x.ts must become ./x.js.
const RELATIVE_TS = /((?:from|import)\s*\(?\s*)"(\.{1,2}\/[^"]*?)\.ts"/g;

/**
 * For `npm pack`: X.js beside every X.ts Playwright loads (`into` another folder: the same layout
 * there). An installed copy sits under node_modules, which Playwright does not transpile; without
 * these, tsx's loader ran in its every process (about 1.3 s more a run, README Speed). `clean`
 * removes what the last call made here.
 */
export async function beside(into = ROOT) {
  const made: string[] = [];
  for (const file of playwrightSide()) {
    const js = file.replace(/\.ts$/, '.js');
    if (into === ROOT && existsSync(resolve(ROOT, js))) throw new Error(`${js} exists and was not made here`);
    mkdirSync(dirname(resolve(into, js)), { recursive: true });
    const { code } = await transform(readFileSync(resolve(ROOT, file), 'utf8'), { loader: 'ts', format: 'esm', target: 'node20', sourcefile: file });
    writeFileSync(resolve(into, js), code.replace(RELATIVE_TS, '$1"$2.js"'));
    made.push(js);
  }
  if (into === ROOT) writeFileSync(resolve(ROOT, BESIDE), `${JSON.stringify(made, null, 1)}\n`);
  return made.length;
}

function clean() {
  const made: string[] = existsSync(resolve(ROOT, BESIDE)) ? JSON.parse(readFileSync(resolve(ROOT, BESIDE), 'utf8')) : [];
  for (const js of [...made, BESIDE]) rmSync(resolve(ROOT, js), { force: true });
  return made.length;
}

async function main(mode: string | undefined) {
  if (mode === '--beside') {
    clean();
    return console.log(`cognito-conformance: JavaScript made beside ${await beside()} TypeScript files, for the packed copy`);
  }
  if (mode === '--clean') return console.log(`cognito-conformance: ${clean()} JavaScript files made for the packed copy removed`);
  // A failed bundle costs speed, not correctness: `npm ci` and `npm test` go on, on the sources.
  try {
    const { dir, files } = await buildCli();
    console.log(`cognito-conformance: the command line bundled into ${dir}/ (${files} sources)`);
  } catch (e) {
    console.log(`cognito-conformance: the command line is not bundled (${(e as Error).message.split('\n')[0]}); it runs its TypeScript through tsx`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv[2]);
