// Unit tests of contracts/arbitraries.ts: what they call valid the schemas accept, what they call
// invalid the schemas refuse, and the boundaries the properties rely on are actually generated.
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import type { z } from 'zod';
import { conflatable, conflate, conflationKinds, conflationVariants, type ConflationKind, developerUserId, identityId, identityPoolId, logins, principalTags, tokenDuration, uniqueUser } from '../../contracts/arbitraries.ts';
import { IdentityId, IdentityPoolId, limits, Logins, PrincipalTags, TokenDuration } from '../../contracts/operation.ts';

const SEED = 20260;
const RUNS = 300;
const sample = <T>(arb: fc.Arbitrary<T>) => fc.sample(arb, { numRuns: RUNS, seed: SEED });

const shapes: [name: string, arbs: { valid: fc.Arbitrary<unknown>; invalid: fc.Arbitrary<unknown> }, schema: z.ZodType][] = [
  ['IdentityPoolId', identityPoolId, IdentityPoolId],
  ['IdentityId', identityId, IdentityId],
  ['Logins', { valid: logins.valid, invalid: logins.tooMany }, Logins],
  ['PrincipalTags', principalTags, PrincipalTags],
  ['TokenDuration', { valid: tokenDuration.valid, invalid: fc.oneof(tokenDuration.belowMin, tokenDuration.aboveMax) }, TokenDuration],
];

for (const [name, arbs, schema] of shapes) {
  test(`generated valid ${name} values pass the schema`, () => {
    fc.assert(fc.property(arbs.valid, (v) => expect(schema.safeParse(v).error?.issues ?? []).toEqual([])), { numRuns: RUNS, seed: SEED });
  });
  test(`generated invalid ${name} values fail the schema`, () => {
    fc.assert(fc.property(arbs.invalid, (v) => expect(schema.safeParse(v).success).toBe(false)), { numRuns: RUNS, seed: SEED });
  });
}

test('ids reach the length boundaries and break the pattern in several ways', () => {
  const { min, max, pattern } = limits.identityPoolId;
  expect(sample(identityPoolId.valid).map((s) => s.length)).toContain(max);
  const invalid = sample(identityPoolId.invalid);
  const lengths = invalid.map((s) => s.length);
  for (const n of [min - 1, min, max + 1]) expect(lengths, `an invalid id of ${n} characters`).toContain(n);
  expect(invalid.some((s) => /[A-F]/.test(s.slice(s.indexOf(':') + 1))), 'upper-case hex').toBe(true);
  expect(invalid.some((s) => s.length <= max && !s.includes(':')), 'no separator').toBe(true);
  expect(invalid.some((s) => s.length <= max && /[^\w:-]/.test(s)), `a character outside ${pattern}`).toBe(true);
});

