/**
 * Per-field last-writer-wins merge for a draft edited on several devices (issue 4, "Conflicts"):
 * each field keeps the value written with the greatest HLC stamp. Merging is commutative,
 * associative and idempotent, so devices and the server that have seen the same changes hold the
 * same draft, whatever the order and however often the changes arrived.
 *
 * Stamps are formatted HLC timestamps (hlc.ts). A stamp names one write: two entries with equal
 * stamps for one field are the same write, so values are never compared. The clock guarantees
 * this, since each device's stamps are strictly increasing and carry its node.
 */
import { parseTimestamp } from "./hlc";

/** A field's current value and the stamp of the write that set it. `value` is a JSON value. */
export interface FieldEntry {
  readonly value: unknown;
  readonly stamp: string;
}

/** A draft record: its fields, each with the winning write. */
export interface RecordState {
  readonly fields: Readonly<Record<string, FieldEntry>>;
}

/** One write to one field. `value` is a JSON value; `stamp` a formatted HLC timestamp. */
export interface FieldChange {
  readonly field: string;
  readonly value: unknown;
  readonly stamp: string;
}

/** A draft with no field written yet. */
export const EMPTY_RECORD_STATE: RecordState = { fields: {} };

/**
 * `state` with `change` applied: the change wins when its stamp is greater than the field's
 * current stamp; otherwise (older, or the same write again) `state` is returned unchanged.
 * Throws RangeError when the stamp is not a formatted HLC timestamp or the field name is empty.
 */
export function applyFieldChange(state: RecordState, change: FieldChange): RecordState {
  if (change.field === "") throw new RangeError("field name is empty");
  // Validated because the comparison below is on strings: a malformed stamp would sort anywhere.
  parseTimestamp(change.stamp);
  const current = entryOf(state, change.field);
  // Formatted stamps sort as strings in HLC order (hlc.ts formatTimestamp).
  if (current !== undefined && current.stamp >= change.stamp) return state;
  return {
    fields: { ...state.fields, [change.field]: { value: change.value, stamp: change.stamp } },
  };
}

/** Every field of `a` and `b`, each with the value of the greater stamp. */
export function mergeStates(a: RecordState, b: RecordState): RecordState {
  let merged = a;
  for (const [field, entry] of Object.entries(b.fields)) {
    merged = applyFieldChange(merged, { field, value: entry.value, stamp: entry.stamp });
  }
  return merged;
}

/** The draft's current values as a plain object, field → value. */
export function valuesOf(state: RecordState): Record<string, unknown> {
  // fromEntries defines own properties, so a field called "__proto__" stays a field.
  return Object.fromEntries(Object.entries(state.fields).map(([field, entry]) => [field, entry.value]));
}

/** The entry of `field`, read as an own property so "constructor" or "__proto__" are plain fields. */
function entryOf(state: RecordState, field: string): FieldEntry | undefined {
  return Object.hasOwn(state.fields, field) ? state.fields[field] : undefined;
}

/**
 * Which of `fields`, written together by one change stamped `stamp`, win against the stamps held
 * (field → stamp of the write that set it): `kept` where nothing is held or `stamp` is greater,
 * `overtaken` where a later (or the same) write is held. The rule of applyFieldChange, for a caller
 * that keeps the values elsewhere (the server keeps them in its tables, only the stamps beside them).
 */
export function splitByStamp(
  held: Readonly<Record<string, string>>,
  fields: readonly string[],
  stamp: string,
): { kept: string[]; overtaken: string[] } {
  const state: RecordState = {
    fields: Object.fromEntries(
      Object.entries(held).map(([field, at]) => [field, { value: null, stamp: at }]),
    ),
  };
  const kept: string[] = [];
  const overtaken: string[] = [];
  for (const field of fields) {
    const next = applyFieldChange(state, { field, value: null, stamp });
    (next === state ? overtaken : kept).push(field);
  }
  return { kept, overtaken };
}
