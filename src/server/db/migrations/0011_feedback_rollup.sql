CREATE TABLE "feedback_rollup" (
	"year" integer NOT NULL,
	"commune_code" text NOT NULL,
	"sector_code" text NOT NULL,
	"topic" text NOT NULL,
	"restricted" boolean NOT NULL,
	"shard" integer NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"answered_on_time" integer DEFAULT 0 NOT NULL,
	"answer_days_total" integer DEFAULT 0 NOT NULL,
	"escalated" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "feedback_rollup_year_commune_code_sector_code_topic_restricted_shard_pk" PRIMARY KEY("year","commune_code","sector_code","topic","restricted","shard")
);
--> statement-breakpoint
CREATE TABLE "contact_key_check" (
	"id" integer PRIMARY KEY NOT NULL,
	"check" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_messages" ADD COLUMN "restricted_on_arrival" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "sms_outbound_sending_idx" ON "sms_outbound" USING btree ("updated_at") WHERE "sms_outbound"."status" = 'sending';--> statement-breakpoint
-- Messages stored before this migration: the queue they are in now is the best known arrival queue.
UPDATE "feedback_messages" SET "restricted_on_arrival" = "restricted";--> statement-breakpoint
-- Count them as feedback.rollup.ts countsOf() would (Cambodia's dates are UTC+7), all in shard 0.
INSERT INTO "feedback_rollup" ("year", "commune_code", "sector_code", "topic", "restricted", "shard",
  "received", "answered", "answered_on_time", "answer_days_total", "escalated")
SELECT
  extract(year FROM ("created_at" AT TIME ZONE 'UTC') + interval '7 hours')::int,
  "commune_code", coalesce("sector_code", ''), "topic", "restricted_on_arrival", 0,
  count(*),
  count("answered_at"),
  count(*) FILTER (WHERE "answered_at" IS NOT NULL AND "escalated_at" IS NULL
    AND (("answered_at" AT TIME ZONE 'UTC') + interval '7 hours')::date <= "answer_due_on"),
  coalesce(sum((("answered_at" AT TIME ZONE 'UTC') + interval '7 hours')::date
    - (("created_at" AT TIME ZONE 'UTC') + interval '7 hours')::date), 0),
  count("escalated_at")
FROM "feedback_messages"
GROUP BY 1, 2, 3, 4, 5;
