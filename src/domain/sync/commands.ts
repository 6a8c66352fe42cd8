/**
 * The outbox command envelope and the server's delivery rules (issue 4, ARCHITECTURE.md "Offline"),
 * as pure functions. The server push endpoint follows `deliver` with its database standing in for
 * the ledger and the state; the web outbox builds commands that `validateCommand` accepts.
 *
 * The rules: a command is answered once and for all — its first outcome is recorded under its id
 * and a repeat gets that outcome back without being applied again; an id re-used for a different
 * body is refused; within one batch the commands of a record are applied in stamp order, so a
 * batch means the same thing however it was shuffled on the way.
 */
import { parseTimestamp } from "./hlc";

/** One queued change, as the device sends it. */
export interface Command {
  /** UUIDv7 made on the device: lowercase 8-4-4-4-12 hex, version 7, RFC 9562 variant. */
  readonly id: string;
  /** What to do, e.g. "scorecard.recordScore". */
  readonly type: string;
  /** The record the command changes; commands of one record are applied in stamp order. */
  readonly recordId: string;
  /** The command's arguments: a JSON value. */
  readonly payload: unknown;
  /** The record version the device edited, or null for a new record; `apply` decides conflicts. */
  readonly baseVersion: number | null;
  /** Formatted HLC timestamp of the change (hlc.ts). */
  readonly stamp: string;
}

/** The answer to one command. `code` is a stable machine-readable word; `reason` is for people. */
export type Outcome<Result = unknown, Current = unknown> =
  | { readonly status: "applied"; readonly result: Result }
  | { readonly status: "rejected"; readonly code: string; readonly reason: string }
  | { readonly status: "conflict"; readonly code: string; readonly current: Current };

/** What the ledger remembers of a command: its body's fingerprint and its first outcome. */
export interface LedgerEntry {
  readonly fingerprint: string;
  readonly outcome: Outcome;
}

/** Command id → first outcome. Only commands that reached `apply` are recorded. */
export type Ledger = ReadonlyMap<string, LedgerEntry>;

/**
 * Applies one command to the state. Business refusals are outcomes ("rejected" or "conflict"),
 * recorded like any other; throwing aborts the whole delivery (nothing of the batch is kept).
 */
export type Apply<State> = (command: Command, state: State) => { outcome: Outcome; state: State };

/** What a delivery leaves behind: the new ledger and state, and one outcome per input command. */
export interface Delivery<State> {
  readonly ledger: Ledger;
  readonly state: State;
  /** outcomes[i] answers commands[i]. */
  readonly outcomes: readonly Outcome[];
}

const UUIDV7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** True for a lowercase UUIDv7 with the RFC 9562 variant (what the uuidv7 package makes). */
export function isUuidV7(id: string): boolean {
  return UUIDV7_PATTERN.test(id);
}

/**
 * Why `command` cannot be delivered, as a rejected outcome (code "invalid_id" or
 * "invalid_command"), or null when it is well-formed.
 */
export function validateCommand(command: Command): Outcome | null {
  const refuse = (code: string, reason: string): Outcome => ({ status: "rejected", code, reason });
  if (typeof command.id !== "string" || !isUuidV7(command.id)) {
    return refuse("invalid_id", `command id "${String(command.id)}" is not a lowercase UUIDv7`);
  }
  if (typeof command.type !== "string" || command.type === "") {
    return refuse("invalid_command", "command type is missing");
  }
  if (typeof command.recordId !== "string" || command.recordId === "") {
    return refuse("invalid_command", "command recordId is missing");
  }
  const { baseVersion } = command;
  if (baseVersion !== null && !(Number.isSafeInteger(baseVersion) && baseVersion >= 0)) {
    return refuse(
      "invalid_command",
      `command baseVersion ${String(baseVersion)} is not null or a whole number`,
    );
  }
  try {
    parseTimestamp(command.stamp);
    commandFingerprint(command);
  } catch (error) {
    return refuse("invalid_command", (error as Error).message);
  }
  return null;
}

/**
 * The body that identifies a command: type, recordId and payload as canonical JSON (object keys
 * sorted), so the same payload with its keys in another order is the same body. The server stores
 * it beside the outcome to spot an id re-used for something else. Throws RangeError when the
 * payload is not a JSON value.
 */
export function commandFingerprint(command: Command): string {
  return canonicalJson([command.type, command.recordId, command.payload]);
}

/**
 * Delivers a batch. Malformed commands are rejected and not recorded. Each remaining command is
 * looked up by id: a known id with the same body gets its recorded outcome back, without `apply`;
 * a known id with another body is rejected with code "id_reused" and the record is left as it was;
 * a new id is applied and its outcome recorded. New commands are applied in (stamp, id, body)
 * order (then baseVersion), so the result does not depend on the order of the batch. Across
 * batches there is no such promise: `apply` must tolerate a late older command (per-field LWW,
 * or a baseVersion conflict).
 *
 * This is the in-memory model of the server's push (src/server/modules/sync/sync.service.ts): both
 * decide with the same three steps — `inDeliveryOrder`, `newCommands`, `answerEach` — and differ only
 * in where the ledger lives and how a command is applied, so the property tests of this function
 * cover the decisions production makes.
 */
