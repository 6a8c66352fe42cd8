/**
 * The key property of issue 4: whatever the order, duplication, batching and re-sending of
 * delivery, the server ends in the same state and answers each command with one outcome.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Apply, type Command, deliver, type Ledger, type Outcome } from "./commands";
import { compareTimestamps, parseTimestamp } from "./hlc";
import { applyFieldChange, EMPTY_RECORD_STATE, type RecordState, valuesOf } from "./lww";
import { latest, schedule, stamp } from "./sync.fixtures";

/** A toy store of draft records: "draft.set" writes fields per-field LWW and bumps the version. */
interface Draft {
  readonly version: number;
  readonly draft: RecordState;
}
type Drafts = ReadonlyMap<string, Draft>;

const applyDraft: Apply<Drafts> = (command, state) => {
  if (command.type !== "draft.set") {
    return { outcome: { status: "rejected", code: "unknown_type", reason: command.type }, state };
  }
  const current = state.get(command.recordId) ?? { version: 0, draft: EMPTY_RECORD_STATE };
  let draft = current.draft;
  for (const [field, value] of Object.entries(
    (command.payload as { fields: Record<string, unknown> }).fields,
  )) {
    draft = applyFieldChange(draft, { field, value, stamp: command.stamp });
  }
  // The result depends on what was applied before, so a re-applied command would answer differently.
  const version = current.version + 1;
  return {
    outcome: { status: "applied", result: { version } },
    state: new Map(state).set(command.recordId, { version, draft }),
  };
};

/** Distinct commands: unique ids and, as the clock guarantees, unique stamps. */
const commands: fc.Arbitrary<Command[]> = fc
  .uniqueArray(
    fc.record({
      type: fc.oneof({ arbitrary: fc.constant("draft.set"), weight: 5 }, fc.constant("draft.archive")),
      recordId: fc.constantFrom("r1", "r2", "r3"),
      payload: fc.record({
        fields: fc.record(
          {
            score: fc.integer({ min: 1, max: 5 }),
            note: fc.jsonValue({ maxDepth: 1 }),
            attended: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
      }),
      baseVersion: fc.constant(null),
      stamp,
    }),
    { selector: (command) => command.stamp, maxLength: 20 },
  )
  .chain((list) =>
    fc
      .uniqueArray(fc.uuid({ version: 7 }), { minLength: list.length, maxLength: list.length })
      .map((ids) => list.map((command, index) => ({ ...command, id: ids[index]! }))),
  );

/** The oracle: per record, how many distinct "draft.set" commands, and per field the latest value. */
function expectedDrafts(list: readonly Command[]): Record<string, { version: number; values: unknown }> {
  const sets = list.filter((command) => command.type === "draft.set");
  const records = [...new Set(sets.map((command) => command.recordId))].sort();
  return Object.fromEntries(
    records.map((recordId) => {
      const mine = sets.filter((command) => command.recordId === recordId);
      const writes = mine.flatMap((command) =>
        Object.entries((command.payload as { fields: Record<string, unknown> }).fields).map(
          ([field, value]) => ({
            field,
            value,
            stamp: command.stamp,
          }),
        ),
      );
      const fields = [...new Set(writes.map((write) => write.field))];
      const values = Object.fromEntries(
        fields.map((field) => [field, latest(writes.filter((write) => write.field === field))!.value]),
      );
      return [recordId, { version: mine.length, values }];
    }),
  );
}

function snapshot(state: Drafts): Record<string, { version: number; values: unknown }> {
  return Object.fromEntries(
    [...state.keys()].sort().map((recordId) => {
      const { version, draft } = state.get(recordId)!;
      return [recordId, { version, values: valuesOf(draft) }];
    }),
  );
}

/** Delivers the batches one after another, checking every answer to a repeat is the first one. */
function run(batches: readonly (readonly Command[])[]): { ledger: Ledger; state: Drafts; calls: string[] } {
  const calls: string[] = [];
  const counting: Apply<Drafts> = (command, state) => {
    calls.push(command.id);
    return applyDraft(command, state);
  };
  const first = new Map<string, Outcome>();
  let ledger: Ledger = new Map();
  let state: Drafts = new Map();
  for (const batch of batches) {
    const delivery = deliver(ledger, batch, counting, state);
    delivery.outcomes.forEach((outcome, index) => {
      const id = batch[index]!.id;
      if (first.has(id)) expect(outcome).toBe(first.get(id));
      else first.set(id, outcome);
    });
    ({ ledger, state } = delivery);
  }
  return { ledger, state, calls };
}

describe("deliver, in any order with duplicates and re-sent batches", () => {
  it("converges to the state of applying each distinct command once", () => {
    const runs = commands.chain((list) => fc.tuple(fc.constant(list), schedule(list), schedule(list)));
    fc.assert(
      fc.property(runs, ([list, one, two]) => {
        const a = run(one);
        const b = run(two);
        // Each command reached apply exactly once.
        expect([...a.calls].sort()).toEqual(list.map((command) => command.id).sort());
        expect([...b.calls].sort()).toEqual([...a.calls].sort());

        expect(snapshot(a.state)).toEqual(expectedDrafts(list));
        expect(snapshot(b.state)).toEqual(snapshot(a.state));
        for (const command of list) {
          const status = command.type === "draft.set" ? "applied" : "rejected";
          expect(a.ledger.get(command.id)?.outcome.status).toBe(status);
          expect(b.ledger.get(command.id)?.outcome.status).toBe(status);
        }
        expect(a.ledger.size).toBe(list.length);
      }),
      { numRuns: 200 },
    );
  });

  it("applies one batch in stamp order whatever its order and duplicates, even when order matters", () => {
    // A log store: the order of application is the state, so any misordering shows.
    const append: Apply<readonly string[]> = (command, log) => ({
      outcome: { status: "applied", result: log.length },
      state: [...log, `${command.recordId}@${command.stamp}`],
    });
    const batches = commands.chain((list) => fc.tuple(fc.constant(list), schedule(list), schedule(list)));
    fc.assert(
      fc.property(batches, ([list, one, two]) => {
        const expected = [...list]
          .sort((x, y) => compareTimestamps(parseTimestamp(x.stamp), parseTimestamp(y.stamp)))
          .map((command) => `${command.recordId}@${command.stamp}`);
        const first = deliver(new Map(), one.flat(), append, []);
        expect(first.state).toEqual(expected);
        expect(deliver(new Map(), two.flat(), append, []).state).toEqual(expected);
        // Sending the same batch again changes nothing and answers the same.
        const again = deliver(first.ledger, two.flat(), append, first.state);
        expect(again.state).toBe(first.state);
        expect(again.ledger).toEqual(first.ledger);
      }),
      { numRuns: 200 },
    );
  });
});
