import { uuidv7 } from "uuidv7";
import type { AuditAction } from "../../../contracts/audit-actions";
import { type Committee, type MemberInput, OVERRIDE_REASON_MIN } from "../../../contracts/jaap";
import {
  checkQuotas,
  DEFAULT_QUOTA_RULES,
  type QuotaCheck,
  type QuotaResult,
} from "../../../domain/committee-quota";
import { isYouth } from "../../../domain/isaf-cycle";
import type { Db } from "../../db/database";
import { authorize, can } from "../../platform/access";
import { type AuditEvent, created, diff } from "../../platform/audit";
import { anyOf, type Command, command, requires } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { conflict, notFound } from "../../platform/errors";
import { type Locale, message } from "../../platform/messages";
import * as rollups from "../../platform/rollups/rollups.engine";
import * as cycleCommittee from "../isaf/cycle-committee.service";
import { type CycleInScope, findCycleInScope, getCycleInScope } from "../isaf/cycles.service";
import { CYCLE_FACT } from "../isaf/isaf.facts";
import { isafPolicy } from "../isaf/isaf.policy";
import * as scorecards from "../scorecards/scorecards.service";
import * as directory from "../users/people.service";
import * as repo from "./committee.repo";

/**
 * The JAAP monitoring committee (issue 3, part 8): its members, the programme's quota rules checked
 * live, and marking it formed — refused while a rule fails unless a supervisor overrides with a
 * written reason. The committee_* columns of the cycle are counted facts (rollups.tracked "cycle").
 */
const MEMBER_FIELDS = ["name", "sex", "age", "ethnicMinority", "role"] as const;

/** The quota check of these members, with the programme's rules, read through `db` (or a transaction). */
async function quotaOf(db: Db, cycle: CycleInScope, members: repo.MemberRow[]) {
  const [rules, minority] = await Promise.all([
    cycleCommittee.quotaRulesOf(db, cycle.programmeId),
    scorecards.communeHasMinorityParticipants(db, cycle.communeCode, cycle.year),
  ]);
  return { ...checkQuotas(members, rules ?? DEFAULT_QUOTA_RULES, minority), minority };
}

async function present(ctx: Ctx, cycle: CycleInScope): Promise<Committee> {
  const rows = await repo.members(ctx.db, cycle.id);
  const quota = await quotaOf(ctx.db, cycle, rows);
  const formed = cycle.committeeFormedAt !== null;
  const facilitate = can(isafPolicy, "cycle:facilitate", ctx.actor, cycle);
  const override = can(isafPolicy, "committee:override", ctx.actor, cycle);
  const overrideBy = cycle.committeeOverrideBy
    ? {
        id: cycle.committeeOverrideBy,
        displayName:
          (await directory.namesOf(ctx.db, [cycle.committeeOverrideBy])).get(cycle.committeeOverrideBy) ?? "",
      }
    : null;
  return {
    cycleId: cycle.id,
    members: rows.map((row) => ({
      id: row.id,
      name: row.name,
      sex: row.sex,
      age: row.age,
      ethnicMinority: row.ethnicMinority,
      role: row.role,
      youth: isYouth(row.age),
      updatedAt: row.updatedAt.toISOString(),
    })),
    quota: {
      checks: quota.checks,
      compliant: quota.compliant,
      communeHasMinorityParticipants: quota.minority,
    },
    formed: cycle.committeeFormedAt
      ? {
          at: cycle.committeeFormedAt.toISOString(),
          quotaMet: cycle.committeeQuotaMet ?? false,
          overrideReason: cycle.committeeOverrideReason,
          overrideBy,
        }
      : null,
    can: { edit: facilitate && !formed, form: facilitate || override, override },
  };
}

async function cycleFor(ctx: Ctx, cycleId: string) {
  return getCycleInScope(ctx.db, ctx.actor, cycleId);
}

export async function get(ctx: Ctx, cycleId: string) {
  const cycle = await cycleFor(ctx, cycleId);
  authorize(isafPolicy, "cycle:read", ctx.actor, cycle);
  return present(ctx, cycle);
}

/**
 * The cycle with its committee as it is under the row lock that every committee change takes first in
 * its transaction, refused unless the committee is (or is not) formed: marking it formed takes the
 * same lock, so members cannot change after (or while) the committee is marked formed.
 */
