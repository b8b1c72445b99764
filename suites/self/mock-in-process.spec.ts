// The reference mock in-process: msw's setupServer intercepts the AWS SDK's own requests, no port.
import { CognitoIdentityClient, CreateIdentityPoolCommand, GetOpenIdTokenForDeveloperIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { expect, test } from '@playwright/test';
import { decodeJwt } from 'jose';
import { setupServer } from 'msw/node';
import { handlersFor } from '../../fixtures/mock/handlers.ts';
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
