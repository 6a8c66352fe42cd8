import fc from "fast-check";
import { uuidv7 } from "uuidv7";
import { describe, expect, it, vi } from "vitest";
import {
  type Apply,
  type Command,
  commandFingerprint,
  deliver,
  isUuidV7,
  type Ledger,
  type Outcome,
  validateCommand,
} from "./commands";
import { formatTimestamp } from "./hlc";
import { NOW } from "./sync.fixtures";

const at = (millis: number, node = "a") => formatTimestamp({ millis: NOW + millis, counter: 0, node });

let sequence = 0;
function command(overrides: Partial<Command> = {}): Command {
  sequence += 1;
  return {
    id: `01900000-0000-7000-8000-${sequence.toString(16).padStart(12, "0")}`,
    type: "draft.set",
    recordId: "r1",
    payload: { fields: { score: sequence } },
    baseVersion: null,
    stamp: at(sequence),
    ...overrides,
  };
}

/** A toy store of versioned records: a command applies only to the version it was made from. */
type Versions = ReadonlyMap<string, number>;
const applyVersioned: Apply<Versions> = (cmd, state) => {
  const version = state.get(cmd.recordId) ?? 0;
  if ((cmd.baseVersion ?? 0) !== version) {
    return { outcome: { status: "conflict", code: "stale_version", current: { version } }, state };
  }
  return {
    outcome: { status: "applied", result: { version: version + 1 } },
    state: new Map(state).set(cmd.recordId, version + 1),
  };
};

const EMPTY_LEDGER: Ledger = new Map();

