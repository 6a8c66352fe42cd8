import type { Db } from "../../db/database";
import { authorize } from "../../platform/access";
import { auditAll } from "../../platform/audit";
import type { Ctx } from "../../platform/context";
import { AppError, conflict, notFound } from "../../platform/errors";
import { refusalOf } from "../../platform/problem";
import * as rollups from "../../platform/rollups/rollups.engine";
import { type CycleInScope, cyclesInScope, getCycleInScope } from "../isaf/cycles.service";
import { isafPolicy } from "../isaf/isaf.policy";
import { SCORECARD_FACT } from "./scorecards.facts";
import { MODE_NAMES } from "./scorecards.messages";
import * as repo from "./scorecards.repo";
import { type FieldStamps, type Merge, mergeOf, serverStamp, withStamps } from "./scorecards.stamps";

export type ScorecardRow = repo.ScorecardRow;

export interface CardInScope {
  card: ScorecardRow;
  cycle: CycleInScope;
}

/** Who records a card: the community's by those who facilitate the cycle, the self-assessment also by the provider. */
export function editAbility(kind: "community" | "self") {
  return kind === "community" ? ("cycle:facilitate" as const) : ("scorecard:self_assess" as const);
}

/** The card and its cycle, when they lie in the actor's area; 404 otherwise. */
export async function loadCard(ctx: Ctx, id: string): Promise<CardInScope> {
  const card = await repo.findInScope(ctx.db, ctx.actor, id);
  if (!card) throw notFound("scorecard");
  const cycle = await getCycleInScope(ctx.db, ctx.actor, card.cycleId);
  return { card, cycle };
}

/** The cards among `ids` in the actor's area, each with its cycle (cards out of scope are left out). */
export async function loadCards(ctx: Ctx, ids: readonly string[]): Promise<CardInScope[]> {
  const cards = await repo.findManyInScope(ctx.db, ctx.actor, ids);
  const cycles = await cyclesInScope(ctx.db, ctx.actor, [...new Set(cards.map((card) => card.cycleId))]);
  return cards.flatMap((card) => {
    const cycle = cycles.get(card.cycleId);
    return cycle ? [{ card, cycle }] : [];
  });
}

/** Submitted and approved cards are locked: every edit is refused until the card is returned or a change is granted. */
export function isLocked(card: Pick<ScorecardRow, "status">): boolean {
  return card.status === "submitted" || card.status === "approved";
}

export function assertEditable(
  card: Pick<ScorecardRow, "status">,
  code: "scorecard_locked" | "self_scorecard_locked" = "scorecard_locked",
) {
  if (isLocked(card)) throw conflict(code);
}

export function assertMode(card: Pick<ScorecardRow, "mode">, mode: "individual" | "tally") {
  if (card.mode !== mode) throw new AppError(409, "scorecard_mode_mismatch", { mode: MODE_NAMES[card.mode] });
}

export interface EditOptions {
  /** The audit action after "scorecard.". */
  action: string;
  /** When given, the card's version must still be this one. */
  version?: number;
  /** Which ability the change needs (the card kind's edit ability unless told). */
  ability?: "cycle:facilitate" | "scorecard:self_assess" | "scorecard:review" | "scorecard:request_change";
  /** Changes allowed on a locked card (the review's own steps). */
  whileLocked?: boolean;
  /**
   * The card's fields the change writes (scorecards.stamps.ts FIELD), each stamped with its write.
   * Pushed by the field app onto a draft or returned card, the change merges by stamp instead of
   * checking the version (editCardInSteps); online it stays strictly versioned.
   */
  fields?: readonly string[];
}

/** What a change did: the audit's changes, and columns of the card itself to set. */
export interface Changed {
  changes?: Record<string, unknown>;
  set?: Parameters<typeof repo.touch>[3];
}
/** `written`: which of the change's fields it writes (all online; merged, those whose stamp won). */
export type Change = (
  tx: Db,
  card: ScorecardRow,
  cycle: CycleInScope,
  written: ReadonlySet<string>,
) => Promise<Changed>;

/**
 * A change of a card as a service describes it, for editCard (the API) or editCardInSteps (the
 * field app's push) to apply: usually one change (singleEdit); several of the same kind for a run the
 * push applies in one go (a meeting's scores). `change` answers each with what it did or with the
 * refusal that leaves it out; a refusal it throws refuses them all.
 */
