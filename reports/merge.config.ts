// `cognito-conformance merge`: Playwright's merge-reports replays the shards' blob reports into the
// conformance reporter, which judges the merged run exactly as it judges a run on one machine.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  // The extension of the file the config is (an installed copy runs the JavaScript made beside it, bin/build.ts).
  reporter: [[`./conformance-reporter.${import.meta.url.endsWith('.js') ? 'js' : 'ts'}`, { out: process.env.CC_OUT ?? 'reports/latest', mode: 'run' }]],
});
