// fast-check arbitraries for the operation's inputs. Every bound and pattern comes from `limits`
// and the schemas in operation.ts; this module only knows how to walk up to a bound and past it.
// Invalid values are made by breaking valid ones and are kept only when the schema refuses them,
// so a later change of a limit moves the generators with it instead of making them lie.
import fc from 'fast-check';
import type { z } from 'zod';
import { fullMatch, IdentityId, IdentityPoolId, limits, Logins, PrincipalTags } from './operation.ts';

type Bounds = { readonly min: number; readonly max: number };
type Patterned = Bounds & { readonly pattern: string };

const accepts = (schema: z.ZodType) => (v: unknown) => schema.safeParse(v).success;

/** A whole number in [min, max], the bounds and their neighbours drawn as often as everything between. */
const within = ({ min, max }: Bounds) =>
  fc.oneof({ withCrossShrink: true }, fc.integer({ min, max }), fc.constantFrom(...new Set([min, min + 1, max - 1, max].filter((n) => n >= min && n <= max))));

/** `s` cut to at most `n` UTF-16 units without leaving half a surrogate pair at the end. */
const cut = (s: string, n: number) => {
  const t = s.slice(0, n);
  return /[\ud800-\udbff]$/.test(t) ? t.slice(0, -1) : t;
};

/**
 * Strings of exactly `n` UTF-16 units (what Java's, and so the AWS front end's, length counts)
 * from a short generated stem repeated: long strings stay cheap to make and shrink with the stem.
 */
const ofLength = (n: number, stem: fc.Arbitrary<string>) =>
  stem.map((s) => {
    const filled = cut(s.repeat(Math.ceil(n / s.length)), n);
    return filled + 'x'.repeat(n - filled.length); // an astral character that did not fit
  });

const stemOf = (unit: fc.Arbitrary<string>) => fc.string({ unit, minLength: 1, maxLength: 32 });
const one = (unit: 'grapheme' | 'grapheme-ascii' | 'grapheme-composite') => fc.string({ unit, minLength: 1, maxLength: 1 });

/** Text the model allows where it sets no pattern: ASCII, any printable unicode (combining and astral too). */
const textUnit = fc.oneof({ weight: 3, arbitrary: one('grapheme-ascii') }, { weight: 2, arbitrary: one('grapheme') }, { weight: 1, arbitrary: one('grapheme-composite') });
const sized = (b: Bounds, unit = textUnit) => within(b).chain((n) => ofLength(n, stemOf(unit)));

// ---- IdentityPoolId and IdentityId ----------------------------------------------------------

/** Repeats the last character: for a pattern ending in a repeated class the string still matches. */
const stretch = (s: string, n: number) => s + s.slice(-1).repeat(Math.max(0, n - s.length));

/** Ids in the shape AWS gives them, `<region>:<uuid>`, for regions anywhere, the schema permitting. */
const awsShaped = (schema: z.ZodType) =>
  fc
    .tuple(fc.constantFrom('us-east-1', 'eu-west-2', 'ap-northeast-1', 'us-gov-west-1', 'cn-north-1', 'il-central-1'), fc.uuid())
    .map(([region, uuid]) => `${region}:${uuid}`)
    .filter(accepts(schema));

function wellFormed(b: Patterned, schema: z.ZodType) {
  const matching = fc.stringMatching(fullMatch(b.pattern), { maxLength: b.max });
  return fc.oneof(matching, awsShaped(schema), matching.map((s) => stretch(s, b.max)).filter(accepts(schema)));
}

/**
 * Any single code point, lone surrogates included: what `fc.string({ unit: 'binary' })` draws, without
 * the table of all 1.1 million code points fast-check builds for that unit the moment the string
 * arbitrary is made (1.5 s in every process that loads the suite, the runner's included).
 */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map(
  (cp) => String.fromCodePoint(cp),
  (s) => {
    if (typeof s !== 'string' || [...s].length !== 1) throw new Error('not one code point');
    return s.codePointAt(0)!;
  },
);

/** One character the pattern may refuse: separators, spaces, upper case, non-ASCII, controls. */
const intruder = fc.oneof(fc.constantFrom(' ', '.', '/', ':', '_', 'A', 'F', '\t', 'é', '😀'), anyCodePoint);

function malformed(b: Patterned, schema: z.ZodType) {
  const ok = wellFormed(b, schema);
  return fc
    .oneof(
      fc.constant('x'.repeat(b.min - 1)), // one under the minimum: empty
      fc.string({ minLength: b.min, maxLength: b.min }), // too short for the pattern's separator
      ok.map((s) => stretch(s, b.max + 1)), // matches, one over the maximum
      fc.tuple(ok, fc.integer({ min: b.max + 2, max: b.max * 4 })).map(([s, n]) => stretch(s, n)),
      ok.map((s) => s.toUpperCase()), // upper-case hex
      fc.tuple(ok, fc.nat(), intruder).map(([s, at, c]) => s.slice(0, at % (s.length + 1)) + c + s.slice(at % (s.length + 1))),
      fc.tuple(ok, fc.nat()).map(([s, at]) => s.slice(0, at % s.length) + s.slice((at % s.length) + 1)), // a character dropped
    )
    .filter((s) => !accepts(schema)(s));
}

