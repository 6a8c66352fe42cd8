import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTimestamp } from "./hlc";
import {
  applyFieldChange,
  EMPTY_RECORD_STATE,
  type FieldChange,
  mergeStates,
  type RecordState,
  splitByStamp,
  valuesOf,
} from "./lww";
import { anyStamp, latest, NOW, schedule, stamp } from "./sync.fixtures";

const at = (millis: number, counter = 0, node = "a") =>
  formatTimestamp({ millis: NOW + millis, counter, node });

/** Field changes where a (field, stamp) pair names one write, as the clock guarantees. */
const changes = fc.uniqueArray(
  fc.record({
    field: fc.constantFrom("score", "note", "attended", "constructor", "__proto__"),
    value: fc.jsonValue({ maxDepth: 2 }),
    stamp: fc.oneof(stamp, anyStamp),
  }),
  { selector: (change) => `${change.field} ${change.stamp}`, maxLength: 25 },
);

function stateOf(list: readonly FieldChange[]): RecordState {
  return list.reduce(applyFieldChange, EMPTY_RECORD_STATE);
}

/** The oracle: per field, the value of the change with the greatest timestamp. */
function expectedValues(list: readonly FieldChange[]): Record<string, unknown> {
  const fields = new Set(list.map((change) => change.field));
  return Object.fromEntries(
    [...fields].map((field) => [field, latest(list.filter((change) => change.field === field))!.value]),
  );
}

/** Three states built from one pool of writes, each seeing any part of it. */
const threeStates = changes.chain((pool) =>
  fc.tuple(fc.subarray(pool), fc.subarray(pool), fc.subarray(pool)).map((parts) => parts.map(stateOf)),
);

describe("applyFieldChange", () => {
  it("takes a newer write and ignores an older one", () => {
    const state = applyFieldChange(EMPTY_RECORD_STATE, { field: "score", value: 3, stamp: at(10) });
    expect(valuesOf(applyFieldChange(state, { field: "score", value: 4, stamp: at(11) }))).toEqual({
      score: 4,
    });
    expect(valuesOf(applyFieldChange(state, { field: "score", value: 2, stamp: at(9) }))).toEqual({
      score: 3,
    });
  });

  it("orders by counter, then node, within one millisecond", () => {
    const state = applyFieldChange(EMPTY_RECORD_STATE, { field: "note", value: "a9", stamp: at(0, 9, "a") });
    expect(valuesOf(applyFieldChange(state, { field: "note", value: "a10", stamp: at(0, 10, "a") }))).toEqual(
      {
        note: "a10",
      },
    );
    expect(valuesOf(applyFieldChange(state, { field: "note", value: "b9", stamp: at(0, 9, "b") }))).toEqual({
      note: "b9",
    });
    expect(valuesOf(applyFieldChange(state, { field: "note", value: "9", stamp: at(0, 9, "9") }))).toEqual({
      note: "a9",
    });
  });

  it("treats an equal stamp as the same write and keeps the state as it is", () => {
    const state = applyFieldChange(EMPTY_RECORD_STATE, { field: "score", value: 3, stamp: at(10) });
    expect(applyFieldChange(state, { field: "score", value: 3, stamp: at(10) })).toBe(state);
    expect(applyFieldChange(state, { field: "score", value: 5, stamp: at(10) })).toBe(state);
  });

  it("keeps fields apart and leaves the input untouched", () => {
    const state = Object.freeze({
      fields: Object.freeze({ score: { value: 3, stamp: at(10) } }),
    });
    const next = applyFieldChange(state, { field: "note", value: "late", stamp: at(1) });
    expect(next.fields).toEqual({
      score: { value: 3, stamp: at(10) },
      note: { value: "late", stamp: at(1) },
    });
    expect(state.fields).toEqual({ score: { value: 3, stamp: at(10) } });
  });

  it("treats constructor and __proto__ as plain field names", () => {
    let state = applyFieldChange(EMPTY_RECORD_STATE, { field: "__proto__", value: { x: 1 }, stamp: at(1) });
    state = applyFieldChange(state, { field: "constructor", value: "c", stamp: at(1) });
    state = applyFieldChange(state, { field: "__proto__", value: "older", stamp: at(0) });
    const values = valuesOf(state);
    expect(Object.keys(values).sort()).toEqual(["__proto__", "constructor"]);
    expect(Object.getOwnPropertyDescriptor(values, "__proto__")?.value).toEqual({ x: 1 });
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });

  it("refuses a malformed stamp or an empty field name", () => {
    expect(() =>
      applyFieldChange(EMPTY_RECORD_STATE, { field: "score", value: 1, stamp: "yesterday" }),
    ).toThrow(/is not of the form/);
    expect(() => applyFieldChange(EMPTY_RECORD_STATE, { field: "", value: 1, stamp: at(0) })).toThrow(
      RangeError,
    );
  });
});

