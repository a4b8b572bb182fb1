import { onTestFinished, vi } from 'vitest';

/**
 * Stops `Date` at `at` (default: now) until the current test finishes. The Worker runs in the
 * test's isolate, so its `Date.now()` / `new Date()` stand still too (setTimeout is left real).
 * For tests whose assertions name the day or the 30 s TOTP step they run in: a clock that crosses
 * midnight or a step boundary between "make the data" and "compute the expectation" fails them.
 */
export function freezeClock(at: number = Date.now()): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  onTestFinished(() => {
    vi.useRealTimers();
  });
}