export const identityPoolId = { valid: wellFormed(limits.identityPoolId, IdentityPoolId), invalid: malformed(limits.identityPoolId, IdentityPoolId) };
export const identityId = { valid: wellFormed(limits.identityId, IdentityId), invalid: malformed(limits.identityId, IdentityId) };

// ---- Developer user identifiers -------------------------------------------------------------

const userUnit = fc.oneof(
  { weight: 6, arbitrary: textUnit },
  { weight: 1, arbitrary: fc.constantFrom(':', '/') },
  // The model sets no pattern; line breaks are left out because nobody has seen what AWS does with them.
  { weight: 1, arbitrary: fc.constantFrom(' ', '\t', '\u00a0', '\u2003', '\u3000') },
);

/** Developer user identifiers of the documented 1..1024 units: unicode, astral, whitespace, ':' and '/'. */
export const developerUserId = sized(limits.developerUserIdentifier, userUnit);

/**
 * `generated` made unique by `prefix` (a run-unique user name): the prefix goes after the first
 * character, so that leading and trailing characters stay generated, and the result is cut back to
 * the documented maximum. The 1-character boundary cannot be unique and is the example tests' job.
 */
export function uniqueUser(prefix: string, generated: string, b: Bounds = limits.developerUserIdentifier) {
  const [first = ''] = generated;
  return cut(first + prefix + generated.slice(first.length), b.max);
}

// ---- Logins and PrincipalTags ---------------------------------------------------------------

type MapLimits = { readonly maxEntries: number; readonly key: Bounds; readonly value: Bounds };

/** Keys that would be a prototype, not a member, when a map is read back into a plain object. */
const ownKey = (k: string) => k !== '__proto__';

const mapOf = (m: MapLimits, entries: Bounds, keyUnit = textUnit, value = sized(m.value)) =>
  fc.dictionary(sized(m.key, keyUnit).filter(ownKey), value, { minKeys: entries.min, maxKeys: entries.max });

/** A map with `entries` entries, the largest count one time in four (it is the costliest to send). */
const mapWith = (m: MapLimits, entries: Bounds) =>
  fc.oneof({ withCrossShrink: true }, { weight: 3, arbitrary: mapOf(m, entries) }, { weight: 1, arbitrary: mapOf(m, { min: entries.max, max: entries.max }) });

/** Provider names are hostnames in practice; the model only bounds their length. */
const providerUnit = fc.oneof(fc.constantFrom('.', '-', '_'), one('grapheme-ascii'));

/**
 * Login tokens of any allowed length, short ones likely: the count is what these maps are about, and
 * a dozen 50000-character tokens per request would spend the run's budget on bytes.
 */
const loginToken = fc.string({ unit: textUnit, minLength: limits.logins.value.min, maxLength: limits.logins.value.max });

export const logins = {
  /** 0..maxEntries logins (a request also needs the developer login: add it). */
  valid: mapOf(limits.logins, { min: 0, max: limits.logins.maxEntries }, providerUnit, loginToken).filter(accepts(Logins)),
  /** Up to two more entries than allowed. */
  tooMany: mapOf(limits.logins, { min: limits.logins.maxEntries + 1, max: limits.logins.maxEntries + 2 }, providerUnit, loginToken),
};

const tags = limits.principalTags;
const tooLong = (b: Bounds) => within({ min: b.max + 1, max: b.max * 2 }).chain((n) => ofLength(n, stemOf(textUnit)));

export const principalTags = {
  /** 0..maxEntries tags, keys and values at their boundary lengths often. */
  valid: mapWith(tags, { min: 0, max: tags.maxEntries }).filter(accepts(PrincipalTags)),
  /** At least one tag, for properties about how tags come back. */
  nonEmpty: mapWith(tags, { min: 1, max: tags.maxEntries }).filter(accepts(PrincipalTags)),
  /** One entry too many, or one key or value empty or over its maximum. */
  invalid: fc
    .oneof(
      mapOf(tags, { min: tags.maxEntries + 1, max: tags.maxEntries + 1 }),
      fc.tuple(mapOf(tags, { min: 0, max: tags.maxEntries - 1 }), fc.oneof(fc.constant(''), tooLong(tags.key)), sized(tags.value)).map(([t, k, v]) => ({ ...t, [k]: v })),
      fc.tuple(mapOf(tags, { min: 0, max: tags.maxEntries - 1 }), sized(tags.key).filter(ownKey), fc.oneof(fc.constant(''), tooLong(tags.value))).map(([t, k, v]) => ({ ...t, [k]: v })),
    )
    .filter((t) => !accepts(PrincipalTags)(t)),
};

// ---- TokenDuration --------------------------------------------------------------------------