export function deliver<State>(
  ledger: Ledger,
  commands: readonly Command[],
  apply: Apply<State>,
  state: State,
): Delivery<State> {
  const outcomes: Outcome[] = new Array(commands.length);
  const { valid, invalid } = inDeliveryOrder(commands);
  for (const { index, outcome } of invalid) outcomes[index] = outcome;

  const next = new Map(ledger);
  let current = state;
  for (const { command, fingerprint } of newCommands(valid, (id) => ledger.has(id))) {
    const applied = apply(command, current);
    current = applied.state;
    next.set(command.id, { fingerprint, outcome: applied.outcome });
  }
  answerEach(valid, next, outcomes, {
    isSameCommand: (entry, { fingerprint }) => entry.fingerprint === fingerprint,
    idReused: (command): Outcome => ({
      status: "rejected",
      code: "id_reused",
      reason: `command id ${command.id} was already used for a different command`,
    }),
  });
  return { ledger: next, state: current, outcomes };
}

/**
 * The commands of a batch to apply, in delivery order: those whose id is not `known` (recorded by an
 * earlier delivery), each id once — an id sent twice in the batch is applied for its first command,
 * and the other is answered from that (`answerEach`).
 */
export function newCommands(
  valid: readonly OrderedCommand[],
  known: (id: string) => boolean,
): OrderedCommand[] {
  const fresh: OrderedCommand[] = [];
  const seen = new Set<string>();
  for (const entry of valid) {
    if (!known(entry.command.id) && !seen.has(entry.command.id)) fresh.push(entry);
    seen.add(entry.command.id);
  }
  return fresh;
}

/**
 * How a ledger tells a command sent again from an id used for another, and answers the latter. The
 * outcome's shape is the ledger's (the server's carries translated messages).
 */
export interface AnswerRules<O, Entry extends { readonly outcome: O }> {
  /** True when `entry` records this very command (the same body; on the server, the same sender too). */
  isSameCommand(entry: Entry, ordered: OrderedCommand): boolean;
  idReused(command: Command): O;
}

/**
 * Answers each well-formed command of a batch once every new one is recorded in `ledger`: the same
 * command gets its first outcome (the very object), an id used for another command `idReused`.
 * Fills `outcomes` at each command's index in the batch.
 */
export function answerEach<O, Entry extends { readonly outcome: O }>(
  valid: readonly OrderedCommand[],
  ledger: ReadonlyMap<string, Entry>,
  outcomes: O[],
  rules: AnswerRules<O, Entry>,
): void {
  for (const ordered of valid) {
    const entry = ledger.get(ordered.command.id);
    if (!entry) throw new Error(`command ${ordered.command.id} was neither recorded nor applied`);
    outcomes[ordered.index] = rules.isSameCommand(entry, ordered)
      ? entry.outcome
      : rules.idReused(ordered.command);
  }
}

/** A well-formed command of a batch, with its place in the batch and its body's fingerprint. */
export interface OrderedCommand {
  readonly index: number;
  readonly command: Command;
  readonly fingerprint: string;
}

/**
 * A batch split into its malformed commands (with their rejections) and its well-formed ones in the
 * order they are applied: by stamp, then id, body and baseVersion, so that however the batch was
 * shuffled on the way it means the same thing. `deliver` and the server's push both use it.
 */
export function inDeliveryOrder(commands: readonly Command[]): {
  valid: OrderedCommand[];
  invalid: { index: number; outcome: Outcome }[];
} {
  const valid: OrderedCommand[] = [];
  const invalid: { index: number; outcome: Outcome }[] = [];
  commands.forEach((command, index) => {
    const refused = validateCommand(command);
    if (refused) invalid.push({ index, outcome: refused });
    else valid.push({ index, command, fingerprint: commandFingerprint(command) });
  });
  valid.sort(
    (a, b) =>
      compareStrings(a.command.stamp, b.command.stamp) ||
      compareStrings(a.command.id, b.command.id) ||
      compareStrings(a.fingerprint, b.fingerprint) ||
      (a.command.baseVersion ?? -1) - (b.command.baseVersion ?? -1),
  );
  return { valid, invalid };
}

/** Code-unit order: formatted stamps sort in HLC order this way (localeCompare would not). */
function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** JSON with object keys sorted; refuses anything JSON cannot carry as-is. */
function canonicalJson(value: unknown, ancestors: readonly object[] = []): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`payload holds ${value}, which JSON cannot carry`);
    return JSON.stringify(value);
  }
  if (typeof value !== "object") {
    throw new RangeError(`payload holds a value of type ${typeof value}, which is not JSON`);
  }
  if (ancestors.includes(value)) throw new RangeError("payload refers to itself");
  const inside = [...ancestors, value];
  // Array.from visits holes as undefined, so a sparse array is refused rather than read as nulls.
  if (Array.isArray(value)) return `[${Array.from(value, (item) => canonicalJson(item, inside)).join(",")}]`;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new RangeError("payload holds an object that is not plain JSON (a Date, Map, class instance…)");
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort(compareStrings);
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key], inside)}`).join(",")}}`;
}
