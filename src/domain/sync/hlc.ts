/**
 * Hybrid logical clock (HLC) for offline edits (issue 4, ARCHITECTURE.md "Offline"): every change
 * made on a device gets a timestamp that is close to wall-clock time, strictly increasing on that
 * device even when the phone's clock is set back, and greater than every timestamp the device has
 * already seen from others. Timestamps are totally ordered (millis, counter, node), so "last write
 * wins" has one answer on every device and on the server.
 *
 * Clocks are immutable values: every function returns a new one. Persisting the clock between
 * sessions is the caller's job (store the formatted last timestamp).
 */

/** A point in HLC time. `node` names the device that issued it. */
export interface Timestamp {
  /** Wall-clock part, milliseconds since 1970 (UTC). */
  readonly millis: number;
  /** Orders events that share `millis`: 0..MAX_COUNTER. */
  readonly counter: number;
  /** Short device id, [0-9a-z]{1,16}. */
  readonly node: string;
}

/**
 * A device's clock: the greatest timestamp it has issued or seen, carrying the device's own node.
 * The timestamp returned by `tick` is itself the next clock.
 */
export type Clock = Timestamp;

/** How far ahead of our wall clock a remote timestamp may be before we refuse it. */
export const MAX_DRIFT_MS = 5 * 60 * 1000;

/** The counter is written as 4 hex digits, so this is the last value that fits. */
export const MAX_COUNTER = 0xffff;

/** 9999-12-31T23:59:59.999Z: the last instant with a 4-digit year, so formatting stays fixed-width. */
export const MAX_MILLIS = 253_402_300_799_999;

const NODE_PATTERN = /^[0-9a-z]{1,16}$/;

const STAMP_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-z]{1,16})$/;

/** Thrown when a timestamp would break the clock: a remote too far ahead, or a counter overflow. */
export class ClockDriftError extends Error {
  constructor(
    /** remote_ahead: the remote is more than MAX_DRIFT_MS past our wall clock. counter_overflow:
     * more than MAX_COUNTER + 1 events in one millisecond of HLC time. */
    readonly reason: "remote_ahead" | "counter_overflow",
    message: string,
  ) {
    super(message);
    this.name = "ClockDriftError";
  }
}

/** True when `node` is a valid device id: 1 to 16 characters of [0-9a-z]. */
export function isValidNode(node: string): boolean {
  return NODE_PATTERN.test(node);
}

/** A new clock for device `node`, before any event. Throws RangeError on an invalid node. */
export function createClock(node: string): Clock {
  if (!isValidNode(node)) throw new RangeError(`clock node "${node}" is not 1–16 characters of [0-9a-z]`);
  return { millis: 0, counter: 0, node };
}

/**
 * The timestamp of a new local event, which is also the new clock. Strictly greater than `clock`
 * whatever `nowMillis` says: when the wall clock stands still or goes back, the counter moves on.
 * Throws ClockDriftError (counter_overflow) when the counter would pass MAX_COUNTER.
 */
export function tick(clock: Clock, nowMillis: number): Timestamp {
  checkWallClock(nowMillis);
  const millis = Math.max(clock.millis, nowMillis);
  const counter = millis === clock.millis ? clock.counter + 1 : 0;
  return { millis, counter: checkCounter(counter), node: clock.node };
}

/**
 * The clock after seeing `remote` (a timestamp received from another device or the server): strictly
 * greater than both the old clock and `remote`, so the next local event sorts after what was seen.
 * Throws ClockDriftError when `remote` is more than MAX_DRIFT_MS ahead of `nowMillis` (a device
 * with a wrong clock must not drag every other device into the future) or when the counter would
 * overflow. Seeing one of our own timestamps again is harmless.
 */
