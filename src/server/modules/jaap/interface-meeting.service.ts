import type { z } from "zod";
import type { InterfaceMeetingInput, InterfaceMeetingView } from "../../../contracts/jaap";
import { INTERFACE_SIDES, type InterfaceAttendance, SEXES } from "../../../domain/isaf-cycle";
import { authorize, can } from "../../platform/access";
import { diff } from "../../platform/audit";
import { command, requires } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { type CycleInScope, findCycleInScope, getCycleInScope } from "../isaf/cycles.service";
import { isafPolicy } from "../isaf/isaf.policy";
import * as repo from "./committee.repo";

/**
 * The interface meeting (issue 3, part 6): citizens, the provider and the commune council meet once
 * per cycle. Its attendance by side and sex and its notes are kept here; its decisions become JAAP
 * actions marked fromInterfaceMeeting.
 */
const FIELDS = ["heldOn", "attendance", "notes"] as const;

export function attendanceTotal(attendance: InterfaceAttendance): number {
  let total = 0;
  for (const side of INTERFACE_SIDES) for (const sex of SEXES) total += attendance[side][sex];
  return total;
}

function present(
  ctx: Ctx,
  cycle: CycleInScope,
  row: repo.MeetingRow | null,
): z.infer<typeof InterfaceMeetingView> {
  return {
    cycleId: cycle.id,
    meeting: row && {
      heldOn: row.heldOn,
      attendance: row.attendance,
      total: attendanceTotal(row.attendance),
      notes: row.notes,
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
    },
    can: { edit: can(isafPolicy, "cycle:facilitate", ctx.actor, cycle) },
  };
}

export async function get(ctx: Ctx, cycleId: string) {
  const cycle = await getCycleInScope(ctx.db, ctx.actor, cycleId);
  authorize(isafPolicy, "cycle:read", ctx.actor, cycle);
  return present(ctx, cycle, await repo.meeting(ctx.db, cycleId));
}

/** Records the meeting (no version) or changes it (the version read; 409 when it moved on). */
export async function save(ctx: Ctx, cycleId: string, input: InterfaceMeetingInput) {
  const values = { heldOn: input.heldOn, attendance: input.attendance, notes: input.notes ?? null };
  const { cycle, meeting } = await command(ctx, {
    entity: "cycle",
    load: async (db) => {
      const cycle = await findCycleInScope(db, ctx.actor, cycleId);
      return cycle && { cycle, meeting: await repo.meeting(db, cycleId) };
    },
    requires: requires(isafPolicy, "cycle:facilitate", (before: { cycle: CycleInScope }) => before.cycle),
    write: async (tx, before, now) => {
      const saved =
        input.version === undefined
          ? await repo.insertMeeting(tx, { cycleId, ...values })
          : await repo.updateMeeting(tx, cycleId, input.version, values, now);
      return saved && { cycle: before.cycle, meeting: saved };
    },
    audit: (before, after) => ({
      action: before.meeting ? "interface_meeting.updated" : "interface_meeting.recorded",
      entityType: "cycle",
      entityId: cycleId,
      placeCode: before.cycle.communeCode,
      changes: diff(before.meeting ?? ({} as repo.MeetingRow), after.meeting, FIELDS),
    }),
  });
  return present(ctx, cycle, meeting);
}
