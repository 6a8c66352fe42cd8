import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ClockDriftError,
  compareTimestamps,
  createClock,
  formatTimestamp,
  MAX_COUNTER,
  MAX_DRIFT_MS,
  MAX_MILLIS,
  parseTimestamp,
  receive,
  type Timestamp,
  tick,
} from "./hlc";

const NOW = Date.UTC(2026, 11, 6, 15, 30);

const node = fc.stringMatching(/^[0-9a-z]{1,16}$/);
const timestamp: fc.Arbitrary<Timestamp> = fc.record({
  millis: fc.integer({ min: 0, max: MAX_MILLIS }),
  counter: fc.integer({ min: 0, max: MAX_COUNTER }),
  node,
});
/** Wall-clock readings around NOW, jumping back and forth by up to an hour. */
const wallClock = fc.integer({ min: NOW - 3_600_000, max: NOW + 3_600_000 });

function sign(n: number): number {
  return n === 0 ? 0 : n < 0 ? -1 : 1;
}

describe("createClock", () => {
  it("starts at zero on the given node", () => {
    expect(createClock("phone7")).toEqual({ millis: 0, counter: 0, node: "phone7" });
  });

  it("refuses a node outside [0-9a-z]{1,16}", () => {
    for (const bad of ["", "Phone", "a-b", "a b", "x".repeat(17), "ñ"]) {
      expect(() => createClock(bad), bad).toThrow(RangeError);
    }
  });
});

describe("tick", () => {
  it("follows the wall clock when it moves forward", () => {
    const first = tick(createClock("a"), NOW);
    expect(first).toEqual({ millis: NOW, counter: 0, node: "a" });
    expect(tick(first, NOW + 5)).toEqual({ millis: NOW + 5, counter: 0, node: "a" });
  });

  it("counts on when the wall clock stands still or goes back", () => {
    const first = tick(createClock("a"), NOW);
    expect(tick(first, NOW)).toEqual({ millis: NOW, counter: 1, node: "a" });
    expect(tick(first, NOW - 60_000)).toEqual({ millis: NOW, counter: 1, node: "a" });
  });

  it("throws ClockDriftError when the counter would pass 65535", () => {
    let clock = tick(createClock("a"), NOW);
    for (let i = 0; i < MAX_COUNTER; i++) clock = tick(clock, NOW);
    expect(clock.counter).toBe(MAX_COUNTER);
    const error = captureError(() => tick(clock, NOW - 1));
    expect(error).toBeInstanceOf(ClockDriftError);
    expect((error as ClockDriftError).reason).toBe("counter_overflow");
    // The wall clock moving on frees the counter again.
    expect(tick(clock, NOW + 1)).toEqual({ millis: NOW + 1, counter: 0, node: "a" });
  });

  it("refuses a wall clock that is not whole milliseconds", () => {
    for (const bad of [Number.NaN, 1.5, -1, Number.POSITIVE_INFINITY, MAX_MILLIS + 1]) {
      expect(() => tick(createClock("a"), bad), String(bad)).toThrow(RangeError);
    }
  });

  it("is strictly increasing and never behind the wall clock, whatever the wall clock does", () => {
    fc.assert(
      fc.property(fc.array(wallClock, { minLength: 1, maxLength: 200 }), (readings) => {
        let clock = createClock("dev1");
        for (const now of readings) {
          const next = tick(clock, now);
          expect(compareTimestamps(next, clock)).toBe(1);
          expect(next.millis).toBeGreaterThanOrEqual(now);
          // Hybrid, not logical: the time part is a wall-clock reading that was really seen.
          expect(readings).toContain(next.millis);
          expect(next.node).toBe("dev1");
          clock = next;
        }
      }),
    );
  });
});

