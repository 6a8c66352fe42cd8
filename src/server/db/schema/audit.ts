import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Append-only record of every change (a trigger refuses UPDATE and DELETE). */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorUsername: text("actor_username"),
    actorRoles: text("actor_roles").array().notNull(),
    ip: text("ip"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    /** The place the entity belongs to, so that an area can be scoped onto the log. */
    placeCode: text("place_code"),
    changes: jsonb("changes"),
  },
  (t) => [
    index("audit_entity_idx").on(t.entityType, t.entityId),
    index("audit_at_idx").on(t.at),
    index("audit_actor_idx").on(t.actorId),
    index("audit_place_idx").on(t.placeCode),
  ],
);
