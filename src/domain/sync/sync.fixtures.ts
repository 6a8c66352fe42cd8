/**
 * fast-check generators shared by the sync tests: stamps that are unique per write, and delivery
 * schedules that shuffle, duplicate, batch and re-send a list of items.
 */
import fc from "fast-check";
import { compareTimestamps, formatTimestamp, MAX_COUNTER, parseTimestamp } from "./hlc";

export const NOW = Date.UTC(2026, 11, 6, 15, 30);

/**
 * A formatted stamp from a few devices within a few milliseconds, so that equal millis and
 * counters (where the node decides) come up often.
 */
export const stamp: fc.Arbitrary<string> = fc
  .record({
    millis: fc.integer({ min: NOW, max: NOW + 4 }),
    counter: fc.integer({ min: 0, max: 3 }),
    node: fc.constantFrom("a", "b", "c", "phone1"),
  })
  .map(formatTimestamp);

/** A stamp anywhere in the allowed range. */
export const anyStamp: fc.Arbitrary<string> = fc
  .record({
    millis: fc.integer({ min: 0, max: NOW * 2 }),
    counter: fc.integer({ min: 0, max: MAX_COUNTER }),
    node: fc.stringMatching(/^[0-9a-z]{1,16}$/),
  })
  .map(formatTimestamp);

/** The item of `items` with the greatest stamp, by compareTimestamps (not by string order). */
export function latest<T extends { stamp: string }>(items: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (!best || compareTimestamps(parseTimestamp(item.stamp), parseTimestamp(best.stamp)) > 0) best = item;
  }
  return best;
}

/**
 * How `items` reach the receiver: every item at least once, some several times, in any order, cut
 * into batches, some batches sent again later (a lost acknowledgement).
 */
export function schedule<T>(items: readonly T[]): fc.Arbitrary<T[][]> {
  if (items.length === 0) return fc.constant([]);
  return fc
    .tuple(
      fc.array(fc.nat(items.length - 1), { maxLength: items.length * 2 }),
      fc.array(fc.boolean(), { minLength: items.length * 3, maxLength: items.length * 3 }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
    )
    .chain(([extra, cuts, resends]) => {
      const deliveries = [...items.map((_, index) => index), ...extra];
      return fc.shuffledSubarray(deliveries, { minLength: deliveries.length }).map((order) => {
        const batches: T[][] = [[]];
        order.forEach((index, position) => {
          if (position > 0 && cuts[position % cuts.length]) batches.push([]);
          batches[batches.length - 1]!.push(items[index]!);
        });
        // A copy of a batch anywhere in the sequence: sent again after a lost acknowledgement.
        const sent = [...batches];
        for (const [pick, position] of resends) {
          sent.splice(position % (sent.length + 1), 0, batches[pick % batches.length]!);
        }
        return sent;
      });
    });
}
