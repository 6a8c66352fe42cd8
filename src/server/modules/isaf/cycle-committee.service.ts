import type { QuotaRules } from "../../../domain/committee-quota";
import type { Db } from "../../db/database";
import * as programmes from "./programmes.repo";

/**
 * What the JAAP monitoring committee (jaap/committee.service.ts) keeps on the cycle and its
 * programme: the cycle's committee_* columns, locked and set in the committee's transaction, and the
 * programme's quota rules. The cycle and programme tables are isaf's (docs/mechanisms/boundaries.md).
 */
export {
  type CommitteeColumns,
  /**
   * Locks the cycle's row for the rest of the transaction (`for update`) and reads its committee
   * columns: every committee write takes this lock first, so that whether the committee is formed, and
   * who its members are, cannot change between the transaction's check and its write.
   */
  lockCommittee,
  /**
   * Sets the committee columns when the committee's state is still `formed` as the caller saw it
   * (formed or not), so that two people marking it at once do not both succeed.
   */
  setCommittee,
} from "./cycle-committee.repo";

/** The programme's committee quota rules (null: the programme keeps none, or is not found). */
export async function quotaRulesOf(db: Db, programmeId: string): Promise<QuotaRules | null> {
  return (await programmes.find(db, programmeId))?.quotaRules ?? null;
}
