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
// The packed copy (`--beside` as prepack, `--clean` as postpack): X.js beside every X.ts the package
// ships, which an installed copy's Playwright runs (see `beside`).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const BUILT = 'dist/cli';

const sha1 = (text: string | Buffer) => createHash('sha1').update(text).digest('hex');
const hashOf = (file: string) => sha1(readFileSync(resolve(ROOT, file)));
/** What else makes the output what it is: a change to either must also retire it. */
const BUILD_INPUTS = ['bin/build.ts', 'tsconfig.json'];

/** `{ inputs: { file: sha1 } }`, as bin/cognito-conformance.js reads it to tell whether the output still matches. */
const writeInputs = (file: string, inputs: Record<string, string>) => {
  for (const f of BUILD_INPUTS) inputs[f] = hashOf(f);
  writeFileSync(file, `${JSON.stringify({ inputs }, null, 1)}\n`);
};

/**
 * Each source keeps its own import.meta.url (package.json, the boto3 helper, require.resolve are found
 * from it): rewritten relative to the bundle, so that the bundle still works wherever it is installed.
 * Any other use of import.meta would not follow, and fails the build. `read` gets each source's hash,
 * of the very text bundled (a file saved during the build cannot pass for the bundled one).
 */
const ownUrl = (outdir: string, read: Record<string, string>): Plugin => ({
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, ({ path }) => {
      const text = readFileSync(path, 'utf8');
      const file = relative(ROOT, path).split('\\').join('/');
      if (/import\.meta(?!\.url\b)/.test(text)) throw new Error(`${file}: only import.meta.url can be bundled (bin/build.ts)`);
      read[file] = sha1(text);
      const from = relative(outdir, path).split('\\').join('/');
      return { loader: 'ts', contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(from)}, import.meta.url).href`) };
    });
  },
});

const esm = { format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' } as const;

async function buildCli() {
  const final = resolve(ROOT, BUILT);
  const outdir = `${final}.${process.pid}.tmp`;
  const inputs: Record<string, string> = {};
  try {
    const { metafile } = await build({
      ...esm,
      absWorkingDir: ROOT,
      entryPoints: ['bin/cli.ts'],
      bundle: true,
      splitting: true,
      packages: 'external',
      outdir,
      outExtension: { '.js': '.mjs' },
      metafile: true,
      plugins: [ownUrl(final, inputs)],
    });
    const unread = Object.keys(metafile.inputs).filter((f) => !(f in inputs));
    if (unread.length) throw new Error(`bundled but not hashed: ${unread.join(', ')}`);
    writeInputs(`${outdir}/inputs.json`, inputs);
    // Swapped in whole: a launcher starting meanwhile finds no inputs.json and runs the sources.
    rmSync(final, { recursive: true, force: true });
    renameSync(outdir, final);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  return { dir: relative(ROOT, final), files: Object.keys(inputs).length };
}

/** The TypeScript the package ships, as npm itself reads package.json "files" (no script run). */
function shippedTypeScript(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const [{ files }] = JSON.parse(out.slice(out.indexOf('['))) as { files: { path: string }[] }[];
  return files.map((f) => f.path).filter((f) => f.endsWith('.ts'));
}
const BESIDE = 'dist/beside.json';

/** Every relative import of a .ts file stays an import, of the .js beside it; packages stay imports. */
const besideImports: Plugin = {
  name: 'beside-imports',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.ts$/ }, ({ path, kind }) => (kind === 'entry-point' ? undefined : { path: path.replace(/\.ts$/, '.js'), external: true }));
  },
};

/**
 * For `npm pack`: X.js beside every X.ts it ships. An installed copy sits under node_modules, which
 * Playwright does not transpile; without these, tsx's loader ran in its every process (1.4 s more a
 * run, README Speed). dist/beside.json holds each source's hash: an installed copy runs the
 * JavaScript while they match (bin/cognito-conformance.js), and `clean` removes what it lists, also
 * after a failed `beside`.
 */
async function beside() {
  const sources = shippedTypeScript();
  const list = resolve(ROOT, BESIDE);
  mkdirSync(dirname(list), { recursive: true });
  // Listed before a file is written (with hashes that match nothing): a build that fails halfway
  // leaves nothing `clean` does not know of, and nothing an installed copy would run.
  writeFileSync(list, `${JSON.stringify({ inputs: Object.fromEntries(sources.map((f) => [f, ''])) })}\n`);
  for (const js of sources.map((f) => f.replace(/\.ts$/, '.js'))) if (existsSync(resolve(ROOT, js))) throw new Error(`${js} exists and was not made here`);
  await build({ ...esm, absWorkingDir: ROOT, entryPoints: sources, bundle: true, packages: 'external', outdir: ROOT, outbase: ROOT, plugins: [besideImports] });
  writeInputs(list, Object.fromEntries(sources.map((f) => [f, hashOf(f)])));
  return sources.length;
}

function clean() {
  const list = resolve(ROOT, BESIDE);
  const made = existsSync(list) ? Object.keys((JSON.parse(readFileSync(list, 'utf8')) as { inputs: Record<string, string> }).inputs) : [];
  const js = made.filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '.js'));
  for (const f of [...js, BESIDE]) rmSync(resolve(ROOT, f), { force: true });
  return js.length;
}

async function main(mode: string | undefined) {
  if (mode === '--beside') {
    clean();
    return console.log(`cognito-conformance: JavaScript made beside ${await beside()} TypeScript files, for the packed copy`);
  }
  if (mode === '--clean') return console.log(`cognito-conformance: ${clean()} JavaScript files made for the packed copy removed`);
  // A failed bundle costs speed, not correctness: `npm ci` and `npm test` go on, on the sources.
  // A package is not made without it.
  try {
    const { dir, files } = await buildCli();
    console.log(`cognito-conformance: the command line bundled into ${dir}/ (${files} sources)`);
  } catch (e) {
    if (['pack', 'publish'].includes(process.env.npm_command ?? '')) throw e;
    console.log(`cognito-conformance: the command line is not bundled (${(e as Error).message.split('\n')[0]}); it runs its TypeScript through tsx`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv[2]);
