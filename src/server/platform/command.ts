import type { Db } from "../db/database";
import { type AbilitySet, can, type RecordOf } from "./access";
import { type AuditEvent, auditAll } from "./audit";
import type { Ctx } from "./context";
import { type AppError, conflict, forbidden, notFound } from "./errors";
import { refusalOf } from "./problem";

/**
 * The one write path (issue 12, part 3). A change to a record takes the same steps in every module:
 * load the record in the actor's scope (none: 404), check the ability on it (not held: 403), the
 * service's own rules, then ONE transaction that checks the version (stale: 409), writes, moves the
 * rollups and writes the audit event; a throw anywhere in it leaves nothing written. Services describe
 * the steps that are theirs (which record, which ability, what to write, what to audit) and call
 * `command`; creating a record is `creation`. Read docs/mechanisms/write-path.md.
 */

/** The ability a command needs, checked with the access kernel (platform/abilities.ts). */
export interface Requirement<R> {
  /** True when the actor holds it (on the record, when `onRecord`); not held is 403. */
  allows(ctx: Ctx, row: R | undefined): boolean;
  /** True when the ability is checked on the record: then only after the record is loaded. */
  onRecord: boolean;
}

function authorizeBy<R>(requirement: Requirement<R>, ctx: Ctx, row: R | undefined) {
  if (!requirement.allows(ctx, row)) throw forbidden();
}

/**
 * The ability `name` of `abilities`, checked on the record as `on` presents it to the kernel. Without
 * `on`, the ability does not depend on the record (`null`) and is checked before anything is loaded,
 * so that a caller without it hears 403 whether or not the record exists.
 */
export function requires<S extends AbilitySet, K extends keyof S & string, R>(
  abilities: S,
  name: K,
  on?: (row: R) => RecordOf<S[K]>,
): Requirement<R> {
  return {
    onRecord: on !== undefined,
    allows: (ctx, row) => can(abilities, name, ctx.actor, (on ? on(row as R) : null) as RecordOf<S[K]>),
  };
}

/**
 * Held when any of `requirements` is (marking a committee formed: its facilitator, or a supervisor who
 * may override its quotas). Checked on the record when any of them is.
 */
export function anyOf<R>(...requirements: Requirement<R>[]): Requirement<R> {
  return {
    onRecord: requirements.some((requirement) => requirement.onRecord),
    allows: (ctx, row) => requirements.some((requirement) => requirement.allows(ctx, row)),
  };
}

/**
 * Held when every one of `requirements` is (managing a user also needs reading users). Checked on the
 * record when any of them is, so combine abilities of the same kind: all before loading, or all on it.
 */
export function allOf<R>(...requirements: Requirement<R>[]): Requirement<R> {
  return {
    onRecord: requirements.some((requirement) => requirement.onRecord),
    allows: (ctx, row) => requirements.every((requirement) => requirement.allows(ctx, row)),
  };
}

/** The optimistic lock: the version the caller read, and the record's own. */
export interface Versioned<R> {
  expected: number;
  of: (row: R) => number;
}

/** Wraps the write so that the module's rollups move with it (e.g. `rollups.tracked`). */
export type Rollup<R> = <T>(tx: Db, row: R, write: () => Promise<T>) => Promise<T>;

export interface Command<R, T> {
  /** The entity's name in "not found". */
  entity: string;
  /** Reads the record in the actor's scope; nothing when it is missing or out of scope (both 404). */
  load: (db: Db) => Promise<R | null | undefined>;
  /** The ability the change needs. Required: access is deny by default. */
  requires: Requirement<NoInfer<R>>;
  /** The service's own rules, before the transaction (a throw refuses the change). */
  check?: (row: R) => void | Promise<void>;
  /** When the change carries the version the caller read: another version is 409 version_conflict. */
  version?: Versioned<R>;
  /**
   * First in the transaction, before the rollup and the write: locks the record and re-reads what must
   * still hold while the change is written (a committee not yet formed); a throw refuses the change.
   * What it answers is the record the rollup, the write and the audit see.
   */
  lock?: (tx: Db, row: R) => Promise<R>;
  /**
   * Writes the change in the transaction, at `now` (the context's clock). Nothing (null or undefined)
   * means the row moved on under an optimistic `where version = …`: 409 version_conflict.
   */
  write: (tx: Db, row: R, now: Date) => Promise<T | null | undefined>;
  /** The audit events of the change, written in its transaction after the write (none: null). */
  audit: (row: R, result: T) => AuditEvent | readonly AuditEvent[] | null;
  /** The module's rollups, moved in the same transaction. */
  rollup?: Rollup<R>;
}

/** Runs a change to an existing record through the one write path; answers what `write` returned. */
export async function command<R, T>(ctx: Ctx, spec: Command<R, T>): Promise<T> {
  if (!spec.requires.onRecord) authorizeBy(spec.requires, ctx, undefined);
  const loaded = await spec.load(ctx.db);
  if (loaded == null) throw notFound(spec.entity);
  if (spec.requires.onRecord) authorizeBy(spec.requires, ctx, loaded);
  await spec.check?.(loaded);
  if (spec.version && spec.version.of(loaded) !== spec.version.expected) throw conflict("version_conflict");
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const row = spec.lock ? await spec.lock(tx, loaded) : loaded;
    const write = async () => {
      const result = await spec.write(tx, row, now);
      if (result == null) throw conflict("version_conflict");
      return result;
    };
    const result = spec.rollup ? await spec.rollup(tx, row, write) : await write();
    await auditEvents(ctx, tx, spec.audit(row, result));
    return result;
  });
}