test('developer user identifiers reach 1 and 1024 units and hold unicode, astral characters, whitespace, ":" and "/"', () => {
  const { min, max } = limits.developerUserIdentifier;
  const users = sample(developerUserId);
  const lengths = users.map((u) => u.length);
  expect(lengths.filter((n) => n < min || n > max), 'lengths outside the documented range').toEqual([]);
  expect(lengths).toContain(min);
  expect(lengths).toContain(max);
  for (const [what, re] of [['non-ASCII', /[^\x00-\x7f]/], ['astral', /[\u{10000}-\u{10ffff}]/u], ['whitespace', /\s/], [':', /:/], ['/', /\//]] as const)
    expect(users.some((u) => re.test(u)), what).toBe(true);
  expect(users.some((u) => /[\ud800-\udbff](?![\udc00-\udfff])/.test(u)), 'no half surrogate pair').toBe(false);
});

test('uniqueUser keeps the prefix, the generated ends and the documented maximum', () => {
  const { max } = limits.developerUserIdentifier;
  fc.assert(
    fc.property(developerUserId, (g) => {
      const u = uniqueUser('u-0-1-abcdefgh', g);
      expect(u).toContain('u-0-1-abcdefgh');
      expect(u.length).toBeLessThanOrEqual(max);
      expect(u.startsWith([...g][0])).toBe(true);
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

test('PrincipalTags reach the entry, key and value boundaries on both sides', () => {
  const { maxEntries, key, value } = limits.principalTags;
  const valid = sample(principalTags.valid);
  expect(valid.map((t) => Object.keys(t).length)).toEqual(expect.arrayContaining([0, maxEntries]));
  expect(valid.some((t) => Object.keys(t).some((k) => k.length === key.max))).toBe(true);
  expect(valid.some((t) => Object.values(t).some((v) => v.length === value.max))).toBe(true);
  const invalid = sample(principalTags.invalid);
  expect(invalid.some((t) => Object.keys(t).length === maxEntries + 1), `${maxEntries + 1} tags`).toBe(true);
  expect(invalid.some((t) => '' in t), 'an empty key').toBe(true);
  expect(invalid.some((t) => Object.keys(t).some((k) => k.length === key.max + 1)), 'a key one over').toBe(true);
  expect(invalid.some((t) => Object.values(t).includes('')), 'an empty value').toBe(true);
  expect(invalid.some((t) => Object.values(t).some((v) => v.length === value.max + 1)), 'a value one over').toBe(true);
});

test('Logins maps range over 0..12 entries', () => {
  const counts = [...sample(logins.valid), ...sample(logins.tooMany)].map((l) => Object.keys(l).length);
  expect(new Set(counts)).toEqual(new Set(Array.from({ length: limits.logins.maxEntries + 3 }, (_, i) => i)));
});

test('TokenDuration reaches both boundaries and the values around them', () => {
  const { min, max } = limits.tokenDuration;
  expect(sample(tokenDuration.valid)).toEqual(expect.arrayContaining([min, max]));
  expect(sample(tokenDuration.belowMin)).toEqual(expect.arrayContaining([min - 1, Number.MIN_SAFE_INTEGER]));
  expect(sample(tokenDuration.belowMin).some((d) => d < 0)).toBe(true);
  expect(sample(tokenDuration.aboveMax)).toEqual(expect.arrayContaining([max + 1, Number.MAX_SAFE_INTEGER]));
});

test.describe('conflatable developer user identifiers', () => {
  /** The normalisations emulators are suspected of, by the kind of pair that would expose each. */
  const unescape = (s: string) => {
    const json = s.replace(/\\u([0-9a-fA-F]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16))).replace(/\\\\/g, '\\').replace(/&amp;/g, '&');
    try {
      return decodeURIComponent(json.replace(/\+/g, ' '));
    } catch {
      return json;
    }
  };
  const same: Record<ConflationKind, (a: string, b: string) => boolean> = {
    case: (a, b) => a.toLowerCase() === b.toLowerCase(),
    'surrounding-whitespace': (a, b) => a.trim() === b.trim(),
    'inner-whitespace': (a, b) => a.replace(/\s+/g, ' ') === b.replace(/\s+/g, ' '),
    'unicode-nfc-nfd': (a, b) => a.normalize('NFC') === b.normalize('NFC'),
    'unicode-compatibility': (a, b) => a.normalize('NFKC') === b.normalize('NFKC'),
    truncation: (a, b) => b.startsWith(a),
    separator: (a, b) => a.split(/[:/|]/)[0] === b.split(/[:/|]/)[0],
    escaping: (a, b) => unescape(a) === unescape(b),
  };
  const unique = 'u-0-17-k3j9x0qa';

  test('every pair is two identifiers of 1..1024 characters that one plausible normalisation makes one', () => {
    fc.assert(
      fc.property(conflatable, (c) => {
        const [a, b] = conflate(c, unique);
        expect(a, c.kind).not.toBe(b);
        for (const u of [a, b]) expect(u.length, c.kind).toBeGreaterThanOrEqual(1), expect(u.length, c.kind).toBeLessThanOrEqual(limits.developerUserIdentifier.max);
        expect(same[c.kind](a, b), `${c.kind}: ${JSON.stringify([a, b])}`).toBe(true);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test('every kind and variant is generated', () => {
    const seen = new Set(sample(conflatable).map((c) => `${c.kind}/${c.variant % conflationVariants[c.kind]}`));
    for (const kind of conflationKinds) for (let v = 0; v < conflationVariants[kind]; v++) expect(seen, `${kind} variant ${v}`).toContain(`${kind}/${v}`);
  });
});