describe("receive", () => {
  it("moves past a remote timestamp from the same millisecond", () => {
    const clock = tick(createClock("a"), NOW);
    const remote = { millis: NOW, counter: 7, node: "b" };
    expect(receive(clock, remote, NOW)).toEqual({ millis: NOW, counter: 8, node: "a" });
  });

  it("takes the remote time when it is ahead of both clocks, within the drift", () => {
    const remote = { millis: NOW + 1000, counter: 3, node: "b" };
    expect(receive(createClock("a"), remote, NOW)).toEqual({ millis: NOW + 1000, counter: 4, node: "a" });
  });

  it("follows the wall clock when it is ahead of both", () => {
    const remote = { millis: NOW - 1000, counter: 3, node: "b" };
    expect(receive(tick(createClock("a"), NOW - 5), remote, NOW)).toEqual({
      millis: NOW,
      counter: 0,
      node: "a",
    });
  });

  it("accepts a remote exactly MAX_DRIFT_MS ahead and refuses one a millisecond further", () => {
    const clock = createClock("a");
    expect(receive(clock, { millis: NOW + MAX_DRIFT_MS, counter: 0, node: "b" }, NOW).millis).toBe(
      NOW + MAX_DRIFT_MS,
    );
    const error = captureError(() =>
      receive(clock, { millis: NOW + MAX_DRIFT_MS + 1, counter: 0, node: "b" }, NOW),
    );
    expect(error).toBeInstanceOf(ClockDriftError);
    expect((error as ClockDriftError).reason).toBe("remote_ahead");
  });

  it("throws ClockDriftError when the remote counter leaves no room", () => {
    const error = captureError(() =>
      receive(tick(createClock("a"), NOW), { millis: NOW, counter: MAX_COUNTER, node: "b" }, NOW),
    );
    expect(error).toBeInstanceOf(ClockDriftError);
    expect((error as ClockDriftError).reason).toBe("counter_overflow");
  });

  it("refuses a malformed remote", () => {
    expect(() => receive(createClock("a"), { millis: NOW, counter: -1, node: "b" }, NOW)).toThrow(RangeError);
    expect(() => receive(createClock("a"), { millis: NOW, counter: 0, node: "B" }, NOW)).toThrow(RangeError);
  });

  it("keeps every later event after everything seen, across ticks and receives", () => {
    const remote = fc.record({
      millis: fc.integer({ min: NOW - 3_600_000, max: NOW + 3_600_000 }),
      counter: fc.integer({ min: 0, max: 1000 }),
      node,
    });
    const step = fc.oneof(
      fc.record({ kind: fc.constant("tick" as const), now: wallClock }),
      fc.record({ kind: fc.constant("receive" as const), now: wallClock, remote }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 100 }), (steps) => {
        let clock = createClock("me");
        let greatestSeen: Timestamp = clock;
        for (const s of steps) {
          if (s.kind === "tick") {
            clock = tick(clock, s.now);
          } else if (s.remote.millis - s.now > MAX_DRIFT_MS) {
            expect(() => receive(clock, s.remote, s.now)).toThrow(ClockDriftError);
            continue;
          } else {
            clock = receive(clock, s.remote, s.now);
            expect(compareTimestamps(clock, s.remote)).toBe(1);
            expect(clock.millis === s.remote.millis ? clock.counter > s.remote.counter : true).toBe(true);
          }
          expect(compareTimestamps(clock, greatestSeen)).toBe(1);
          expect(clock.node).toBe("me");
          greatestSeen = clock;
        }
      }),
    );
  });
});

describe("compareTimestamps", () => {
  it("orders by millis, then counter, then node", () => {
    const base = { millis: NOW, counter: 5, node: "m" };
    expect(compareTimestamps(base, { ...base, millis: NOW + 1, counter: 0 })).toBe(-1);
    expect(compareTimestamps(base, { ...base, counter: 6, node: "a" })).toBe(-1);
    expect(compareTimestamps(base, { ...base, node: "n" })).toBe(-1);
    expect(compareTimestamps(base, { ...base, node: "m0" })).toBe(-1);
    expect(compareTimestamps(base, { ...base })).toBe(0);
    expect(compareTimestamps({ ...base, node: "z" }, base)).toBe(1);
  });

  it("is a total order: antisymmetric and transitive", () => {
    fc.assert(
      fc.property(timestamp, timestamp, timestamp, (a, b, c) => {
        expect(compareTimestamps(a, b)).toBe(-compareTimestamps(b, a) || 0);
        if (compareTimestamps(a, b) <= 0 && compareTimestamps(b, c) <= 0) {
          expect(compareTimestamps(a, c)).toBeLessThanOrEqual(0);
        }
        expect(compareTimestamps(a, b) === 0).toBe(
          a.millis === b.millis && a.counter === b.counter && a.node === b.node,
        );
      }),
    );
  });
});