/** The record a run of changes works on (`commandSteps`): loaded in scope, locked, its rollups moved once. */
export interface Run<R> {
  entity: string;
  load: (db: Db) => Promise<R | null | undefined>;
  /** First in the transaction: locks the record; what it answers is what the first step sees. */
  lock?: (tx: Db, row: R) => Promise<R>;
  /** The module's rollups, moved once around all the steps (the same totals as step by step). */
  rollup?: Rollup<R>;
}

/** One change of a run: a command's steps, on the record as the changes before it left it. */
export interface Step<R, T> {
  /** Checks of the change's own values, which come before the record's 404 (a bad value is 400 first). */
  validate?: () => void;
  requires: Requirement<NoInfer<R>>;
  /** The service's rules on the record as it stands now (a locked card, a stale version). */
  check?: (row: R) => void | Promise<void>;
  /** Writes the change; answers the record after it (what the next step sees) and what it did. */
  write: (tx: Db, row: R, now: Date) => Promise<{ row: R; result: T }>;
  audit: (row: R, result: T) => AuditEvent | readonly AuditEvent[] | null;
}

/**
 * A run of changes to one record, as the field app pushes a meeting's edits of a card: the record is
 * loaded in scope and locked once and its rollups tracked once around them all, and each change takes
 * a command's steps (its checks, its ability, its rules, its write and audit) in its own savepoint, so
 * that a refused change is rolled back alone and answered with its refusal while the next ones still
 * apply. Answers each step, in order, with what its write did or its refusal; a fault (500) is thrown
 * and writes nothing.
 */
export async function commandSteps<R, T>(
  ctx: Ctx,
  run: Run<R>,
  steps: readonly Step<R, T>[],
): Promise<(T | AppError)[]> {
  const loaded = await run.load(ctx.db);
  if (loaded == null) {
    // Each step hears what a command would: its own values' refusal, a 403 that does not depend on
    // the record, and only then 404.
    return steps.map((step) => {
      try {
        step.validate?.();
        if (!step.requires.onRecord) authorizeBy(step.requires, ctx, undefined);
        return notFound(run.entity);
      } catch (error) {
        return asRefusal(error);
      }
    });
  }
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    let current: R = run.lock ? await run.lock(tx, loaded) : loaded;
    const applyAll = async () => {
      const answers: (T | AppError)[] = [];
      for (const step of steps) {
        try {
          const written = await tx.transaction(async (savepoint) => {
            step.validate?.();
            authorizeBy(step.requires, ctx, current);
            await step.check?.(current);
            const after = await step.write(savepoint, current, now);
            await auditEvents(ctx, savepoint, step.audit(after.row, after.result));
            return after;
          });
          current = written.row;
          answers.push(written.result);
        } catch (error) {
          answers.push(asRefusal(error));
        }
      }
      return answers;
    };
    return run.rollup ? run.rollup(tx, current, applyAll) : applyAll();
  });
}

/** The refusal `error` is (below 500); a fault is thrown again, so that it writes nothing. */
function asRefusal(error: unknown): AppError {
  const refusal = refusalOf(error);
  if (!refusal) throw error;
  return refusal;
}

export interface Creation<I, T> {
  /** The ability, checked on the new record as the caller describes it (its place, its office), after `check`. */
  requires: Requirement<NoInfer<I>>;
  /** The record to be, as the access kernel sees it (and as `check` and `write` take it). */
  input: I;
  check?: (input: I) => void | Promise<void>;
  write: (tx: Db, input: I, now: Date) => Promise<T>;
  audit: (input: I, result: T) => AuditEvent | readonly AuditEvent[] | null;
  rollup?: Rollup<I>;
}

/** Creates a record through the one write path: authorise, check, then write and audit in one transaction. */
export async function creation<I, T>(ctx: Ctx, spec: Creation<I, T>): Promise<T> {
  // An ability on the new record is checked once its input is known to be sound (its place exists),
  // as a change's is once its record is loaded; one that does not depend on the record comes first.
  if (!spec.requires.onRecord) authorizeBy(spec.requires, ctx, spec.input);
  await spec.check?.(spec.input);
  if (spec.requires.onRecord) authorizeBy(spec.requires, ctx, spec.input);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const write = () => spec.write(tx, spec.input, now);
    const result = spec.rollup ? await spec.rollup(tx, spec.input, write) : await write();
    await auditEvents(ctx, tx, spec.audit(spec.input, result));
    return result;
  });
}

async function auditEvents(ctx: Ctx, tx: Db, events: AuditEvent | readonly AuditEvent[] | null) {
  if (events === null) return;
  await auditAll(tx, ctx, Array.isArray(events) ? events : [events as AuditEvent]);
}