describe("valuesOf", () => {
  it("gives field → value without stamps", () => {
    expect(valuesOf(EMPTY_RECORD_STATE)).toEqual({});
    const state = stateOf([
      { field: "score", value: 3, stamp: at(1) },
      { field: "note", value: null, stamp: at(2) },
    ]);
    expect(valuesOf(state)).toEqual({ score: 3, note: null });
  });
});

describe("mergeStates", () => {
  it("takes each field from the side with the greater stamp", () => {
    const phone = stateOf([
      { field: "score", value: 4, stamp: at(5, 0, "phone") },
      { field: "note", value: "phone", stamp: at(1, 0, "phone") },
    ]);
    const tablet = stateOf([
      { field: "score", value: 2, stamp: at(3, 0, "tablet") },
      { field: "note", value: "tablet", stamp: at(2, 0, "tablet") },
      { field: "attended", value: 12, stamp: at(0, 0, "tablet") },
    ]);
    expect(valuesOf(mergeStates(phone, tablet))).toEqual({ score: 4, note: "tablet", attended: 12 });
  });

  it("gives each field the value with the greatest timestamp", () => {
    fc.assert(
      fc.property(changes, (list) => {
        expect(valuesOf(stateOf(list))).toEqual(expectedValues(list));
      }),
    );
  });

  it("is commutative", () => {
    fc.assert(
      fc.property(threeStates, ([a, b]) => {
        expect(mergeStates(a!, b!)).toEqual(mergeStates(b!, a!));
      }),
    );
  });

  it("is associative", () => {
    fc.assert(
      fc.property(threeStates, ([a, b, c]) => {
        expect(mergeStates(mergeStates(a!, b!), c!)).toEqual(mergeStates(a!, mergeStates(b!, c!)));
      }),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(threeStates, ([a, b]) => {
        expect(mergeStates(a!, a!)).toEqual(a);
        const ab = mergeStates(a!, b!);
        expect(mergeStates(ab, b!)).toEqual(ab);
        expect(mergeStates(ab, a!)).toEqual(ab);
      }),
    );
  });
});

describe("delivery in any order, with duplicates and re-sent batches", () => {
  it("converges to the same state on every replica", () => {
    const run = changes.chain((list) => fc.tuple(fc.constant(list), schedule(list), schedule(list)));
    fc.assert(
      fc.property(run, ([list, first, second]) => {
        // Replica one applies each change as it arrives; replica two merges each batch as a state.
        let one = EMPTY_RECORD_STATE;
        for (const batch of first) for (const change of batch) one = applyFieldChange(one, change);
        let two = EMPTY_RECORD_STATE;
        for (const batch of second) two = mergeStates(two, stateOf(batch));

        expect(valuesOf(one)).toEqual(expectedValues(list));
        expect(one).toEqual(two);
        expect(one).toEqual(stateOf(list));
      }),
      { numRuns: 200 },
    );
  });
});

describe("splitByStamp", () => {
  it("keeps the fields with no stamp held or an older one, and says which a later write holds", () => {
    const held = { heldOn: at(2), mode: at(0), constructor: at(5) };
    expect(splitByStamp(held, ["heldOn", "mode", "villageCode", "constructor"], at(1))).toEqual({
      kept: ["mode", "villageCode"],
      overtaken: ["heldOn", "constructor"],
    });
  });

  it("takes the same write again as overtaken, and refuses a malformed stamp", () => {
    expect(splitByStamp({ notes: at(3) }, ["notes"], at(3))).toEqual({ kept: [], overtaken: ["notes"] });
    expect(() => splitByStamp({}, ["notes"], "yesterday")).toThrow(RangeError);
  });

  it("agrees with applyFieldChange for any held stamps", () => {
    fc.assert(
      fc.property(changes, stamp, (list, written) => {
        const state = stateOf(list);
        const held = Object.fromEntries(Object.entries(state.fields).map(([f, e]) => [f, e.stamp]));
        const fields = ["score", "note", "constructor"];
        const { kept } = splitByStamp(held, fields, written);
        const expected = fields.filter(
          (field) => applyFieldChange(state, { field, value: 1, stamp: written }) !== state,
        );
        expect(kept).toEqual(expected);
      }),
    );
  });
});