export interface Edit {
  options: EditOptions;
  /** How many changes these are: the length of what `change` answers. */
  count: number;
  /** Checks of the request's own values, made before the card is read (`now`: the context's clock). */
  check?: (now: Date) => void;
  change: (
    tx: Db,
    card: ScorecardRow,
    cycle: CycleInScope,
    written: ReadonlySet<string>,
  ) => Promise<(Changed | AppError)[]>;
}

/**
 * What a pushed change did: the card's version after it and, when a later write held some of its
 * fields, which (the field app tells the phone that made it, docs/mechanisms/sync.md).
 */
export interface Applied {
  version: number;
  overtaken?: string[];
}

/** A change pushed by the field app, with the stamp of its command. */
export interface StampedEdit {
  edit: Edit;
  stamp: string;
}

/** One change (a refusal is thrown), the usual Edit. */
export function singleEdit(options: EditOptions, change: Change, check?: (now: Date) => void): Edit {
  return {
    options,
    count: 1,
    check,
    change: async (tx, card, cycle, written) => [await change(tx, card, cycle, written)],
  };
}

/**
 * The one way a card changes: in the caller's area, with the ability, in one transaction that locks
 * the card, refuses a locked or stale card, moves the dashboard counters (rollups.tracked), moves the
 * version on, stamps the fields written with the server's clock and writes the audit event. Any
 * refusal rolls everything back. Answers with the changed card and its cycle, which the HTTP routes
 * present.
 */
export async function editCard(ctx: Ctx, id: string, edit: Edit): Promise<CardInScope> {
  edit.check?.(ctx.clock.now());
  const { card, cycle } = await loadCard(ctx, id);
  authorize(isafPolicy, edit.options.ability ?? editAbility(card.kind), ctx.actor, cycle);
  const updated = await ctx.db.transaction(async (tx) => {
    const current = await repo.lock(tx, id);
    assertCurrent(current, edit.options);
    const fields = edit.options.fields ?? [];
    const stamps = fields.length
      ? withStamps(current.fieldStamps, fields, serverStamp(current.fieldStamps, ctx.clock.now().getTime()))
      : undefined;
    return rollups.tracked(tx, SCORECARD_FACT, id, async () => {
      const outcomes = await edit.change(tx, current, cycle, new Set(fields));
      const refused = outcomes.find((outcome) => outcome instanceof AppError);
      if (refused) throw refused;
      return record(ctx, tx, current, cycle, edit.options, outcomes, stamps);
    });
  });
  return { card: updated, cycle };
}

/**
 * Edits of one card one after the other, as the field app pushes a meeting (scorecards.sync.ts): each
 * checked and applied as editCard would (its checks, ability, the card's lock and version, the
 * change, a version step and an audit event per change), each in its own savepoint so that a
 * refused edit is rolled back alone and answered with its refusal while the next ones still apply.
 * What makes it cheaper than editCard per edit: the card is read and locked once, and its dashboard
 * counters are tracked once around them all (the same totals). Answers every change, in order, with
 * the card's version after it (and the fields a later write held) or its refusal.
 *
 * A change that names its fields (a versioned one but submit) merges by stamp on a draft or returned
 * card instead of checking the version: it writes the fields where its stamp is later than the one
 * held and leaves the others (scorecards.stamps.ts). When a later write holds every field it is
 * still applied, changing nothing: no version step, and an audit event that says it was overtaken.
 */
