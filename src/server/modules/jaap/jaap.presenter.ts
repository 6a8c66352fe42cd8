import type { z } from "zod";
import type { Action, ActionDetail, ActionListItem } from "../../../contracts/jaap";
import type { ActionPageRow, ActionRow, UpdateRow } from "./jaap.repo";

type IndicatorRef = { id: string; code: string; nameKm: string; nameEn: string };
export type IndicatorsByAction = Map<string, IndicatorRef[]>;
export type FacilityRef = { id: string; code: string; nameKm: string; nameEn: string };

/** An action as lists show it: with its cycle's facility and the responsible person's name. */
export type ActionListRow = Omit<ActionPageRow, "facilityId"> & {
  facility: FacilityRef;
  responsibleDisplayName: string | null;
};

export function isOpen(status: ActionRow["status"]): boolean {
  return status === "planned" || status === "in_progress";
}

/** Open (planned or in progress) with the deadline before today. */
export function isOverdue(action: Pick<ActionRow, "status" | "deadline">, today: string): boolean {
  return isOpen(action.status) && action.deadline < today;
}

/** Each action's indicators, in the order given (catalogue order). */
export function groupIndicators(rows: { actionId: string; indicator: IndicatorRef }[]): IndicatorsByAction {
  const byAction: IndicatorsByAction = new Map();
  for (const { actionId, indicator } of rows) {
    const list = byAction.get(actionId) ?? [];
    list.push({ id: indicator.id, code: indicator.code, nameKm: indicator.nameKm, nameEn: indicator.nameEn });
    byAction.set(actionId, list);
  }
  return byAction;
}

function core(row: ActionListRow, indicators: IndicatorsByAction, today: string) {
  const action = row.action;
  return {
    id: action.id,
    cycleId: action.cycleId,
    title: action.title,
    indicators: indicators.get(action.id) ?? [],
    responsibleParty: action.responsibleParty,
    responsibleName: action.responsibleName,
    responsibleUser:
      action.responsibleUserId && row.responsibleDisplayName
        ? { id: action.responsibleUserId, displayName: row.responsibleDisplayName }
        : null,
    resourcesRiel: action.resourcesRiel,
    deadline: action.deadline,
    status: action.status,
    dropReason: action.dropReason,
    fromInterfaceMeeting: action.fromInterfaceMeeting,
    overdue: isOverdue(action, today),
    lastUpdateOn: row.lastUpdateOn,
    version: action.version,
    createdAt: action.createdAt.toISOString(),
    updatedAt: action.updatedAt.toISOString(),
  };
}

export function presentAction(
  row: ActionListRow,
  indicators: IndicatorsByAction,
  today: string,
  can: { edit: boolean; update: boolean },
): Action {
  return { ...core(row, indicators, today), can };
}

export function presentListItem(
  row: ActionListRow,
  indicators: IndicatorsByAction,
  today: string,
): z.infer<typeof ActionListItem> {
  return {
    ...core(row, indicators, today),
    year: row.year,
    sectorCode: row.sectorCode,
    communeCode: row.action.communeCode,
    facility: row.facility,
  };
}

export function presentDetail(
  row: ActionListRow,
  indicators: IndicatorsByAction,
  today: string,
  can: { edit: boolean; update: boolean },
  updates: UpdateRow[],
  names: ReadonlyMap<string, string>,
): ActionDetail {
  return {
    ...presentAction(row, indicators, today, can),
    facility: row.facility,
    year: row.year,
    updates: updates.map((update) => {
      const byName = update.createdBy ? names.get(update.createdBy) : undefined;
      return {
        id: update.id,
        note: update.note,
        statusAfter: update.statusAfter,
        photoIds: update.photoIds,
        by: update.createdBy && byName ? { id: update.createdBy, displayName: byName } : null,
        createdAt: update.createdAt.toISOString(),
      };
    }),
  };
}
