import type { ScorecardAuditAction } from "../../../contracts/audit-actions";
import type { Db } from "../../db/database";
import { can } from "../../platform/access";
import type { AuditEvent } from "../../platform/audit";
import { command, commandSteps, type Requirement, type Rollup, type Step } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { AppError, conflict, notFound } from "../../platform/errors";
import * as rollups from "../../platform/rollups/rollups.engine";
import { type CycleInScope, cyclesInScope, findCycleInScope, getCycleInScope } from "../isaf/cycles.service";
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
  action: ScorecardAuditAction;
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

/** The card and its cycle when they lie in the actor's area (nothing otherwise): what a change loads. */
async function findCard(ctx: Ctx, id: string): Promise<CardInScope | null> {
  const card = await repo.findInScope(ctx.db, ctx.actor, id);
  const cycle = card && (await findCycleInScope(ctx.db, ctx.actor, card.cycleId));
  return card && cycle ? { card, cycle } : null;
}

/** The ability a change of the card needs, on its cycle: the one the change names, or the card kind's. */
function editRequirement(options: EditOptions): Requirement<CardInScope> {
  return {
    onRecord: true,
    allows: (ctx, found) =>
      can(isafPolicy, options.ability ?? editAbility(found!.card.kind), ctx.actor, found!.cycle),
  };
}

/** The dashboard counters move with every change of a card, in its transaction. */
const trackedCard: Rollup<CardInScope> = (tx, { card }, write) =>
  rollups.tracked(tx, SCORECARD_FACT, card.id, write);

/**
 * The one way a card changes online, through the write path (platform/command.ts): in the caller's
 * area, with the ability, in one transaction that locks the card, refuses a locked or stale card,
 * moves the dashboard counters, moves the version on, stamps the fields written with the server's
 * clock and writes the audit event. Any refusal rolls everything back. Answers with the changed card
 * and its cycle, which the HTTP routes present.
 */
export async function editCard(ctx: Ctx, id: string, edit: Edit): Promise<CardInScope> {
  // The request's own values are checked before the card is read: a bad value is 400 before 404.
  edit.check?.(ctx.clock.now());
  const { found } = await command(ctx, {
    entity: "scorecard",
    load: () => findCard(ctx, id),
    requires: editRequirement(edit.options),
    lock: async (tx, { cycle }) => {
      const card = await repo.lock(tx, id);
      assertCurrent(card, edit.options);
      return { card, cycle };
    },
    write: async (tx, { card, cycle }, now) => {
      const fields = edit.options.fields ?? [];
      const stamps = fields.length
        ? withStamps(card.fieldStamps, fields, serverStamp(card.fieldStamps, now.getTime()))
        : undefined;
      const outcomes = await edit.change(tx, card, cycle, new Set(fields));
      const refused = outcomes.find((outcome) => outcome instanceof AppError);
      if (refused) throw refused;
      const changed = await touchAccepted(tx, card, outcomes, now, stamps);
      return { found: { card: changed, cycle }, events: auditOf(card, cycle, edit.options, outcomes) };
    },
    audit: (_found, { events }) => events,
    rollup: trackedCard,
  });
  return found;
}

/**
 * Edits of one card one after the other, as the field app pushes a meeting (scorecards.sync.ts): a
 * run of the write path (commandSteps) where each is checked and applied as editCard would (its
 * checks, ability, the card's lock and version, the change, a version step and an audit event per
 * change), each in its own savepoint so that a refused edit is rolled back alone and answered with its
 * refusal while the next ones still apply. What makes it cheaper than editCard per edit: the card is
 * read and locked once, and its dashboard counters are tracked once around them all (the same
 * totals). Answers every change, in order, with the card's version after it (and the fields a later
 * write held) or its refusal.
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
  const answers = await commandSteps(
    ctx,
    {
      entity: "scorecard",
      load: () => findCard(ctx, id),
      lock: async (tx, { cycle }) => ({ card: await repo.lock(tx, id), cycle }),
      rollup: trackedCard,
    },
    steps.map(({ edit, stamp }) => pushedStep(ctx, edit, stamp)),
  );
  // A refused step refuses each of its changes (a meeting's scores are several changes in one step).
  return answers.flatMap((answer, i) =>
    answer instanceof AppError ? new Array<AppError>(steps[i]!.edit.count).fill(answer) : answer.answers,
  );
}

/** What a pushed step did: an answer per change, and the audit events that say so. */
interface Pushed {
  answers: (Applied | AppError)[];
  events: AuditEvent[];
}