export async function editCardInSteps(
  ctx: Ctx,
  id: string,
  steps: StampedEdit[],
): Promise<(Applied | AppError)[]> {
  const edits = steps.map((step) => step.edit);
  const found = await loadCard(ctx, id).catch(asRefusal);
  if (found instanceof AppError) {
    // As in editCard, an edit's own checks come before "not found".
    return edits.flatMap((edit) => {
      let refused = found;
      try {
        edit.check?.(ctx.clock.now());
      } catch (error) {
        refused = asRefusal(error);
      }
      return new Array<AppError>(edit.count).fill(refused);
    });
  }
  const { card, cycle } = found;
  return ctx.db.transaction(async (tx) => {
    let current = await repo.lock(tx, id);
    return rollups.tracked(tx, SCORECARD_FACT, id, async () => {
      const answers: (Applied | AppError)[] = [];
      for (const { edit, stamp } of steps) {
        try {
          const { row, versions } = await tx.transaction(async (savepoint) => {
            edit.check?.(ctx.clock.now());
            authorize(isafPolicy, edit.options.ability ?? editAbility(card.kind), ctx.actor, cycle);
            const fields = edit.options.fields;
            const merge = fields
              ? mergeOf(current.fieldStamps, fields, stamp, edit.options.version !== current.version)
              : undefined;
            assertCurrent(current, edit.options, merge !== undefined);
            const lost = merge?.overtaken.length ? { overtaken: merge.overtaken } : {};
            if (merge && merge.kept.length === 0) {
              await recordOvertaken(ctx, savepoint, current, cycle, edit.options, merge);
              const unchanged: Applied = { version: current.version, ...lost };
              return { row: current, versions: new Array<Applied>(edit.count).fill(unchanged) };
            }
            const outcomes = await edit.change(savepoint, current, cycle, new Set(merge?.kept));
            const stamps = merge && withStamps(current.fieldStamps, merge.kept, stamp);
            const row = await record(ctx, savepoint, current, cycle, edit.options, outcomes, stamps, merge);
            let version = current.version;
            return {
              row,
              versions: outcomes.map((o) => (o instanceof AppError ? o : { version: ++version, ...lost })),
            };
          });
          current = row;
          answers.push(...versions);
        } catch (error) {
          answers.push(...new Array<AppError>(edit.count).fill(asRefusal(error)));
        }
      }
      return answers;
    });
  });
}

/** The refusal `error` is; a fault is thrown again. */
function asRefusal(error: unknown): AppError {
  const refused = refusalOf(error);
  if (!refused) throw error;
  return refused;
}

/**
 * Refuses a locked card (unless the change is a review step), whatever the stamp, and a stale one
 * unless the change merges by stamp.
 */
function assertCurrent(card: ScorecardRow, options: EditOptions, merging = false) {
  if (!options.whileLocked) assertEditable(card);
  if (merging) return;
  if (options.version !== undefined && options.version !== card.version) throw conflict("version_conflict");
}

/** What the audit says of a merge: which fields were taken and which a later write held. */
function mergeNote(merge: Merge | undefined) {
  if (!merge || (!merge.stale && merge.overtaken.length === 0)) return {};
  return { merge: { stamp: merge.stamp, kept: merge.kept, overtaken: merge.overtaken } };
}

/**
 * Moves the version on by one per accepted change (their `set` columns and the fields' new stamps
 * written together) and writes each one's audit event, with what a merge kept and dropped; writes
 * nothing when every change was refused. Answers with the card.
 */
async function record(
  ctx: Ctx,
  tx: Db,
  current: ScorecardRow,
  cycle: CycleInScope,
  options: EditOptions,
  outcomes: (Changed | AppError)[],
  stamps?: FieldStamps,
  merge?: Merge,
): Promise<ScorecardRow> {
  const accepted = outcomes.filter((outcome): outcome is Changed => !(outcome instanceof AppError));
  if (accepted.length === 0) return current;
  const set = Object.assign({}, ...accepted.map((step) => step.set ?? {}), stamps && { fieldStamps: stamps });
  const row = await repo.touch(tx, current.id, ctx.clock.now(), set, accepted.length);
  await auditAll(
    tx,
    ctx,
    accepted.map(({ changes }) => ({
      action: `scorecard.${options.action}`,
      entityType: "scorecard",
      entityId: current.id,
      placeCode: cycle.communeCode,
      changes: { kind: current.kind, ...(changes ?? {}), ...mergeNote(merge) },
    })),
  );
  return row;
}

/** A merged change where a later write held every field: the card is left as it was, the audit says so. */
async function recordOvertaken(
  ctx: Ctx,
  tx: Db,
  current: ScorecardRow,
  cycle: CycleInScope,
  options: EditOptions,
  merge: Merge,
) {
  await auditAll(tx, ctx, [
    {
      action: `scorecard.${options.action}`,
      entityType: "scorecard",
      entityId: current.id,
      placeCode: cycle.communeCode,
      changes: { kind: current.kind, ...mergeNote(merge) },
    },
  ]);
}
