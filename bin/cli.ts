// cognito-conformance: run the suite against a target, serve the reference mock, certify a
// server, or run the fault matrix. Bad usage: one line on stderr and exit 2, never a stack trace.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { basename, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { isClauseId } from '../contracts/clauses.ts';
import { ConformanceReport } from '../contracts/report.ts';
import { startMoto } from '../fixtures/moto.ts';
import { isAws, MOCK_CAPABILITIES, runSeed, TargetProfile } from '../fixtures/target.ts';
import { accountIdFor } from '../fixtures/mock/accounts.ts';
import { ACCOUNT_ID } from '../contracts/token.ts';
import { parseClients } from '../fixtures/clients/client.ts';
import { Budget } from '../fixtures/budget.ts';
import { pacingFor } from '../fixtures/pace.ts';
import { runId, runStarted } from '../fixtures/pools.ts';
import { awsDefaultBudget, planLines } from './plan.ts';
import { atLeast0, DIFF_USAGE, int, isHttpUrl, parse, positive, reachable, readJsonOption, RECORD_USAGE, region, TARGET_OPTIONS, UsageError } from './usage.ts';
// The mock, the SDK, msw and jose are imported where a command needs them: every command, and
// every mistake on its command line, would otherwise load them first.

const EXIT = { ok: 0, mustFailed: 1, usage: 2, internal: 3 } as const;
/** Workers for an endpoint without a declared quota whose round trip is long: they mostly wait for answers. */
const NETWORK_WORKERS = 6;
/** A round trip this long or longer (ms) makes an endpoint network-bound; a local emulator answers in about 1 ms. */
const NETWORK_BOUND_MS = 10;
/** A round trip as the plan shows it: below the bound with a decimal, cut (9.96 is CPU-bound; "10" would read as the bound). */
const tripText = (ms: number) => (ms < 1 ? '<1' : ms < NETWORK_BOUND_MS ? (Math.floor(ms * 10) / 10).toFixed(1) : String(Math.round(ms)));
/** Workers for a CPU-bound target (the embedded mock, an emulator on this machine): one per core, at least two. */
const CPU_WORKERS = Math.max(2, availableParallelism());
const require = createRequire(import.meta.url);
const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
// Installed as a dependency, the suite's files sit under node_modules, which Playwright never
// transpiles. `npm pack` made a .js beside each .ts (bin/build.ts), which Playwright loads as they
// are while they match the .ts (the launcher checks, CC_PACKED_JS); without them, tsx's loader runs in
// every Playwright process (1.4 s a run more). From a clone, Playwright's own transform runs the TypeScript.
const INSTALLED = ROOT.split(sep).includes('node_modules');
const PACKED_JS = INSTALLED && process.env.CC_PACKED_JS === '1';
/** A file Playwright loads, as this copy has it. */
const suiteFile = (path: string) => resolve(ROOT, PACKED_JS ? path.replace(/\.ts$/, '.js') : path);

const USAGE = `usage:
  cognito-conformance run     [--target mock|endpoint|moto] [target options] [--out DIR] [--grep TEXT] [--expectations FILE] [--clients js,boto3,cli,curl|all] [--dry-run] [--snapshot FILE] [--shard I/N]
  cognito-conformance merge   DIR... [--out DIR] [--expectations FILE]   (the blob reports of every shard of a run)
  cognito-conformance certify [--target mock|endpoint|moto] [target options] [--out DIR]
  cognito-conformance mock    [--port N] [--host H] [--region R] [--quota N] [--fault NAME]... [--control SOCKET]
                              [--access-key K --secret-key S [--account-id ID]]... [--reset]
                              [--latency MS] [--control-plane-rps N] [--max-pools N]
  cognito-conformance sweep   --endpoint URL [--region R] [--older-than DURATION (1h)] [--dry-run]
  cognito-conformance mutants [--out DIR]
  cognito-conformance faults
${DIFF_USAGE}
${RECORD_USAGE}

target options: --endpoint URL  --region R (us-east-1)  --issuer URL  --jwks-url URL  --name NAME
  --quota N (requests/s the target enforces)  --verifies-signatures  --fault-injection SOCKET
  --public-login PROVIDER=APP_ID:TOKEN  --account-id ID (12 digits, for token.pool-arn)  --seed N  --runs N (fast-check runs per property)  --workers N
  --clients LIST: the client matrix through js (default), boto3, cli, curl or all (exit 1 if a client row fails)
  --pool-id ID (use this pool, create none)  --max-calls N (the most API calls the run makes)
mock: one account per --access-key/--secret-key pair (default testing/testing; account ids from --account-id,
  else 123456789012, 123456789013, ...), every region a client signs for; POST /reset forgets every pool
  (on when served on loopback, --reset to allow it elsewhere).
credentials for endpoint targets come from the AWS SDK's standard chain (AWS_ACCESS_KEY_ID, profiles, ...).
exit codes: 0 no MUST clause failed, 1 a MUST clause failed or an expectation did not hold, 2 bad usage, 3 internal error`;

