// The commands of the identity model (model.ts). The model knows, per user slot, which identity the
// slot's developer user belongs to; the real side knows the slot's run-unique user name and each
// identity's IdentityId. Every command checks its own consequences at once (after a link, the
// linked user and the identity's first user are resolved again), so that the first broken
// expectation is found at the command that caused it and its clause is the one that command exercises.
import type fc from 'fast-check';
import type { Api } from '../../fixtures/api.ts';
import { OTHER_PROVIDER, answered, contains, dev, issued, rejected, resolve, same } from '../../fixtures/assert.ts';
import { under } from '../../fixtures/property.ts';

/** User slots per run: few, so that sequences come back to the same users and identities. */
export const USERS = 6;

export const MODEL_CLAUSES = [
  'identity.create', 'identity.distinct-users', 'identity.retrieve',
  'link.add-login', 'link.keeps-logins', 'link.idempotent', 'link.user-registered-elsewhere',
  'reject.no-side-effects', 'provider.second-developer-provider', 'duration.below-min', 'duration.above-max',
];

/** slot → index of its identity in Real.ids; a slot not in the map has never been registered. */
export type Model = { owner: Map<number, number> };
export type Real = { users: string[]; ids: string[] };
export type Env = {
  api: Api;
  pool: string;
  user: (label?: string) => string;
  noSideEffects: (pool: string, expected: { unregistered?: string[]; links?: [string, string][] }) => Promise<void>;
};

/** The slot that has belonged to the identity longest (Map order is insertion order). */
const firstOf = (m: Model, identity: number) => [...m.owner].find(([, i]) => i === identity)![0];

async function stillResolves(env: Env, r: Real, slot: number, id: string) {
  same(await resolve(env.api, env.pool, r.users[slot]), id, `u${slot} still resolves to its identity`);
}

/** Registers a slot the model does not know: a new identity, distinct from every other. */
async function register(env: Env, m: Model, r: Real, slot: number, out?: Awaited<ReturnType<Api['getToken']>>) {
  out ??= await env.api.getToken({ IdentityPoolId: env.pool, Logins: dev(r.users[slot]) });
  const id = await under('identity.create', () => issued(out).IdentityId);
  await under('identity.distinct-users', () => contains(r.ids, id, `a new user's IdentityId ${id} belongs to no other user`, false));
  m.owner.set(slot, r.ids.push(id) - 1);
  return m.owner.get(slot)!;
}

/** The identity of `slot`, registered first if the model does not know the slot yet. */
const identityOf = async (env: Env, m: Model, r: Real, slot: number) => m.owner.get(slot) ?? register(env, m, r, slot);

type Command = fc.AsyncCommand<Model, Real, false>;

/** No IdentityId: a new identity for a user never seen, the same one again for a known user. */
export class Resolve implements Command {
  constructor(
    private readonly env: Env,
    readonly slot: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const out = await this.env.api.getToken({ IdentityPoolId: this.env.pool, Logins: dev(r.users[this.slot]) });
    const known = m.owner.get(this.slot);
    if (known !== undefined) return under('identity.retrieve', () => same(out.ok ? out.output.IdentityId : out.error, r.ids[known], 'the IdentityId of a known user'));
    await register(this.env, m, r, this.slot, out);
  }
  toString = () => `resolve(u${this.slot})`;
}

/**
 * The IdentityId of `via`'s identity (registered first if need be) plus `slot`'s user: a new link,
 * the same link again, or a conflict.
 */
export class Link implements Command {
  constructor(
    private readonly env: Env,
    readonly slot: number,
    readonly via: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const { env } = this;
    const target = await identityOf(env, m, r, this.via);
    const x = r.ids[target];
    const mine = m.owner.get(this.slot);
    const out = await env.api.getToken({ IdentityPoolId: env.pool, IdentityId: x, Logins: dev(r.users[this.slot]) });
    if (mine === target) return under('link.idempotent', () => same(issued(out).IdentityId, x, 'the identity the user is already linked to'));
    if (mine === undefined) {
      const first = firstOf(m, target);
      await under('link.add-login', async () => {
        same(issued(out).IdentityId, x, 'the answer names the identity linked to');
        same(await resolve(env.api, env.pool, r.users[this.slot]), x, `u${this.slot} alone resolves to it`);
      });
      await under('link.keeps-logins', () => stillResolves(env, r, first, x));
      m.owner.set(this.slot, target);
      return;
    }
    await under('link.user-registered-elsewhere', async () => {
      answered(out, ['DeveloperUserAlreadyRegisteredException']);
      same(await resolve(env.api, env.pool, r.users[this.slot]), r.ids[mine], `u${this.slot} still resolves to its own identity`);
    });
    await under('reject.no-side-effects', () => stillResolves(env, r, firstOf(m, target), x));
  }
  toString = () => `link(u${this.slot} → identity of u${this.via})`;
}

const refusals = {
  'second-provider': { clause: 'provider.second-developer-provider', label: 'a second developer provider' },
  'below-min': { clause: 'duration.below-min', label: 'TokenDuration' },
  'above-max': { clause: 'duration.above-max', label: 'TokenDuration' },
} as const;

/**
 * A call the target must refuse, for a known user or a new one and with or without an IdentityId;
 * afterwards nothing may have changed. A new user is a fresh name outside the slots: checking that
 * it stayed unregistered may link it somewhere (on targets without LookupDeveloperIdentity).
 */
export class Rejected implements Command {
  constructor(
    private readonly env: Env,
    readonly kind: keyof typeof refusals,
    readonly duration: number | undefined,
    readonly subject: number | 'new',
    readonly via: number | undefined,
  ) {}
  check = (m: Readonly<Model>) => this.subject === 'new' || m.owner.has(this.subject);
  async run(m: Model, r: Real) {
    const { env } = this;
    const u = this.subject === 'new' ? env.user('new') : r.users[this.subject];
    const target = this.via === undefined ? undefined : await identityOf(env, m, r, this.via);
    const extra: Record<string, string> = this.kind === 'second-provider' ? { [OTHER_PROVIDER]: env.user('other') } : {};
    const out = await env.api.getToken({ IdentityPoolId: env.pool, IdentityId: target === undefined ? undefined : r.ids[target], Logins: dev(u, extra), TokenDuration: this.duration });
    await under(refusals[this.kind].clause, () => rejected(out));
    const watched = new Set([...(this.subject === 'new' ? [] : [this.subject]), ...(target === undefined ? [] : [firstOf(m, target)])]);
    const links = [...watched].map((s): [string, string] => [r.users[s], r.ids[m.owner.get(s)!]]);
    await under('reject.no-side-effects', () => env.noSideEffects(env.pool, { unregistered: this.subject === 'new' ? [u] : [], links }));
  }
  toString = () =>
    `rejected(${refusals[this.kind].label}${this.duration === undefined ? '' : ` ${this.duration}`}, ${this.subject === 'new' ? 'a new user' : `u${this.subject}`}${this.via === undefined ? '' : `, IdentityId of u${this.via}`})`;
}
