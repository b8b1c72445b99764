// The client matrix: the core scenarios through each client of `--clients` (CC_CLIENTS; `js` by
// default), against the target and against a faithful reference mock of this worker at once.
// A test per client, so that the clients spread over the workers and each one's time is its own.
// Rows go to the report through an annotation; they never change a clause's verdict.
import type { AwsCredentialIdentity } from '@smithy/types';
import { OPERATION } from '../contracts/operation.ts';
import { parseClients } from '../fixtures/clients/client.ts';
import { clients } from '../fixtures/clients/index.ts';
import { CLIENT, CLIENT_RUN, runClientMatrix, stoppedRun, type ClientRunResult } from '../fixtures/clients/matrix.ts';
import { mockSide } from '../fixtures/clients/reference.ts';
import type { ScenarioSide } from '../fixtures/clients/scenarios.ts';
import { admit } from '../fixtures/guard.ts';
import { developerProvider } from '../fixtures/pools.ts';
import { redact } from '../fixtures/redact.ts';
import { expect, test } from '../fixtures/test.ts';

const chosen = parseClients(process.env.CC_CLIENTS);
if (!chosen.ok) throw new Error(chosen.error); // the CLI checked it; this is a bad CC_CLIENTS

test.describe('clients', () => {
  for (const name of chosen.names)
    test(`client ${name}: the core scenarios read as from the reference mock`, { annotation: { type: CLIENT, description: name } }, async ({ target, pools, jwks, user, profile }, testInfo) => {
      // The CLI starts a Python process per call (about 1 to 3 s on a loaded machine, 36 calls).
      test.setTimeout(name === 'cli' ? 300_000 : 120_000);
      let reference: Awaited<ReturnType<typeof mockSide>> | undefined;
      const client = clients[name]();
      let result: ClientRunResult;
      try {
        reference = await mockSide(target.region);
        const pool = await pools.shared();
        const side: ScenarioSide = {
          endpoint: target.endpoint,
          region: target.region,
          credentials: target.credentials as AwsCredentialIdentity,
          liveness: target.liveness,
          pool,
          provider: developerProvider(),
          issuer: target.issuer,
          jwks: async () => (await jwks()).verifyKey,
          publicLogin: profile.publicLogin && { ...profile.publicLogin, freshPool: () => pools.create() },
          inject: target.inject && (() => target.inject!(OPERATION)),
          // Only the embedded mock can refuse every call at will (a quota of zero) without a burst.
          throttle: target.mock && ((on: boolean) => target.mock!.enforceQuota(on ? 0 : undefined)),
          // Every client's call is paced and counted against --max-calls like the suite's own.
          pace: () => admit(target.guard, OPERATION),
          seen: (id) => pools.seen(id, side.pool),
        };
        result = await runClientMatrix(client, side, reference.side, { user });
      } catch (e) {
        // A crash of the matrix itself is a failed row, not a client that silently vanishes from the report.
        result = stoppedRun(name, (e as Error).message);
      } finally {
        // The client's own resources (the SDK clients, boto3's Python helper) end with the test.
        await client.close?.();
        await reference?.close();
      }
      testInfo.annotations.push({ type: CLIENT_RUN, description: JSON.stringify(redact(result)) });
      // A client that is not installed is reported with its install command, never failed.
      if (!profile.recordOnly) expect(result.rows.filter((r) => !r.ok), `${name} saw something other than from the reference mock`).toEqual([]);
    });
});
