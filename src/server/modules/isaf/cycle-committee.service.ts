import type { QuotaRules } from "../../../domain/committee-quota";
import type { Db } from "../../db/database";
import * as repo from "./cycle-committee.repo";
import * as programmes from "./programmes.repo";

/**
 * What the JAAP monitoring committee (jaap/committee.service.ts) keeps on the cycle and its
 * programme: the cycle's committee_* columns, locked and set in the committee's transaction, and the
 * programme's quota rules. The cycle and programme tables are isaf's (docs/mechanisms/boundaries.md).
 */
export type CommitteeColumns = repo.CommitteeColumns;

/**
 * Locks the cycle's row for the rest of the transaction (`for update`) and reads its committee
 * columns: every committee write takes this lock first, so that whether the committee is formed, and
 * who its members are, cannot change between the transaction's check and its write.
 */
export function lockCommittee(tx: Db, cycleId: string): Promise<CommitteeColumns | null> {
  return repo.lockCommittee(tx, cycleId);
}

/**
 * Sets the committee columns when the committee's state is still `formed` as the caller saw it
 * (formed or not), so that two people marking it at once do not both succeed.
 */
export function setCommittee(
  tx: Db,
  cycleId: string,
  wasFormed: boolean,
  values: CommitteeColumns,
  now: Date,
): Promise<boolean> {
  return repo.setCommittee(tx, cycleId, wasFormed, values, now);
}

/** The programme's committee quota rules (null: the programme keeps none, or is not found). */
export async function quotaRulesOf(db: Db, programmeId: string): Promise<QuotaRules | null> {
  return (await programmes.find(db, programmeId))?.quotaRules ?? null;
}
