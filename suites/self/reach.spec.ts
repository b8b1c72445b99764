// The reach run (fixtures/reach.ts): the fault matrix's tests against the faithful mock, with its
// seed and budget, recording which faults each test's calls reach. Its verdicts are asserted: that
// every test passes on the faithful mock is what lets the matrix leave out a test a fault does not reach.
import { registerGroups } from './fault-matrix.ts';

registerGroups();
