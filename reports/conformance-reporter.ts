// Placeholder reporter until the fold is written: prints the count line CI reads.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
export default class ConformanceReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  onTestEnd(test: TestCase, result: TestResult) {
    if (result.retry < test.retries && result.status !== 'passed') return;
    if (test.outcome() === 'expected' && result.status !== 'skipped') this.passed++;
    else if (test.outcome() === 'unexpected') this.failed++;
  }
  onEnd() {
    console.log(`${this.passed} passed, ${this.failed} failed`);
  }
}