const { min, max } = limits.tokenDuration;
export const tokenDuration = {
  valid: within(limits.tokenDuration),
  /** 0 and below, down to the most negative integer a JSON number carries exactly. */
  belowMin: fc.oneof(fc.constantFrom(min - 1, min - 2, Number.MIN_SAFE_INTEGER), fc.integer({ min: -(2 ** 31), max: min - 1 })),
  /** One over the maximum and up to the largest integer a JSON number carries exactly. */
  aboveMax: fc.oneof(fc.constantFrom(max + 1, max + 2, Number.MAX_SAFE_INTEGER), fc.integer({ min: max + 1, max: 2 ** 31 - 1 })),
};

// ---- Developer user identifiers an emulator could take for one -------------------------------

/**
 * Ways an emulator may wrongly treat two developer user identifiers as one user. AWS compares them
 * whole, byte for byte (aws-behaviour.md: case-sensitive, olegabu/cognito-helper#7), so each pair
 * below is two users.
 */
export const conflationKinds = ['case', 'surrounding-whitespace', 'inner-whitespace', 'unicode-nfc-nfd', 'unicode-compatibility', 'truncation', 'separator', 'escaping'] as const;
export type ConflationKind = (typeof conflationKinds)[number];
/** One pair to try: its kind, a generated stem, and which variant of the kind. */
export type Conflation = { kind: ConflationKind; stem: string; variant: number };

const WHITESPACE = [' ', '\t', '\u00a0', '\u3000'];
/** Characters whose NFC and NFD forms differ (Latin, Vietnamese, Hangul). */
const COMPOSED = ['é', 'ñ', 'Å', 'ö', 'ệ', '가'];
/** Characters NFKC folds into others (a ligature, full-width, circled, half-width katakana). */
const COMPATIBLE = ['ﬁ', 'Ａ', '①', 'ｶ'];
/** Lengths an emulator might cut identifiers to (the key and tag limits, byte-ish powers, the documented maximum's neighbours). */
const CUTS = [64, 128, 255, 256, 512, 1000];
const SEPARATORS = [':', '/', '|'];
/** An escaped form and what it stands for: URL, form, JSON/Java, HTML and backslash escaping. */
const ESCAPES: [string, string][] = [['%20', ' '], ['+', ' '], ['%3A', ':'], ['\\u0041', 'A'], ['&amp;', '&'], ['\\\\', '\\']];

/** How many variants each kind has (the example test walks them all). */
export const conflationVariants: Record<ConflationKind, number> = {
  case: 2,
  'surrounding-whitespace': WHITESPACE.length * 3,
  'inner-whitespace': 3,
  'unicode-nfc-nfd': COMPOSED.length,
  'unicode-compatibility': COMPATIBLE.length,
  truncation: CUTS.length,
  separator: SEPARATORS.length * 2,
  escaping: ESCAPES.length,
};

const swapCase = (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

/**
 * The two identifiers of a conflation, both built on `unique` (a run-unique user name) so that runs
 * never meet: they differ exactly in the way the kind names, and both are 1..1024 characters.
 */
export function conflate({ kind, stem, variant }: Conflation, unique: string): [string, string] {
  const x = `${unique}${stem}`;
  const at = <T>(list: readonly T[]) => list[variant % list.length];
  switch (kind) {
    case 'case':
      return variant % 2 ? [x, x.toUpperCase()] : [x, `${unique}${swapCase(stem)}`];
    case 'surrounding-whitespace': {
      const ws = WHITESPACE[Math.floor(variant / 3) % WHITESPACE.length];
      return [x, [`${ws}${x}`, `${x}${ws}`, `${ws}${x}${ws}`][variant % 3]];
    }
    case 'inner-whitespace':
      return [[`${unique} ${stem}`, `${unique}  ${stem}`], [`${unique} ${stem}`, `${unique}\t${stem}`], [`${unique} ${stem}`, `${unique}\u00a0${stem}`]][variant % 3] as [string, string];
    case 'unicode-nfc-nfd': {
      const a = `${x}${at(COMPOSED)}`.normalize('NFC');
      return [a, a.normalize('NFD')];
    }
    case 'unicode-compatibility': {
      const c = at(COMPATIBLE);
      return [`${x}${c}`, `${x}${c.normalize('NFKC')}`];
    }
    case 'truncation': {
      const n = at(CUTS);
      const long = cut(x.repeat(Math.ceil((n + stem.length + 1) / x.length) + 1), n + stem.length + 1);
      return [cut(long, n), long];
    }
    case 'separator': {
      const sep = SEPARATORS[Math.floor(variant / 2) % SEPARATORS.length];
      return [`${x}${sep}${stem}`, variant % 2 ? x : `${x}${sep}${stem}${sep}${stem}`];
    }
    case 'escaping': {
      const [escaped, plain] = at(ESCAPES);
      return [`${x}${escaped}${stem}`, `${x}${plain}${stem}`];
    }
  }
}

/** Conflatable pairs: any kind, any variant, a short generated stem with a letter in it. */
export const conflatable: fc.Arbitrary<Conflation> = fc.record({
  kind: fc.constantFrom(...conflationKinds),
  stem: fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,7}$/),
  variant: fc.nat({ max: 23 }),
});
