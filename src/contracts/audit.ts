import { z } from "zod";
import { PagingQuery, PlaceCode, page, Timestamp, Uuid } from "./common";

export const AuditEvent = z.object({
  id: z.number().int(),
  at: Timestamp,
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRoles: z.array(z.string()),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** The record's name when the event was written, for display. */
  entityLabel: z.string().nullable(),
  /** The record's name now, in both languages, for display (users, facilities, cycles, cards…). */
  entityName: z.object({ km: z.string(), en: z.string() }).nullable(),
  placeCode: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
});
export const AuditPage = page(AuditEvent);

export const AuditQuery = PagingQuery.extend({
  actorId: Uuid.optional(),
  action: z.string().max(80).optional(),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(80).optional(),
  place: PlaceCode.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
