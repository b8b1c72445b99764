// `cognito-conformance mock`: the reference mock served on a real port, with an optional unix-socket
// control channel for fault injection.
import { serveControl } from '../fixtures/control.ts';
import type { FaultName } from '../fixtures/mock/faults.ts';
import { handlersFor } from '../fixtures/mock/handlers.ts';
import { MockCognito, type MockOptions } from '../fixtures/mock/service.ts';
import { serve } from '../fixtures/mock/server.ts';
import { UsageError } from '../fixtures/moto.ts';

export async function serveMock(o: Omit<MockOptions, 'faults'> & { port: number; host: string; faults: string[]; control?: string; latencyMs?: number }) {
  const mock = await MockCognito.create({ ...o, faults: o.faults as FaultName[] });
  const served = await serve(handlersFor(mock), o.port, o.host, { latencyMs: o.latencyMs }).catch((e: Error) => {
    throw new UsageError(`cannot listen on ${o.host}:${o.port}: ${(e as { code?: string }).code ?? e.message}`);
  });
  const closeControl = o.control
    ? await serveControl(mock, o.control).catch(async (e: Error) => {
        await served.close();
        throw new UsageError(`cannot open the control socket ${o.control}: ${(e as { code?: string }).code ?? e.message}`);
      })
    : async () => {};
  return { mock, url: served.url, close: async () => (await closeControl(), await served.close()) };
}
