// `npm test`'s pretest: the HTML report test needs Debian's chromium (fixtures/chromium.ts).
// Missing and not installable: one line with the exact command, exit 1, before any test runs.
import { ensureChromium } from '../fixtures/chromium.ts';

const problem = ensureChromium();
if (problem) {
  console.error(problem);
  process.exit(1);
}
