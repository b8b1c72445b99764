// Part 10 of the fault matrix (suites/self/fault-matrix.ts says why it is in parts).
import { registerFaultMatrix } from '../fault-matrix.ts';

registerFaultMatrix(10);
