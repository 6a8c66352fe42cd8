import type { FieldRecordKind } from "../../offline/record-kinds";
import { downloadCycleReferences } from "./field.references";

/**
 * The records field work keeps on the device and how the sync engine brings them (main.tsx hands
 * this list to offline/sync-engine.ts): the cycles a facilitator may record a card for, with the
 * reference data their meetings need, then those cycles' cards. The order is the pull's.
 */
export const FIELD_RECORD_KINDS: FieldRecordKind[] = [
  { kind: "cycle", stream: "cycles", afterPull: downloadCycleReferences },
  { kind: "scorecard", stream: "scorecards" },
];
