// `cognito-conformance mock`: the reference mock served on a real port, with an optional unix-socket
// control channel for fault injection.
import { serveControl } from '../fixtures/control.ts';
import type { FaultName } from '../fixtures/mock/faults.ts';
import { startMock } from '../fixtures/mock/embedded.ts';
import type { MockOptions } from '../fixtures/mock/service.ts';
import { UsageError } from './usage.ts';

export async function serveMock(o: Omit<MockOptions, 'faults'> & { port: number; host: string; faults: string[]; control?: string; latencyMs?: number }) {
  const served = await startMock({ ...o, faults: o.faults as FaultName[] }, o).catch((e: Error & { code?: string }) => {
    // Only listening fails for the user's reasons (a port in use, an address not here); anything else is internal.
    if (e.code && 'syscall' in e && e.syscall === 'listen') throw new UsageError(`cannot listen on ${o.host}:${o.port}: ${e.code}`);
    throw e;
  });
  const closeControl = o.control
    ? await serveControl(served.mock, o.control).catch(async (e: Error) => {
        await served.close();
        throw new UsageError(`cannot open the control socket ${o.control}: ${(e as { code?: string }).code ?? e.message}`);
      })
    : async () => {};
  return { mock: served.mock, url: served.url, close: async () => (await closeControl(), await served.close()) };
}