function lockedWhile(
  formed: boolean,
  refusal: "committee_formed" | "committee_already_formed" | "committee_not_formed",
) {
  return async (tx: Db, cycle: CycleInScope): Promise<CycleInScope> => {
    const committee = await cycleCommittee.lockCommittee(tx, cycle.id);
    if (!committee) throw notFound("cycle");
    if ((committee.committeeFormedAt !== null) !== formed) throw conflict(refusal);
    return { ...cycle, ...committee };
  };
}

const onCycle = (ctx: Ctx, cycleId: string) => (db: Db) => findCycleInScope(db, ctx.actor, cycleId);

/** A member change: by the cycle's facilitators, while the committee is not formed. */
async function changeMembers<T>(
  ctx: Ctx,
  cycleId: string,
  change: Pick<Command<CycleInScope, T>, "write" | "audit">,
) {
  await command(ctx, {
    entity: "cycle",
    load: onCycle(ctx, cycleId),
    requires: requires(isafPolicy, "cycle:facilitate", (cycle: CycleInScope) => cycle),
    lock: lockedWhile(false, "committee_formed"),
    ...change,
  });
  return present(ctx, await cycleFor(ctx, cycleId));
}

/** Member changes are audited on the cycle. */
const onCommittee = (
  action: AuditAction,
  cycle: CycleInScope,
  changes: Record<string, unknown>,
): AuditEvent => ({
  action,
  entityType: "cycle",
  entityId: cycle.id,
  placeCode: cycle.communeCode,
  changes,
});

export function addMember(ctx: Ctx, cycleId: string, input: MemberInput) {
  return changeMembers(ctx, cycleId, {
    write: (tx) => repo.insertMember(tx, { id: uuidv7(), cycleId, ...input }),
    audit: (cycle, row) =>
      onCommittee("committee.member_added", cycle, {
        member: { from: null, to: { id: row.id, ...created(input, MEMBER_FIELDS) } },
      }),
  });
}

export function updateMember(
  ctx: Ctx,
  cycleId: string,
  memberId: string,
  input: MemberInput & { updatedAt: string },
) {
  const { updatedAt, ...values } = input;
  return changeMembers(ctx, cycleId, {
    write: async (tx, _cycle, now) => {
      const before = await repo.findMember(tx, cycleId, memberId);
      if (!before) throw notFound("committee_member");
      const row = await repo.updateMember(tx, cycleId, memberId, new Date(updatedAt), values, now);
      return row && { before, row };
    },
    audit: (cycle, { before, row }) =>
      onCommittee("committee.member_updated", cycle, {
        member: { from: memberId, to: memberId },
        ...diff(before, row, MEMBER_FIELDS),
      }),
  });
}

export function removeMember(ctx: Ctx, cycleId: string, memberId: string, updatedAt: string) {
  return changeMembers(ctx, cycleId, {
    write: async (tx) => {
      const before = await repo.findMember(tx, cycleId, memberId);
      if (!before) throw notFound("committee_member");
      return (await repo.deleteMember(tx, cycleId, memberId, new Date(updatedAt))) && before;
    },
    audit: (cycle, before) =>
      onCommittee("committee.member_removed", cycle, {
        member: { from: { id: memberId, ...created(before, MEMBER_FIELDS) }, to: null },
      }),
  });
}

/** Marking the committee formed (or un-forming it): its facilitators, or a supervisor who may override its quotas. */
const formsCommittee = anyOf(
  requires(isafPolicy, "cycle:facilitate", (cycle: CycleInScope) => cycle),
  requires(isafPolicy, "committee:override", (cycle: CycleInScope) => cycle),
);

const numberIn = (locale: Locale, n: number) =>
  new Intl.NumberFormat(locale === "km" ? "km-KH-u-nu-khmr" : "en-GB", { maximumFractionDigits: 0 }).format(
    n,
  );

/** The failing rules in both languages, for committee_quota_unmet. */
export function failingRules(checks: readonly QuotaCheck[]): { km: string; en: string } {
  const phrase = (locale: Locale) =>
    checks
      .filter((check) => !check.passed)
      .map((check) => {
        const share = check.rule === "women_share";
        const fill = (n: number) => numberIn(locale, share ? n * 100 : n);
        return message(`committee_quota_${check.rule}`, locale, {
          required: fill(check.required),
          actual: fill(check.actual),
        });
      })
      .join("; ");
  return { km: phrase("km"), en: phrase("en") };
}