describe("formatTimestamp and parseTimestamp", () => {
  it("writes ISO time, four hex digits of counter and the node", () => {
    expect(formatTimestamp({ millis: NOW, counter: 1, node: "node" })).toBe(
      "2026-12-06T15:30:00.000Z-0001-node",
    );
    expect(formatTimestamp({ millis: 0, counter: MAX_COUNTER, node: "z" })).toBe(
      "1970-01-01T00:00:00.000Z-ffff-z",
    );
    expect(parseTimestamp("2026-12-06T15:30:00.000Z-00ff-ab12")).toEqual({
      millis: NOW,
      counter: 255,
      node: "ab12",
    });
  });

  it("round-trips any timestamp, and any formatted string", () => {
    fc.assert(
      fc.property(timestamp, (t) => {
        const text = formatTimestamp(t);
        expect(text).toHaveLength(30 + t.node.length);
        expect(parseTimestamp(text)).toEqual(t);
        expect(formatTimestamp(parseTimestamp(text))).toBe(text);
      }),
    );
  });

  it("sorts formatted strings in the same order as compareTimestamps", () => {
    const close = fc.record({
      // Narrow ranges so that equal millis and counters, where the node decides, come up often.
      millis: fc.integer({ min: NOW, max: NOW + 3 }),
      counter: fc.integer({ min: 0, max: 3 }),
      node: fc.stringMatching(/^[0-9a-c]{1,3}$/),
    });
    fc.assert(
      fc.property(fc.oneof(timestamp, close), fc.oneof(timestamp, close), (a, b) => {
        const x = formatTimestamp(a);
        const y = formatTimestamp(b);
        expect(sign(x < y ? -1 : x > y ? 1 : 0)).toBe(compareTimestamps(a, b));
      }),
    );
  });

  it("refuses timestamps that do not fit the fixed width", () => {
    expect(() => formatTimestamp({ millis: MAX_MILLIS + 1, counter: 0, node: "a" })).toThrow(RangeError);
    expect(() => formatTimestamp({ millis: -1, counter: 0, node: "a" })).toThrow(RangeError);
    expect(() => formatTimestamp({ millis: NOW, counter: MAX_COUNTER + 1, node: "a" })).toThrow(RangeError);
    expect(() => formatTimestamp({ millis: NOW, counter: 0, node: "" })).toThrow(RangeError);
  });

  it("rejects malformed strings with a message naming the input", () => {
    const bad = [
      "",
      "garbage",
      "2026-12-06T15:30:00.000Z-0001",
      "2026-12-06T15:30:00.000Z-0001-",
      "2026-12-06T15:30:00.000Z-001-node",
      "2026-12-06T15:30:00.000Z-00001-node",
      "2026-12-06T15:30:00.000Z-00FF-node",
      "2026-12-06T15:30:00.000Z-0001-Node",
      `2026-12-06T15:30:00.000Z-0001-${"a".repeat(17)}`,
      "2026-12-06T15:30:00Z-0001-node",
      "2026-12-06T15:30:00.000+07:00-0001-node",
      "2026-12-06 15:30:00.000Z-0001-node",
      " 2026-12-06T15:30:00.000Z-0001-node",
      "2026-12-06T15:30:00.000Z-0001-node\n",
      "+012026-12-06T15:30:00.000Z-0001-node",
    ];
    for (const text of bad) {
      expect(() => parseTimestamp(text), JSON.stringify(text)).toThrow(/is not of the form/);
    }
  });

  it("rejects impossible dates that Date.parse would roll over", () => {
    expect(() => parseTimestamp("2026-02-30T10:00:00.000Z-0000-a")).toThrow(/impossible date/);
    expect(() => parseTimestamp("2026-12-06T24:30:00.000Z-0000-a")).toThrow(/impossible date/);
    expect(() => parseTimestamp("2026-13-01T10:00:00.000Z-0000-a")).toThrow(/impossible date/);
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}
