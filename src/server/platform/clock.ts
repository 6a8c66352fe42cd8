/**
 * The time, as a dependency (issue 12, part 3): services read "now" from `ctx.clock`, background jobs
 * from the clock they are given, so that a test sets the time on the context instead of faking `Date`
 * for the whole process. Read docs/mechanisms/write-path.md.
 */
export interface Clock {
  now(): Date;
}

/** The machine's clock: production. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock a test sets: it starts at an instant and moves on with the real one from there. */
export interface TestClock extends Clock {
  /** Moves the clock to this instant (it goes on moving from there). */
  set(instant: string | Date): void;
}

/**
 * A clock for tests, at `instant` when made. It keeps moving with the real clock, so that timestamps
 * written one after the other still follow each other; `frozen` stops it (every `now()` is the same).
 */
export function testClock(instant: string | Date, options: { frozen?: boolean } = {}): TestClock {
  let offset = 0;
  let fixed = new Date(instant);
  const set = (to: string | Date) => {
    fixed = new Date(to);
    offset = fixed.getTime() - Date.now();
  };
  set(instant);
  return {
    now: () => (options.frozen ? new Date(fixed) : new Date(Date.now() + offset)),
    set,
  };
}
