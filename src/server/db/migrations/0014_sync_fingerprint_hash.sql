-- The sync ledger kept each command's body (type, record, payload) as canonical JSON, to tell a
-- command sent again from an id re-used for another body. A body can be a citizen's report of harm
-- to a child (feedback.write), so the ledger now keeps only a SHA-256 of it, hex-encoded, as
-- src/server/modules/sync/sync.service.ts computes it.
UPDATE "sync_commands" SET "fingerprint" = encode(sha256(convert_to("fingerprint", 'UTF8')), 'hex');
