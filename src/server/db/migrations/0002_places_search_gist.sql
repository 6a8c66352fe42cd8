DROP INDEX "places_search_latin_trgm_idx";--> statement-breakpoint
DROP INDEX "places_search_khmer_trgm_idx";--> statement-breakpoint
CREATE INDEX "places_search_latin_trgm_idx" ON "places" USING gist ("search_latin" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "places_search_khmer_trgm_idx" ON "places" USING gist ("search_khmer" gist_trgm_ops);