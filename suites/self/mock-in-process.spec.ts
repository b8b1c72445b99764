// The reference mock in-process: msw's setupServer intercepts the AWS SDK's own requests, no port;
// and the suite's own route to a mock it serves (bounded-http.ts inProcess) answers as the port does.
import { CognitoIdentityClient, CreateIdentityPoolCommand, GetOpenIdTokenForDeveloperIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { expect, test } from '@playwright/test';
import { decodeJwt } from 'jose';
import { setupServer } from 'msw/node';
import { CONTENT_TYPE, OPERATION, SERVICE } from '../../contracts/operation.ts';
import { inProcess, send, type Answer, type Request as Outgoing } from '../../fixtures/bounded-http.ts';
import { handlersFor } from '../../fixtures/mock/handlers.ts';
import { serve } from '../../fixtures/mock/server.ts';
import { DEFAULT_CREDENTIALS } from '../../fixtures/mock/accounts.ts';
import { MockCognito } from '../../fixtures/mock/service.ts';

const BASE = 'http://cognito-identity.mock.test';

test('msw handlers serve the SDK in-process, and leave other hosts alone', async () => {
  const mock = await MockCognito.create();
  const server = setupServer(...handlersFor(mock, BASE));
  server.listen({ onUnhandledRequest: () => {} }); // unhandled requests go on to the (closed) network
  try {
    const client = new CognitoIdentityClient({ endpoint: BASE, region: 'us-east-1', credentials: DEFAULT_CREDENTIALS, maxAttempts: 1 });
    const { IdentityPoolId } = await client.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'in-process', AllowUnauthenticatedIdentities: false, DeveloperProviderName: 'login.in-process' }));
    const first = await client.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId, Logins: { 'login.in-process': 'alice' }, TokenDuration: 60 }));
    const again = await client.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId, Logins: { 'login.in-process': 'alice' } }));
    expect(again.IdentityId).toBe(first.IdentityId);
    const { exp, iat, aud } = decodeJwt(first.Token!);
    expect([exp! - iat!, aud]).toEqual([60, IdentityPoolId]);
    // Scoped to BASE: a request elsewhere does not reach the mock.
    await fetch('http://elsewhere.mock.test/', { method: 'POST', signal: AbortSignal.timeout(3000) }).catch(() => {});
    expect(mock.calls).toBe(3);
  } finally {
    server.close();
  }
});

test('a call to a mock this process serves is answered in-process as the port answers it', async () => {
  const mock = await MockCognito.create();
  const served = await serve(handlersFor(mock));
  const here = inProcess.get(served.url)!;
  /** The answer in-process, then over the port (the in-process route taken away for that call). */
  const bothWays = async (path: string, req: Outgoing) => {
    const inside = await send(`${served.url}${path}`, req);
    inProcess.delete(served.url);
    try {
      return [inside, await send(`${served.url}${path}`, req)];
    } finally {
      inProcess.set(served.url, here);
    }
  };
  // What differs by design between any two answers: the time and the request id.
  const comparable = (a: Answer) => ({ status: a.status, body: a.body.toString(), headers: { ...a.headers, date: '<date>', 'x-amzn-requestid': '<id>' } });
  const post = (target: string, body: string): Outgoing => ({ method: 'POST', headers: { 'content-type': CONTENT_TYPE, 'x-amz-target': `${SERVICE}.${target}` }, body });
  try {
    for (const [path, req] of [
      ['/', post(OPERATION, '{}')], // unsigned: an error answer
      ['/', post(OPERATION, 'not json')],
      ['/', post('NoSuchOperation', '{}')],
      ['/.well-known/jwks_uri', { method: 'GET', headers: { accept: 'application/json' } }],
    ] as const) {
      const [inside, port] = await bothWays(path, req);
      expect(comparable(inside), `${req.method} ${path} ${req.body ?? ''}`).toEqual(comparable(port));
    }
  } finally {
    await served.close();
  }
  expect(inProcess.has(served.url), 'closing the mock ends its in-process route').toBe(false);
});
