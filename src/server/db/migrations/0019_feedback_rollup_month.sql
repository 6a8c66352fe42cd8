ALTER TABLE "feedback_rollup" ADD COLUMN "month" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback_rollup" DROP CONSTRAINT "feedback_rollup_year_commune_code_sector_code_topic_restricted_shard_pk";--> statement-breakpoint
ALTER TABLE "feedback_rollup" ADD CONSTRAINT "feedback_rollup_year_month_commune_code_sector_code_topic_restricted_shard_pk" PRIMARY KEY("year","month","commune_code","sector_code","topic","restricted","shard");--> statement-breakpoint
-- Count the messages already stored again, now by month too, as the fact feedback.message does
-- (feedback.facts.ts; dates in Asia/Phnom_Penh), all in shard 0.
DELETE FROM "feedback_rollup";--> statement-breakpoint
INSERT INTO "feedback_rollup" ("year", "month", "commune_code", "sector_code", "topic", "restricted", "shard",
  "received", "answered", "answered_on_time", "answer_days_total", "escalated")
SELECT
  extract(year FROM ("created_at" AT TIME ZONE 'Asia/Phnom_Penh')::date)::int,
  extract(month FROM ("created_at" AT TIME ZONE 'Asia/Phnom_Penh')::date)::int,
  "commune_code", coalesce("sector_code", ''), "topic", "restricted_on_arrival", 0,
  count(*),
  count("answered_at"),
  count(*) FILTER (WHERE "answered_at" IS NOT NULL AND "escalated_at" IS NULL
    AND ("answered_at" AT TIME ZONE 'Asia/Phnom_Penh')::date <= "answer_due_on"),
  coalesce(sum(("answered_at" AT TIME ZONE 'Asia/Phnom_Penh')::date
    - ("created_at" AT TIME ZONE 'Asia/Phnom_Penh')::date), 0),
  count("escalated_at")
FROM "feedback_messages"
GROUP BY 1, 2, 3, 4, 5, 6;