export function receive(clock: Clock, remote: Timestamp, nowMillis: number): Clock {
  checkWallClock(nowMillis);
  checkTimestamp(remote);
  if (remote.millis - nowMillis > MAX_DRIFT_MS) {
    throw new ClockDriftError(
      "remote_ahead",
      `remote timestamp ${formatTimestamp(remote)} is more than ${MAX_DRIFT_MS} ms ahead of now (${nowMillis})`,
    );
  }
  const millis = Math.max(clock.millis, remote.millis, nowMillis);
  let counter = 0;
  if (millis === clock.millis && millis === remote.millis) {
    counter = Math.max(clock.counter, remote.counter) + 1;
  } else if (millis === clock.millis) {
    counter = clock.counter + 1;
  } else if (millis === remote.millis) {
    counter = remote.counter + 1;
  }
  return { millis, counter: checkCounter(counter), node: clock.node };
}

/** Total order on timestamps: by millis, then counter, then node (plain code-unit order). */
export function compareTimestamps(a: Timestamp, b: Timestamp): -1 | 0 | 1 {
  if (a.millis !== b.millis) return a.millis < b.millis ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.node !== b.node) return a.node < b.node ? -1 : 1;
  return 0;
}

/**
 * `2026-12-06T15:30:00.000Z-0001-node`: ISO time, 4 hex digits of counter, node. Everything before
 * the node has a fixed width, so comparing two formatted strings (with `<`, not localeCompare) gives
 * the same order as compareTimestamps. Throws RangeError on a timestamp outside the allowed ranges.
 */
export function formatTimestamp(timestamp: Timestamp): string {
  checkTimestamp(timestamp);
  const counter = timestamp.counter.toString(16).padStart(4, "0");
  return `${new Date(timestamp.millis).toISOString()}-${counter}-${timestamp.node}`;
}

/**
 * The timestamp written by formatTimestamp. Only the exact canonical form is accepted, so that
 * parse then format gives back the same string; anything else throws RangeError saying why.
 */
export function parseTimestamp(text: string): Timestamp {
  const match = STAMP_PATTERN.exec(text);
  if (!match) {
    throw new RangeError(
      `timestamp "${text}" is not of the form 2026-12-06T15:30:00.000Z-0001-node (node: 1–16 of [0-9a-z])`,
    );
  }
  const [, iso, counterHex, node] = match;
  const millis = Date.parse(iso);
  // Date.parse rolls 2026-02-30 over to March; formatting back catches it.
  if (Number.isNaN(millis) || new Date(millis).toISOString() !== iso) {
    throw new RangeError(`timestamp "${text}" has an impossible date or time "${iso}"`);
  }
  if (millis > MAX_MILLIS) throw new RangeError(`timestamp "${text}" is after ${MAX_MILLIS}`);
  return { millis, counter: Number.parseInt(counterHex, 16), node };
}

function checkWallClock(nowMillis: number): void {
  if (!Number.isSafeInteger(nowMillis) || nowMillis < 0 || nowMillis > MAX_MILLIS) {
    throw new RangeError(`wall clock ${nowMillis} is not a whole number of milliseconds in 0..${MAX_MILLIS}`);
  }
}

function checkCounter(counter: number): number {
  if (counter > MAX_COUNTER) {
    throw new ClockDriftError(
      "counter_overflow",
      `clock counter would pass ${MAX_COUNTER}: too many events in one millisecond, or a clock stuck far behind`,
    );
  }
  return counter;
}

function checkTimestamp(timestamp: Timestamp): void {
  const { millis, counter, node } = timestamp;
  if (!Number.isSafeInteger(millis) || millis < 0 || millis > MAX_MILLIS) {
    throw new RangeError(`timestamp millis ${millis} is not a whole number in 0..${MAX_MILLIS}`);
  }
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_COUNTER) {
    throw new RangeError(`timestamp counter ${counter} is not a whole number in 0..${MAX_COUNTER}`);
  }
  if (!isValidNode(node)) throw new RangeError(`timestamp node "${node}" is not 1–16 characters of [0-9a-z]`);
}