/** A pushed edit as a step of the card's run: merged by stamp when it names its fields. */
function pushedStep(ctx: Ctx, edit: Edit, stamp: string): Step<CardInScope, Pushed> {
  // Worked out by `check` on the card as the steps before left it, and written by `write`.
  let merge: Merge | undefined;
  return {
    validate: () => edit.check?.(ctx.clock.now()),
    requires: editRequirement(edit.options),
    check: ({ card }) => {
      const fields = edit.options.fields;
      merge = fields
        ? mergeOf(card.fieldStamps, fields, stamp, edit.options.version !== card.version)
        : undefined;
      assertCurrent(card, edit.options, merge !== undefined);
    },
    write: async (tx, { card, cycle }, now) => {
      const lost = merge?.overtaken.length ? { overtaken: merge.overtaken } : {};
      if (merge && merge.kept.length === 0) {
        const unchanged: Applied = { version: card.version, ...lost };
        const answers = new Array<Applied>(edit.count).fill(unchanged);
        return {
          row: { card, cycle },
          result: { answers, events: [eventOf(card, cycle, edit.options, {}, merge)] },
        };
      }
      const outcomes = await edit.change(tx, card, cycle, new Set(merge?.kept));
      const stamps = merge && withStamps(card.fieldStamps, merge.kept, stamp);
      const changed = await touchAccepted(tx, card, outcomes, now, stamps);
      let version = card.version;
      return {
        row: { card: changed, cycle },
        result: {
          answers: outcomes.map((o) => (o instanceof AppError ? o : { version: ++version, ...lost })),
          events: auditOf(card, cycle, edit.options, outcomes, merge),
        },
      };
    },
    audit: (_found, { events }) => events,
  };
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

function accepted(outcomes: readonly (Changed | AppError)[]): Changed[] {
  return outcomes.filter((outcome): outcome is Changed => !(outcome instanceof AppError));
}

/**
 * Moves the version on by one per accepted change, their `set` columns and the fields' new stamps
 * written together; writes nothing when every change was refused. Answers with the card.
 */
async function touchAccepted(
  tx: Db,
  current: ScorecardRow,
  outcomes: readonly (Changed | AppError)[],
  now: Date,
  stamps?: FieldStamps,
): Promise<ScorecardRow> {
  const steps = accepted(outcomes);
  if (steps.length === 0) return current;
  const set = Object.assign({}, ...steps.map((step) => step.set ?? {}), stamps && { fieldStamps: stamps });
  return repo.touch(tx, current.id, now, set, steps.length);
}

/** One audit event per accepted change, with what a merge kept and dropped. */
function auditOf(
  card: ScorecardRow,
  cycle: CycleInScope,
  options: EditOptions,
  outcomes: readonly (Changed | AppError)[],
  merge?: Merge,
): AuditEvent[] {
  return accepted(outcomes).map(({ changes }) => eventOf(card, cycle, options, changes ?? {}, merge));
}

function eventOf(
  card: ScorecardRow,
  cycle: CycleInScope,
  options: EditOptions,
  changes: Record<string, unknown>,
  merge: Merge | undefined,
): AuditEvent {
  return {
    action: `scorecard.${options.action}`,
    entityType: "scorecard",
    entityId: card.id,
    placeCode: cycle.communeCode,
    changes: { kind: card.kind, ...changes, ...mergeNote(merge) },
  };
}
