import type { z } from "zod";
import type { I4cSession } from "../../../contracts/isaf";
import type { PlaceSummary } from "../../../contracts/places";
import { attendanceTotal } from "../../../domain/isaf-cycle";
import type { I4cItemRow, I4cSessionRow } from "./i4c.repo";

/** A session's photo as the pack lists it (its file's type and size come from the media module). */
export type SessionPhoto = { sessionId: string; id: string; contentType: string; byteSize: number };

/** I4C rows as the API shows them. */

export function presentItem(item: I4cItemRow) {
  const { id, position, labelKm, labelEn, standardValue, actualValue, unit } = item;
  return { id, position, labelKm, labelEn, standardValue, actualValue, unit };
}

/** A dissemination session with its village (when known) and its photos' descriptions. */
export function presentSession(
  session: I4cSessionRow,
  village: PlaceSummary | undefined,
  photos: readonly SessionPhoto[],
): z.infer<typeof I4cSession> {
  return {
    id: session.id,
    heldOn: session.heldOn,
    village: village
      ? {
          code: village.code,
          level: village.level,
          type: village.type,
          nameKm: village.nameKm,
          nameEn: village.nameEn,
        }
      : null,
    attendance: session.attendance,
    total: attendanceTotal(session.attendance),
    notes: session.notes,
    updatedAt: session.updatedAt.toISOString(),
    photos: photos.map(({ id, contentType, byteSize }) => ({ id, contentType, byteSize })),
  };
}
