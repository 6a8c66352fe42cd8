import { afterAll, vi } from "vitest";

/**
 * Runs a test file as on a fixed instant, so that what it checks is the same whatever day the suite
 * runs (docs/mechanisms/tests.md). Only `Date` is faked, and it keeps moving with the real clock from
 * `iso` on: timers, PGlite and the network behave as usual, and timestamps still follow each other.
 * Call it at the top of the file, before anything reads the date.
 */
export function runAt(iso: string) {
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(iso));
  afterAll(() => {
    vi.useRealTimers();
  });
}