describe("isUuidV7 and validateCommand", () => {
  it("accepts ids from the uuidv7 package", () => {
    for (let i = 0; i < 50; i++) expect(isUuidV7(uuidv7())).toBe(true);
  });

  it("refuses ids of the wrong shape, case, version or variant", () => {
    const good = "01932c07-8f5a-7b3e-9c4d-2a1b3c4d5e6f";
    expect(isUuidV7(good)).toBe(true);
    const bad = [
      "",
      good.toUpperCase(),
      good.replaceAll("-", ""),
      `{${good}}`,
      `${good} `,
      "01932c07-8f5a-4b3e-9c4d-2a1b3c4d5e6f", // version 4
      "01932c07-8f5a-7b3e-cc4d-2a1b3c4d5e6f", // variant 110x
      "01932c07-8f5a-7b3e-9c4d-2a1b3c4d5e6",
      "01932c07-8f5a-7b3e-9c4d-2a1b3c4d5e6fa",
      "01932c07-8f5a-7b3e-9c4d-2a1b3c4d5e6g",
    ];
    for (const id of bad) {
      expect(isUuidV7(id), id).toBe(false);
      expect(validateCommand(command({ id }))).toMatchObject({ status: "rejected", code: "invalid_id" });
    }
  });

  it("refuses any id that is not a lowercase UUIDv7", () => {
    const notV7 = fc.oneof(
      fc.string(),
      fc.uuid().filter((id) => id[14] !== "7"),
      fc
        .uuid({ version: 7 })
        .map((id) => id.toUpperCase())
        .filter((id) => /[A-F]/.test(id)),
    );
    fc.assert(
      fc.property(notV7, (id) => {
        expect(isUuidV7(id)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.uuid({ version: 7 }), (id) => {
        expect(isUuidV7(id)).toBe(true);
      }),
    );
  });

  it("refuses a command with a missing part, a bad stamp or version, or a payload that is not JSON", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const bad: Partial<Command>[] = [
      { type: "" },
      { recordId: "" },
      { stamp: "2026-12-06" },
      { baseVersion: -1 },
      { baseVersion: 1.5 },
      { payload: undefined },
      { payload: { score: Number.NaN } },
      { payload: { when: new Date(NOW) } },
      { payload: { score: undefined } },
      // biome-ignore lint/suspicious/noSparseArray: a sparse array is the case under test
      { payload: [1, , 3] },
      { payload: cyclic },
    ];
    for (const overrides of bad) {
      expect(validateCommand(command(overrides)), JSON.stringify(Object.keys(overrides))).toMatchObject({
        status: "rejected",
        code: "invalid_command",
      });
    }
    expect(
      validateCommand(command({ baseVersion: 0, payload: [null, true, "x", 1.5, { a: [] }] })),
    ).toBeNull();
  });
});

describe("commandFingerprint", () => {
  it("ignores the order of payload keys but not their values", () => {
    const a = command({ payload: { fields: { score: 3, note: "x" }, extra: [1, { b: 1, a: 2 }] } });
    const b = { ...a, payload: { extra: [1, { a: 2, b: 1 }], fields: { note: "x", score: 3 } } };
    expect(commandFingerprint(a)).toBe(commandFingerprint(b));
    expect(commandFingerprint({ ...a, payload: { ...b.payload, extra: [{ a: 2, b: 1 }, 1] } })).not.toBe(
      commandFingerprint(a),
    );
    expect(commandFingerprint({ ...a, recordId: "r2" })).not.toBe(commandFingerprint(a));
    expect(commandFingerprint({ ...a, type: "draft.other" })).not.toBe(commandFingerprint(a));
  });
});

describe("deliver", () => {
  it("applies new commands and records their outcomes", () => {
    const first = command();
    const { ledger, state, outcomes } = deliver(EMPTY_LEDGER, [first], applyVersioned, new Map());
    expect(outcomes).toEqual([{ status: "applied", result: { version: 1 } }]);
    expect(ledger.get(first.id)?.outcome).toBe(outcomes[0]);
    expect(state.get("r1")).toBe(1);
  });

  it("answers a re-sent command with its first outcome exactly, without applying it again", () => {
    const first = command();
    const once = deliver(EMPTY_LEDGER, [first], applyVersioned, new Map());
    const apply = vi.fn(applyVersioned);
    // The state moved on since: applying again would answer a conflict, not the first outcome.
    const moved = new Map([["r1", 7]]);
    const again = deliver(once.ledger, [{ ...first }, first], apply, moved);
    expect(apply).not.toHaveBeenCalled();
    expect(again.outcomes[0]).toBe(once.outcomes[0]);
    expect(again.outcomes[1]).toBe(once.outcomes[0]);
    expect(again.state).toBe(moved);
    expect(again.ledger).toEqual(once.ledger);
  });

  it("records a rejection or a conflict as the first outcome too", () => {
    const fresh = command({ baseVersion: 3 });
    const once = deliver(EMPTY_LEDGER, [fresh], applyVersioned, new Map([["r1", 3]]));
    expect(once.outcomes[0]).toEqual({ status: "applied", result: { version: 4 } });
    const conflict = command({ baseVersion: 3 });
    const later = deliver(once.ledger, [conflict], applyVersioned, once.state);
    expect(later.outcomes[0]).toEqual({ status: "conflict", code: "stale_version", current: { version: 4 } });
    // Even against a state where it would now apply, the recorded conflict stands.
    const retry = deliver(later.ledger, [conflict], applyVersioned, new Map([["r1", 3]]));
    expect(retry.outcomes[0]).toBe(later.outcomes[0]);
  });

  it("rejects an id re-used for a different type, record or payload, and keeps the first outcome", () => {
    const first = command({ payload: { fields: { score: 3, note: "x" } } });
    const once = deliver(EMPTY_LEDGER, [first], applyVersioned, new Map());
    const reused = [
      { ...first, payload: { fields: { score: 4, note: "x" } } },
      { ...first, type: "draft.delete" },
      { ...first, recordId: "r2" },
    ];
    const apply = vi.fn(applyVersioned);
    const again = deliver(once.ledger, reused, apply, once.state);
    expect(apply).not.toHaveBeenCalled();
    for (const outcome of again.outcomes)
      expect(outcome).toMatchObject({ status: "rejected", code: "id_reused" });
    expect(again.ledger).toEqual(once.ledger);
    expect(again.state).toBe(once.state);
    // The same body with its keys in another order, or a new stamp, is the same command.
    const same = { ...first, payload: { fields: { note: "x", score: 3 } }, stamp: at(999) };
    expect(deliver(once.ledger, [same], apply, once.state).outcomes[0]).toBe(once.outcomes[0]);
  });

  it("settles an id used twice within one batch the same way whatever the order", () => {
    const a = command();
    const b = { ...a, payload: { fields: { score: -1 } } };
    const forward = deliver(EMPTY_LEDGER, [a, b], applyVersioned, new Map());
    const backward = deliver(EMPTY_LEDGER, [b, a], applyVersioned, new Map());
    expect(forward.ledger).toEqual(backward.ledger);
    expect(forward.outcomes.map((o) => o.status).sort()).toEqual(["applied", "rejected"]);
    expect([...backward.outcomes].reverse()).toEqual(forward.outcomes);
  });

  it("applies the commands of a record in stamp order, however the batch was shuffled", () => {
    const create = command({ baseVersion: 0, stamp: at(1) });
    const edit = command({ baseVersion: 1, stamp: at(2) });
    const other = command({ recordId: "r2", baseVersion: 0, stamp: at(0) });
    const { outcomes, state } = deliver(EMPTY_LEDGER, [edit, other, create], applyVersioned, new Map());
    expect(outcomes.map((o) => o.status)).toEqual(["applied", "applied", "applied"]);
    expect(outcomes[0]).toEqual({ status: "applied", result: { version: 2 } });
    expect([...state]).toEqual([
      ["r2", 1],
      ["r1", 2],
    ]);
  });

  it("refuses malformed commands without applying or recording them, answering in input order", () => {
    const good = command();
    const badId = command({ id: "01932C07-8F5A-7B3E-9C4D-2A1B3C4D5E6F" });
    const apply = vi.fn(applyVersioned);
    const { ledger, outcomes } = deliver(
      EMPTY_LEDGER,
      [badId, good, command({ stamp: "now" })],
      apply,
      new Map(),
    );
    expect(outcomes.map((o: Outcome) => (o.status === "rejected" ? o.code : o.status))).toEqual([
      "invalid_id",
      "applied",
      "invalid_command",
    ]);
    expect(apply).toHaveBeenCalledTimes(1);
    expect([...ledger.keys()]).toEqual([good.id]);
  });

  it("leaves its inputs untouched, and keeps nothing of a batch when apply throws", () => {
    const ledger = new Map(deliver(EMPTY_LEDGER, [command()], applyVersioned, new Map()).ledger);
    const size = ledger.size;
    deliver(ledger, [command(), command()], applyVersioned, new Map());
    expect(ledger.size).toBe(size);
    const failing: Apply<Versions> = () => {
      throw new Error("database went away");
    };
    expect(() => deliver(ledger, [command()], failing, new Map())).toThrow("database went away");
    expect(ledger.size).toBe(size);
  });
});
