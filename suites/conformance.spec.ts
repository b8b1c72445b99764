// The conformance suite: every behaviour group against the project's target.
import { registeredGroups } from '../fixtures/behaviours.ts';
import { test } from '../fixtures/test.ts';
import './behaviours/index.ts';

for (const group of registeredGroups()) test.describe(group.name, group.register);
