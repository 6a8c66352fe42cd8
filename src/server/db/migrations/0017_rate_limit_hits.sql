-- Unlogged (edited by hand; drizzle-kit cannot say it): counts that a crash may lose are no loss, and
-- a write that waits for no WAL flush keeps a rate-limited request as fast as before.
CREATE UNLOGGED TABLE "rate_limit_hits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"resets_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limit_hits_resets_at_idx" ON "rate_limit_hits" USING btree ("resets_at");