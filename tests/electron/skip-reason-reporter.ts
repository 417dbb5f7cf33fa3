// Prints why tests were skipped (the list reporter shows only a dash): here, typically, that Electron's binary
// or the built desktop app is missing. Skipping must be visible, never a silent pass.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonReporter implements Reporter {
  private readonly reasons = new Map<string, number>();

  printsToStdio(): boolean {
    return true;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const skip = [...result.annotations, ...test.annotations].find((a) => a.type === 'skip' || a.type === 'fixme');
    // A skip without an annotation is a test of a serial group that did not run after an earlier failure.
    const reason = skip ? (skip.description ?? 'no reason given') : 'not run: an earlier test of its serial group failed';
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }

  onEnd(): void {
    for (const [reason, count] of this.reasons) console.log(`  Skipped ${count} ${count === 1 ? 'test' : 'tests'}: ${reason}`);
  }
}
