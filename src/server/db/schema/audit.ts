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
    /**
     * Who may read the event besides those who may read its record: "general" events are read by the
     * area's administrators; "child_protection" events only by child-protection roles (a report of harm,
     * later a case), so that an administrator reading her area's log learns nothing of them.
     */
    sensitivity: text("sensitivity", { enum: ["general", "child_protection"] })
      .notNull()
      .default("general"),
    /** The record's name when the event was written (a facility's name, a username, a tracking code), for display. */
    entityLabel: text("entity_label"),
  },
  (t) => [
    index("audit_entity_idx").on(t.entityType, t.entityId),
    index("audit_at_idx").on(t.at),
    index("audit_actor_idx").on(t.actorId),
    index("audit_place_idx").on(t.placeCode),
  ],
);
