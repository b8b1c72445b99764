// Imported first by faults.spec.ts: behaviour groups imported after it only register themselves.
import { MATRIX_LOADING } from '../../fixtures/behaviours.ts';

(globalThis as Record<symbol, unknown>)[MATRIX_LOADING] = true;
