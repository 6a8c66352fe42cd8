ALTER TABLE "audit_events" ADD COLUMN "sensitivity" text DEFAULT 'general' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "entity_label" text;--> statement-breakpoint
-- Events written before the column existed: those about a report of harm to a child (a message that is
-- or ever was in the restricted queue) and exports of that queue are child protection's. The log is
-- append-only; this one classification is the only change ever made to its rows.
ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_append_only";--> statement-breakpoint
UPDATE "audit_events" e SET "sensitivity" = 'child_protection'
WHERE (e."entity_type" = 'feedback_message' AND EXISTS (
         SELECT 1 FROM "feedback_messages" m
         WHERE m."id"::text = e."entity_id" AND (m."restricted" OR m."restricted_on_arrival")))
   OR (e."entity_type" = 'feedback_export' AND e."changes" -> 'queue' ->> 'to' = 'restricted');--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_append_only";
