// A stateful property: random sequences of create, retrieve, link, conflicting link and rejected
// calls, each checked against a model of which developer user belongs to which identity. fast-check
// shrinks a failing sequence to a short one; the verdict goes to the clause of the command that
// broke in it (model-commands.ts), and the test's other clauses are then not reached.
import fc from 'fast-check';
import { tokenDuration } from '../../contracts/arbitraries.ts';
import { retrieved } from '../../fixtures/assert.ts';
import { behaviours } from '../../fixtures/behaviours.ts';
import { allowFor, holds, partTitle, verdictsOf } from '../../fixtures/property.ts';
import { test } from '../../fixtures/test.ts';
import { clauses } from '../../fixtures/verdicts.ts';
import { Link, MODEL_CLAUSES, Rejected, Resolve, USERS, type Model, type Real, type Env } from './model-commands.ts';

behaviours('model', ({ parts }) => {
  /** Commands per sequence: enough for an identity to collect several users, few enough for the mock budget. */
  const MAX_COMMANDS = 12;

  const commands = (env: Env) => {
    const slot = fc.nat({ max: USERS - 1 });
    // Most links go to u0's identity: identities with several users are where linking goes wrong.
    const hub = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: slot });
    const link = fc.tuple(slot, hub).map(([u, via]) => new Link(env, u, via));
    const refusal = fc.oneof(
      fc.constant({ kind: 'second-provider' as const, duration: undefined }),
      tokenDuration.belowMin.map((duration) => ({ kind: 'below-min' as const, duration })),
      tokenDuration.aboveMax.map((duration) => ({ kind: 'above-max' as const, duration })),
    );
    const rejected = fc
      .tuple(refusal, fc.oneof(fc.constant('new' as const), slot), fc.option(hub, { nil: undefined }))
      .map(([r, subject, via]) => new Rejected(env, r.kind, r.duration, subject, via));
    // Linking is drawn twice as often: the interesting states are identities with several users.
    return fc.commands<Model, Real, false>([slot.map((u) => new Resolve(env, u)), link, link, rejected], { maxCommands: MAX_COMMANDS });
  };

  // The suite's costliest test (a third of its calls): in parts, so that it is not the run's critical path.
  for (const part of parts(8))
    test(partTitle('property: any sequence of identity and link calls agrees with the user → identity model', part), clauses(...MODEL_CLAUSES), async ({ api, pools, user, profile, verdicts, noSideEffects }, info) => {
      allowFor(info, profile, MAX_COMMANDS * 3);
      const pool = await pools.shared();
      // The model is about which identity a user resolves to: where no user is ever retrieved, the first
      // command that looks one up again would fail whatever clause it checks. identity.retrieve first.
      if (!(await verdicts.requires('identity.retrieve', () => retrieved(api, pool, user('m'))))) return;
      const env: Env = { api, pool, user, noSideEffects };
      // Each run, shrinking runs included, gets users of its own: runs never see each other's links.
      const setup = () => ({ model: { owner: new Map<number, number>() }, real: { users: Array.from({ length: USERS }, (_, i) => user(`m${i}`)), ids: [] } });
      await verdictsOf(verdicts, MODEL_CLAUSES, () => holds(fc.asyncProperty(commands(env), (cmds) => fc.asyncModelRun(setup, cmds)), profile, info, part));
    });
});