const targetOptions = {
  ...TARGET_OPTIONS,
  quota: { type: 'string' },
  'verifies-signatures': { type: 'boolean' },
  'fault-injection': { type: 'string' },
  'public-login': { type: 'string' },
  'account-id': { type: 'string' },
  seed: { type: 'string' },
  runs: { type: 'string' },
  workers: { type: 'string' },
  out: { type: 'string', default: 'reports/latest' },
  grep: { type: 'string' },
  expectations: { type: 'string' },
  clients: { type: 'string' },
  'pool-id': { type: 'string' },
  'max-calls': { type: 'string' },
  'dry-run': { type: 'boolean' },
  snapshot: { type: 'string' },
  shard: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Turns the command line into a validated target profile; every mistake is a one-line UsageError.
 * An endpoint is checked for an answer, which also measures its round trip (not in a dry run).
 */
async function profileFrom(v: ReturnType<typeof parse<typeof targetOptions>>['values']): Promise<{ profile: TargetProfile; cleanup: () => void; roundTripMs?: number }> {
  const kind = v.target as string;
  if (!['mock', 'endpoint', 'moto'].includes(kind)) throw new UsageError(`--target must be mock, endpoint or moto, not "${kind}"`);
  if (kind !== 'endpoint' && v.endpoint) throw new UsageError(`--endpoint goes with --target endpoint`);
  let endpoint = v.endpoint as string | undefined;
  let cleanup = () => {};
  let roundTripMs: number | undefined;
  if (kind === 'endpoint') {
    if (!endpoint) throw new UsageError('--target endpoint needs --endpoint URL');
    if (!isHttpUrl(endpoint)) throw new UsageError(`--endpoint "${endpoint}" is not an http(s) URL`);
    if (!v['dry-run']) roundTripMs = await reachable(endpoint, { tries: 25, gapMs: 20, enoughMs: NETWORK_BOUND_MS, farMs: 3 * NETWORK_BOUND_MS });
  }
  if (v['pool-id'] !== undefined && kind !== 'endpoint') throw new UsageError('--pool-id goes with --target endpoint (a pool that exists before the run)');
  if (kind === 'moto') {
    const moto = await startMoto();
    endpoint = moto.url;
    cleanup = moto.stop;
    process.env.AWS_ACCESS_KEY_ID ??= 'testing';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'testing';
    process.env.CC_TARGET_VERSION = `moto ${moto.version}`;
  }
  if (v['account-id'] !== undefined && !ACCOUNT_ID.test(v['account-id'] as string)) throw new UsageError('--account-id: an account id is 12 digits');
  const login = /^([^=]+)=([^:]+):(.+)$/.exec((v['public-login'] as string | undefined) ?? '');
  if (v['public-login'] !== undefined && !login)
    throw new UsageError(`--public-login takes PROVIDER=APP_ID:TOKEN (the app id goes into the pool's SupportedLoginProviders), not "${String(v['public-login']).replace(/:.*/, ':…')}"`);
  const parsed = TargetProfile.safeParse({
    name: v.name ?? (kind === 'endpoint' ? new URL(endpoint!).host : kind),
    kind,
    endpoint,
    region: region('region', v.region as string | undefined),
    issuer: v.issuer,
    jwksUrl: v['jwks-url'],
    quota: positive('quota', v.quota as string | undefined),
    verifiesSignatures: !!v['verifies-signatures'],
    faultInjection: v['fault-injection'] === undefined ? undefined : resolve(v['fault-injection'] as string),
    accountId: v['account-id'],
    publicLogin: login ? { provider: login[1], appId: login[2], token: login[3] } : undefined,
    maxCalls: positive('max-calls', v['max-calls'] as string | undefined),
    // No --seed: one is picked here and recorded in every report, so that the run can be repeated.
    seed: int('seed', v.seed as string | undefined) ?? runSeed(),
    runs: positive('runs', v.runs as string | undefined) ?? (kind === 'mock' ? undefined : 25),
    // The embedded mock has every capability; --quota may still change its rate.
    ...(kind === 'mock' ? { ...MOCK_CAPABILITIES, quota: positive('quota', v.quota as string | undefined) ?? MOCK_CAPABILITIES.quota } : {}),
  });
  if (!parsed.success) {
    cleanup();
    const i = parsed.error.issues[0];
    throw new UsageError(`--${String(i.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`);
  }
  if (parsed.data.faultInjection && kind === 'endpoint' && !existsSync(parsed.data.faultInjection)) throw new UsageError(`--fault-injection: no socket at ${parsed.data.faultInjection}`);
  if (kind !== 'mock') await credentialsOrUsage(cleanup);
  return { profile: parsed.data, cleanup, roundTripMs };
}

/** Endpoint targets sign with the SDK's standard credential chain: none found is bad usage, not 63 failed clauses. */
async function credentialsOrUsage(cleanup: () => void) {
  try {
    const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
    await fromNodeProviderChain()();
  } catch (e) {
    cleanup();
    throw new UsageError(`no AWS credentials found (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile): ${(e as Error).message.split('\n')[0]}`);
  }
}

const Expectations = z.strictObject({
  target: z.string().optional(),
  description: z.string().optional(),
  expectedFailures: z.array(z.strictObject({ clause: z.string().refine(isClauseId, 'unknown clause id'), reason: z.string().min(3) })),
});

function checkExpectations(file: string | undefined) {
  if (!file) return undefined;
  readJsonOption('expectations', file, Expectations);
  return resolve(file);
}

/** Runs Playwright with the profile and returns the report it wrote (or fails with exit 3). */
async function runSuite(env: Record<string, string | undefined>, args: string[], out: string, command = 'test'): Promise<ConformanceReport | undefined> {
  rmSync(resolve(out, 'conformance.json'), { force: true });
  const cli = require.resolve('@playwright/test/cli');
  // The user's directory stays the working directory; the config is found by its absolute path and
  // places every output under --out.
  const loader = INSTALLED && !PACKED_JS ? ['--import', pathToFileURL(require.resolve('tsx')).href] : [];
  const config = command === 'test' ? ['--config', suiteFile('playwright.config.ts')] : [];
  const child = spawn(process.execPath, [...loader, cli, command, ...config, ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
  // Playwright tears down (and deletes the run's pools) on SIGINT; it dies at once on SIGTERM.
  const stop = () => child.kill('SIGINT');
  process.on('SIGINT', stop).on('SIGTERM', stop);
  await new Promise((ok) => child.on('exit', ok));
  const file = resolve(out, 'conformance.json');
  if (!existsSync(file)) return undefined;
  return ConformanceReport.parse(JSON.parse(readFileSync(file, 'utf8')));
}

async function run(argv: string[], certify = false): Promise<number> {
  const { values: v } = parse(argv, targetOptions);
  if (v.help) return console.log(USAGE), EXIT.ok;
  if (certify && v.expectations) throw new UsageError('certify takes no --expectations: a certificate needs every MUST clause to pass as it is');
  if (certify && v.grep) throw new UsageError('certify takes no --grep: a certificate covers the whole catalogue');
  if (certify && v.shard) throw new UsageError('certify takes no --shard: run the shards with run --shard and merge them');
  const shard = shardOf(v.shard as string | undefined);
  if (shard && v.snapshot) throw new UsageError('--snapshot judges a whole run: it does not go with --shard');
  // Without one, each shard would pick its own seed: its properties would draw other inputs than the run they are merged into.
  if (shard && v.seed === undefined) throw new UsageError('--shard needs --seed N, the same on every shard, so that the shards are parts of one run');
  const expectations = checkExpectations(v.expectations as string | undefined);
  if (certify && v.clients) throw new UsageError('certify takes no --clients: client rows are not part of a certificate');
  const clients = parseClients(v.clients as string | undefined);
  if (!clients.ok) throw new UsageError(clients.error);
  const snapshots = v.snapshot ? await import('./record.ts') : undefined;
  const snapshot = snapshots?.readSnapshot(v.snapshot as string);
  const out = resolve(v.out as string);
  const workers = positive('workers', v.workers as string | undefined);
  const { profile, cleanup, roundTripMs } = await profileFrom(v);
  // The run's state folder: the call budget and the ledger of what it made, shared with every worker.
  const state = mkdtempSync(join(tmpdir(), 'cc-run-'));
  try {
    // A shard's tests are chosen by the suite itself (CC_SHARD; fixtures/behaviours.ts), not Playwright's --shard.
    const args = v.grep ? ['--grep', v.grep as string] : [];
    // A declared quota is shared by the whole account, and an injected fault hits whichever call comes
    // next: on such a target one worker keeps other tests off the burst and the injected fault. On
    // AWS one worker also keeps the pools it creates to one set.
    const shared = profile.kind !== 'mock' && (profile.quota || profile.faultInjection || isAws(profile.endpoint));
    // Otherwise concurrency follows what bounds the run: the embedded mock or an emulator on this
    // machine is CPU-bound (a worker per core); a distant endpoint is bound by its round trips, which
    // more workers overlap. A dry run measures nothing and plans for the distant case.
    const distant = profile.kind === 'endpoint' && (roundTripMs === undefined || roundTripMs >= NETWORK_BOUND_MS);
    const n = workers ?? (shared ? 1 : distant ? NETWORK_WORKERS : CPU_WORKERS);
    const trip = roundTripMs === undefined ? '' : `round trip ${tripText(roundTripMs)} ms, `;
    const concurrency = workers
      ? '--workers'
      : shared
        ? 'one: a declared quota, injected faults and AWS pools are shared by the whole run'
        : distant
          ? `${trip}network-bound: workers overlap the round trips`
          : `${trip}CPU-bound: one per core`;
    const budgetIsDefault = isAws(profile.endpoint) && profile.maxCalls === undefined;
    if (budgetIsDefault) profile.maxCalls = awsDefaultBudget(profile, n);
    const poolId = v['pool-id'] as string | undefined;
    // Fixed here so that the plan names the pools the run will create.
    process.env.CC_RUN_ID = runId();
    process.env.CC_RUN_STARTED = runStarted();
    console.log(planLines({ ...profile, pool: poolId ? { id: poolId, developerProvider: '' } : undefined }, n, budgetIsDefault, concurrency).join('\n'));
    if (v['dry-run']) return EXIT.ok;
    process.env.CC_STATE_DIR = state;
    if (poolId) profile.pool = await givenPool(profile, poolId);
    const blob = shard ? join(out, 'blob') : undefined;
    const env = { CC_TARGET: JSON.stringify(profile), CC_OUT: out, CC_EXPECTATIONS: expectations, CC_WORKERS: String(n), CC_CLIENTS: clients.names.join(','), CC_BLOB: blob, CC_SHARD: shard };
    const report = await runSuite(env, args, out);
    if (blob) return shardDone(blob, shard!);
    if (!report && v.grep) throw new UsageError(`--grep "${v.grep}" matched no test`);
    if (!report) return console.error('cognito-conformance: the run wrote no report (see the output above)'), EXIT.internal;
    if (certify) (await import('../reports/certificate.ts')).writeCertificate(out, report, profile);
    const snapshotHeld = !snapshot || (await snapshots!.judgeAgainstSnapshot(report, v.snapshot as string, snapshot, profile, out));
    // Client rows never change a verdict; asked for with --clients, a failing one fails the run.
    if (v.clients && report.clients.some((c) => !c.ok)) return EXIT.mustFailed;
    if (!snapshotHeld) return EXIT.mustFailed;
    return report.summary.ok ? EXIT.ok : EXIT.mustFailed;
  } finally {
    rmSync(state, { recursive: true, force: true });
    cleanup();
  }
}

/** --pool-id: the pool must exist and have a developer provider (one DescribeIdentityPool call, within the budget). */
async function givenPool(profile: TargetProfile, id: string): Promise<NonNullable<TargetProfile['pool']>> {
  const [{ fromNodeProviderChain }, { Api, CallLog, makeClient }] = await Promise.all([import('@aws-sdk/credential-providers'), import('../fixtures/api.ts')]);
  const conn = { endpoint: profile.endpoint!, region: profile.region, credentials: fromNodeProviderChain() };
  const api = new Api(makeClient(conn, 5, { pacing: pacingFor(profile), budget: Budget.fromEnv(profile.maxCalls, true) }), conn, new CallLog());
  const r = await api.describePool(id);
  if (!r.ok) throw new UsageError(`--pool-id ${id}: DescribeIdentityPool answered ${r.error}: ${r.message.split('\n')[0]}`);
  const developerProvider = r.output.DeveloperProviderName;
  if (!developerProvider) throw new UsageError(`--pool-id ${id}: the pool has no developer provider (DeveloperProviderName), which the operation needs`);
  const login = profile.publicLogin;
  const appId = login && r.output.SupportedLoginProviders?.[login.provider];
  if (login && appId !== login.appId)
    throw new UsageError(`--public-login: pool ${id} ${appId ? `names app id ${appId} for` : 'does not support'} ${login.provider}${appId ? `, not ${login.appId}` : ''}`);
  return { id, developerProvider };
}

/** `--shard I/N` checked: 1 ≤ I ≤ N. */
function shardOf(v: string | undefined) {
  if (v === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(v);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard takes I/N with 1 ≤ I ≤ N, not "${v}"`);
  return `${Number(m[1])}/${Number(m[2])}`;
}

const SHARD_BLOB = /^shard-(\d+)-of-(\d+)\.zip$/;

/** A shard judges nothing: it leaves its blob report for `merge`. */
function shardDone(blob: string, shard: string) {
  const zips = existsSync(blob) ? readdirSync(blob).filter((f) => f.endsWith('.zip')) : [];
  if (!zips.length) return console.error(`cognito-conformance: shard ${shard} wrote no blob report (see the output above)`), EXIT.internal;
  console.log(`shard ${shard}: blob report ${join(blob, zips[0])}; judge the run with: cognito-conformance merge <each shard's ${basename(blob)} folder>...`);
  return EXIT.ok;
}

/**
 * `merge DIR...`: every shard's blob report (DIR or DIR/blob) replayed by Playwright's merge-reports
 * into the conformance reporter: the same reports, verdicts, counts and exit code as one run.
 */
async function merge(argv: string[]): Promise<number> {
  const { values: v, positionals: dirs } = parse(argv, { out: { type: 'string', default: 'reports/latest' }, expectations: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, true);
  if (v.help) return console.log(USAGE), EXIT.ok;
  if (!dirs.length) throw new UsageError('merge needs the folders of the shards\' blob reports');
  const expectations = checkExpectations(v.expectations);
  const out = resolve(v.out!);
  const blobs = join(out, 'merged-blobs');
  rmSync(blobs, { recursive: true, force: true });
  mkdirSync(blobs, { recursive: true });
  // Shards name their blobs shard-I-of-N.zip: a shard missing, or twice, is bad usage (a missing one
  // would leave its clauses out and the rest looking green).
  const shards = new Map<string, string>();
  for (const dir of dirs) {
    const from = [dir, join(dir, 'blob')].filter((d) => existsSync(d)).flatMap((d) => readdirSync(d).filter((f) => SHARD_BLOB.test(f)).map((f) => join(d, f)));
    if (!from.length) throw new UsageError(`no shard blob report (shard-I-of-N.zip) in ${dir} or ${join(dir, 'blob')}`);
    for (const zip of from) {
      if (shards.has(basename(zip))) throw new UsageError(`${basename(zip)} twice (${shards.get(basename(zip))} and ${zip})`);
      shards.set(basename(zip), zip);
    }
  }
  const totals = new Set([...shards.keys()].map((f) => Number(SHARD_BLOB.exec(f)![2])));
  if (totals.size > 1) throw new UsageError(`the blob reports come from runs split differently (${[...totals].map((n) => `/${n}`).join(', ')})`);
  const [n] = totals;
  const missing = Array.from({ length: n }, (_, i) => `shard-${i + 1}-of-${n}.zip`).filter((f) => !shards.has(f));
  if (missing.length) throw new UsageError(`shard(s) ${missing.map((f) => SHARD_BLOB.exec(f)![1]).join(', ')} of ${n} missing: merge needs every shard of the run`);
  for (const [name, zip] of shards) copyFileSync(zip, join(blobs, name));
  const report = await runSuite({ CC_OUT: out, CC_EXPECTATIONS: expectations }, ['--config', suiteFile('reports/merge.config.ts'), blobs], out, 'merge-reports');
  if (!report) return console.error('cognito-conformance: the merge wrote no report (see the output above)'), EXIT.internal;
  return report.summary.ok ? EXIT.ok : EXIT.mustFailed;
}

const isLoopback = (host: string) => /^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(host);

async function mock(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, {
    port: { type: 'string', default: '4566' },
    host: { type: 'string', default: '127.0.0.1' },
    region: { type: 'string', default: 'us-east-1' },
    quota: { type: 'string' },
    fault: { type: 'string', multiple: true },
    control: { type: 'string' },
    latency: { type: 'string' },
    'control-plane-rps': { type: 'string' },
    'max-pools': { type: 'string' },
    'access-key': { type: 'string', multiple: true },
    'secret-key': { type: 'string', multiple: true },
    'account-id': { type: 'string', multiple: true },
    reset: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help) return console.log(USAGE), EXIT.ok;
  const [{ isFaultName }, { serveMock }] = await Promise.all([import('../fixtures/mock/faults.ts'), import('./serve.ts')]);
  const port = int('port', v.port as string)!;
  if (port < 0 || port > 65535) throw new UsageError(`--port ${port} is not a port number`);
  region('region', v.region as string);
  const unknown = ((v.fault as string[] | undefined) ?? []).filter((f) => !isFaultName(f));
  if (unknown.length) throw new UsageError(`unknown fault ${unknown[0]} (cognito-conformance faults lists them)`);
  const keys = (v['access-key'] as string[] | undefined) ?? ['testing'];
  const secrets = (v['secret-key'] as string[] | undefined) ?? ['testing'];
  if (keys.length !== secrets.length) throw new UsageError(`--access-key and --secret-key come in pairs (${keys.length} access keys, ${secrets.length} secret keys)`);
  if (new Set(keys).size !== keys.length) throw new UsageError('each --access-key is one account: the same access key twice');
  const accounts = (v['account-id'] as string[] | undefined) ?? [];
  const badAccount = accounts.find((a) => !ACCOUNT_ID.test(a));
  if (badAccount !== undefined) throw new UsageError(`--account-id "${badAccount}" is not an account id (12 digits)`);
  if (accounts.length > keys.length) throw new UsageError(`--account-id names ${accounts.length} accounts for ${keys.length} access keys`);
  // A reset wipes every account's pools: only on loopback unless asked for.
  const reset = (v.reset as boolean | undefined) ?? isLoopback(v.host as string);
  const served = await serveMock({
    port, host: v.host as string, region: v.region as string, quota: positive('quota', v.quota as string | undefined),
    faults: (v.fault as string[] | undefined) ?? [], control: v.control as string | undefined, reset,
    latencyMs: atLeast0('latency', v.latency as string | undefined),
    account: { controlPlaneRps: positive('control-plane-rps', v['control-plane-rps'] as string | undefined), maxPools: atLeast0('max-pools', v['max-pools'] as string | undefined) },
    credentials: keys.map((accessKeyId, n) => ({ accessKeyId, secretAccessKey: secrets[n], accountId: accounts[n] ?? accountIdFor(n) })),
  });
  const distance = [v.latency && `latency ${v.latency} ms`, v['control-plane-rps'] && `control plane ${v['control-plane-rps']} calls/s`, v['max-pools'] && `at most ${v['max-pools']} pools`].filter(Boolean);
  console.log(`reference mock listening on ${served.url} (any region, default ${v.region}; ${keys.length} account${keys.length > 1 ? 's' : ''}${reset ? '; POST /reset' : ''}${distance.length ? `, ${distance.join(', ')}` : ''}${v.fault ? `, faults: ${(v.fault as string[]).join(', ')}` : ''}${v.control ? `, control socket ${v.control}` : ''}); Ctrl-C stops it`);
  await new Promise<void>((ok) => process.once('SIGINT', ok).once('SIGTERM', ok));
  await served.close();
  const refused = served.mock.account ? ` (${served.mock.account.refused} refused by the account's limits)` : '';
  console.log(`answered ${served.mock.calls} API calls${refused}; ${served.mock.poolCount()} identity pools left`);
  return EXIT.ok;
}

async function mutants(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, { out: { type: 'string', default: 'reports/latest' }, help: { type: 'boolean', short: 'h' } });
  if (v.help) return console.log(USAGE), EXIT.ok;
  const out = resolve(v.out as string);
  rmSync(resolve(out, 'mutants.json'), { force: true });
  await runSuite({ CC_MODE: 'mutants', CC_OUT: out }, [], out);
  const file = resolve(out, 'mutants.json');
  if (!existsSync(file)) return console.error('cognito-conformance: the matrix run wrote no mutants.json'), EXIT.internal;
  const m = JSON.parse(readFileSync(file, 'utf8')) as { survived: string[]; imprecise: string[] };
  return m.survived.length || m.imprecise.length ? EXIT.mustFailed : EXIT.ok;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run':
      return run(rest);
    case 'certify':
      return run(rest, true);
    case 'mock':
      return mock(rest);
    case 'mutants':
      return mutants(rest);
    case 'sweep':
      return (await import('./sweep.ts')).sweep(rest);
    case 'diff':
      return (await import('./diff.ts')).diffCommand(rest);
    case 'record':
      return (await import('./record.ts')).recordCommand(rest);
    case 'merge':
      return merge(rest);
    case 'faults': {
      const { faultNames, faults } = await import('../fixtures/mock/faults.ts');
      for (const f of faultNames) console.log(`${f.padEnd(34)} ${faults[f].description} [${faults[f].catches.join(', ')}]`);
      return EXIT.ok;
    }
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(USAGE);
      return command === undefined ? EXIT.usage : EXIT.ok;
    default:
      throw new UsageError(`unknown command "${command}" (run, certify, merge, mock, mutants, sweep, faults, diff, record)`);
  }
}

/**
 * A command line's exit code, as the binary exits with it (bin/cognito-conformance.js): bad usage
 * prints one line and gives 2, anything unexpected one line and 3, never a stack trace.
 */
export async function outcome(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (e) {
    if (e instanceof UsageError) return console.error(`cognito-conformance: ${e.message}`), EXIT.usage;
    return console.error(`cognito-conformance: internal error: ${(e as Error)?.message ?? e}`), EXIT.internal;
  }
}