/** Refuses forming a committee that breaks a quota, unless overridden with a written reason. */
function checkOverride(quota: QuotaResult, override: boolean, reason: string) {
  if (quota.compliant) return;
  const rules = failingRules(quota.checks);
  if (!override) throw conflict("committee_quota_unmet", [], { rules });
  if (reason.length < OVERRIDE_REASON_MIN)
    throw conflict(
      "committee_quota_unmet",
      [
        {
          path: "overrideReason",
          code: "committee_override_reason_required",
          params: { minimum: OVERRIDE_REASON_MIN },
        },
      ],
      { rules },
    );
}

/**
 * Marks the committee formed. While a quota rule fails only a supervisor (committee:override) with a
 * written reason of OVERRIDE_REASON_MIN characters may do so; it is then audited as an override.
 * Everything it decides from (formed or not, the members, the rules, the commune's minority
 * participants) is read inside its transaction after locking the cycle row, which every member change
 * locks first too — so the quota recorded is that of the members the committee is formed with.
 */
export async function markFormed(ctx: Ctx, cycleId: string, overrideReason: string | undefined) {
  const reason = overrideReason?.trim() ?? "";
  await command(ctx, {
    entity: "cycle",
    load: onCycle(ctx, cycleId),
    requires: formsCommittee,
    lock: lockedWhile(false, "committee_already_formed"),
    rollup: (tx, _cycle, write) => rollups.tracked(tx, CYCLE_FACT, cycleId, write),
    write: async (tx, cycle, now) => {
      const quota = await quotaOf(tx, cycle, await repo.members(tx, cycleId));
      checkOverride(quota, can(isafPolicy, "committee:override", ctx.actor, cycle), reason);
      const values: cycleCommittee.CommitteeColumns = {
        committeeFormedAt: now,
        committeeQuotaMet: quota.compliant,
        committeeOverrideReason: quota.compliant ? null : reason,
        committeeOverrideBy: quota.compliant ? null : ctx.actor.id,
      };
      if (!(await cycleCommittee.setCommittee(tx, cycleId, false, values, now)))
        throw conflict("committee_already_formed");
      return { quota, values };
    },
    audit: (cycle, { quota, values }) => ({
      action: quota.compliant ? "committee.formed" : "committee.formed_with_override",
      entityType: "cycle",
      entityId: cycleId,
      placeCode: cycle.communeCode,
      changes: {
        committeeFormedAt: { from: null, to: values.committeeFormedAt?.toISOString() },
        committeeQuotaMet: { from: null, to: quota.compliant },
        ...(quota.compliant
          ? {}
          : {
              committeeOverrideReason: { from: null, to: reason },
              failingRules: {
                from: null,
                to: quota.checks.filter((check) => !check.passed).map((c) => c.rule),
              },
            }),
      },
    }),
  });
  return get(ctx, cycleId);
}

/** Un-forms the committee (to change its members); the form asks for a confirmation first. */
export async function unform(ctx: Ctx, cycleId: string) {
  await command(ctx, {
    entity: "cycle",
    load: onCycle(ctx, cycleId),
    requires: formsCommittee,
    lock: lockedWhile(true, "committee_not_formed"),
    rollup: (tx, _cycle, write) => rollups.tracked(tx, CYCLE_FACT, cycleId, write),
    write: async (tx, _cycle, now) => {
      const values = {
        committeeFormedAt: null,
        committeeQuotaMet: null,
        committeeOverrideReason: null,
        committeeOverrideBy: null,
      };
      if (!(await cycleCommittee.setCommittee(tx, cycleId, true, values, now)))
        throw conflict("committee_not_formed");
      return values;
    },
    audit: (formed) => ({
      action: "committee.unformed",
      entityType: "cycle",
      entityId: cycleId,
      placeCode: formed.communeCode,
      changes: {
        committeeFormedAt: { from: formed.committeeFormedAt?.toISOString() ?? null, to: null },
        committeeQuotaMet: { from: formed.committeeQuotaMet ?? null, to: null },
        committeeOverrideReason: { from: formed.committeeOverrideReason ?? null, to: null },
      },
    }),
  });
  return get(ctx, cycleId);
}
