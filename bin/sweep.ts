// `cognito-conformance sweep`: deletes the identity pools earlier runs left behind (a machine that
// lost power mid-run, a kill -9). A pool is the suite's when its name carries the prefix and a start
// time (cc-conformance-20261122t081500-<run id>-...); it is swept when that time is older than
// --older-than (1 hour by default, so that a run still going on elsewhere keeps its pools).
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { Api, CallLog, makeClient } from '../fixtures/api.ts';
import { isHttpUrl, parse, region, UsageError } from './usage.ts';
import { pacingFor } from '../fixtures/pace.ts';
import { listPools, poolStart } from '../fixtures/pools.ts';
import { TargetProfile } from '../fixtures/target.ts';

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "0", "90s", "30m", "1h", "2d", "1h30m" → milliseconds. */
export function duration(text: string): number {
  if (text === '0') return 0;
  const parts = [...text.matchAll(/(\d+)([smhd])/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== text) throw new UsageError(`--older-than takes a duration such as 0, 90s, 30m, 1h or 2d, not "${text}"`);
  return parts.reduce((ms, [, n, unit]) => ms + Number(n) * UNITS[unit], 0);
}

const ago = (ms: number) => (ms >= 7_200_000 ? `${Math.round(ms / 3_600_000)} h` : ms >= 120_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`);

export async function sweep(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, {
    target: { type: 'string', default: 'endpoint' },
    endpoint: { type: 'string' },
    region: { type: 'string' },
    'older-than': { type: 'string', default: '1h' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help) return console.log('usage: cognito-conformance sweep --endpoint URL [--region R] [--older-than DURATION (1h)] [--dry-run]'), 0;
  if (v.target !== 'endpoint') throw new UsageError('sweep works on --target endpoint (the embedded mock and moto keep nothing between runs)');
  if (!v.endpoint) throw new UsageError('sweep needs --endpoint URL');
  if (!isHttpUrl(v.endpoint)) throw new UsageError(`--endpoint "${v.endpoint}" is not an http(s) URL`);
  const limit = duration(v['older-than']!);
  const profile = TargetProfile.parse({ name: 'sweep', kind: 'endpoint', endpoint: v.endpoint, region: region('region', v.region) });
  const conn = { endpoint: profile.endpoint!, region: profile.region, credentials: fromNodeProviderChain() };
  // Throttled listing and deleting are retried with the SDK's backoff; on AWS the control plane is paced.
  const api = new Api(makeClient(conn, 5, { pacing: pacingFor(profile) }), conn, new CallLog());
  const listed = await listPools(api);
  if (!listed.pools) throw new UsageError(`cannot list identity pools at ${v.endpoint}: ${listed.error}`);
  const now = Date.now();
  const ours = listed.pools.flatMap((p) => {
    const started = poolStart(p.IdentityPoolName);
    return started && p.IdentityPoolId ? [{ id: p.IdentityPoolId, name: p.IdentityPoolName!, age: now - started.getTime() }] : [];
  });
  const old = ours.filter((p) => p.age >= limit);
  let failed = 0;
  for (const p of old) {
    if (v['dry-run']) {
      console.log(`would delete ${p.id} ${p.name} (started ${ago(p.age)} ago)`);
      continue;
    }
    const r = await api.deletePool(p.id);
    if (r.ok || r.error === 'ResourceNotFoundException') console.log(`deleted ${p.id} ${p.name} (started ${ago(p.age)} ago)`);
    else console.error(`cognito-conformance: could not delete ${p.id} ${p.name}: ${r.error}: ${r.message.split('\n')[0]}`), failed++;
  }
  const young = ours.length - old.length;
  console.log(
    `${v['dry-run'] ? 'would delete' : 'deleted'} ${old.length - failed} identity pool(s) of the suite older than ${v['older-than']}` +
      `${young ? `; kept ${young} younger one(s)` : ''}; ${listed.pools.length - ours.length} other pool(s) untouched`,
  );
  return failed ? 1 : 0;
}
