// Every behaviour group, in report order. Importing this registers them (fixtures/behaviours.ts);
// suites/conformance.spec.ts runs them against a target, suites/self/faults.spec.ts against each fault.
import './identity.ts';
import './linking.ts';
import './provider.ts';
import './duration.ts';
import './input.ts';
import './token.ts';
import './protocol.ts';
import './throttle.ts';
import './properties.ts';
import './model.ts';
