ALTER TABLE "cycles" ADD COLUMN "change_xid" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "scorecards" ADD COLUMN "change_xid" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The field app's pull (docs/mechanisms/sync.md): a row's change position is the id of the
-- transaction that last wrote it, set here so that no write can forget it.
CREATE OR REPLACE FUNCTION sync_change_position() RETURNS trigger AS $$
BEGIN
  NEW.change_xid := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cycles_change_position
  BEFORE INSERT OR UPDATE ON cycles
  FOR EACH ROW EXECUTE FUNCTION sync_change_position();
--> statement-breakpoint
CREATE TRIGGER scorecards_change_position
  BEFORE INSERT OR UPDATE ON scorecards
  FOR EACH ROW EXECUTE FUNCTION sync_change_position();
