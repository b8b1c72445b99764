// Every behaviour group. Importing this registers them (fixtures/behaviours.ts);
// suites/conformance.spec.ts runs them against a target, suites/self/fault-matrix.ts against each fault.
// The properties and the model-based test first: the longest tests start first, so that the workers
// finish together (Playwright hands tests out in this order). Reports follow the catalogue's order.
import './model.ts';
import './properties.ts';
import './identity.ts';
import './linking.ts';
import './provider.ts';
import './duration.ts';
import './input.ts';
import './token.ts';
import './protocol.ts';
import './throttle.ts';
