// The conformance suite: every behaviour group against the project's target. Long properties are
// split into parts for the run's budget (the CLI's profile, or the embedded mock's for `npm test`),
// and dealt out between shards in a sharded run.
import { registeredGroups, registration, shardFromEnv } from '../fixtures/behaviours.ts';
import { mockProfile, TargetProfile } from '../fixtures/target.ts';
import { test } from '../fixtures/test.ts';
import './behaviours/index.ts';

const runs = (process.env.CC_TARGET ? TargetProfile.parse(JSON.parse(process.env.CC_TARGET)) : mockProfile()).runs;
const shard = shardFromEnv();
for (const group of registeredGroups()) test.describe(group.name, () => group.register(registration(runs, shard)));
