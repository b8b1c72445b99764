// The reference mock reads as what AWS does: no fault is named in its code, and every fault is an
// override of the decision points it declares beside its description (fixtures/mock/faults.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { reference } from '../../fixtures/mock/decisions.ts';
import { decisionsFor, faultNames, faults, type Fault } from '../../fixtures/mock/faults.ts';

const MOCK = resolve(import.meta.dirname, '../../fixtures/mock');
const referenceFiles = readdirSync(MOCK).filter((f) => f.endsWith('.ts') && f !== 'faults.ts');

test('no fault name appears in the reference code', () => {
  expect(referenceFiles).toContain('service.ts');
  const found: string[] = [];
  for (const file of referenceFiles) {
    const text = readFileSync(resolve(MOCK, file), 'utf8');
    for (const name of faultNames) if (new RegExp(`(?<![\\w-])${name}(?![\\w-])`).test(text)) found.push(`${file}: ${name}`);
  }
  expect(found).toEqual([]);
});

test('every fault overrides at least one decision point, and only decision points the reference has', () => {
  for (const name of faultNames) {
    const overridden = Object.keys((faults[name] as Fault).override(reference));
    expect(overridden.length, name).toBeGreaterThan(0);
    for (const k of overridden) expect(Object.keys(reference), `${name} overrides ${k}`).toContain(k);
  }
});

test('faults on one decision point compose: each applies over the ones before it', async () => {
  const d = decisionsFor(['signature-ignored', 'unsigned-accepted']);
  const unsigned = new Request('http://mock/', { method: 'POST' });
  const forged = new Request('http://mock/', {
    method: 'POST',
    headers: { authorization: 'AWS4-HMAC-SHA256 Credential=nobody/20260101/eu-west-1/cognito-identity/aws4_request, SignedHeaders=host, Signature=00' },
  });
  const credentials = [{ accessKeyId: 'testing', secretAccessKey: 'testing' }];
  expect(await d.authenticate({ req: unsigned, body: '', servedUnsigned: false, credentials })).toBeUndefined();
  expect(await d.authenticate({ req: forged, body: '', servedUnsigned: false, credentials })).toEqual({ accessKeyId: 'nobody', region: 'eu-west-1' });
  await expect(reference.authenticate({ req: forged, body: '', servedUnsigned: false, credentials })).rejects.toMatchObject({ type: 'UnrecognizedClientException' });
});
