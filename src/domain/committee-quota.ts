import { isYouth, type Sex } from "./isaf-cycle";

/**
 * A programme's quota rules for JAAP monitoring committees (issue 3, part 8). The defaults are the
 * programme's: at least 40 % women, at least one youth, and at least one ethnic-minority member
 * where the commune's meetings had minority participants.
 */
export interface QuotaRules {
  /** Share of women, 0..1. */
  minWomenShare: number;
  minYouth: number;
  /** Applies only where the commune has ethnic-minority participants. */
  minEthnicMinorityWherePresent: number;
}

export const DEFAULT_QUOTA_RULES: QuotaRules = {
  minWomenShare: 0.4,
  minYouth: 1,
  minEthnicMinorityWherePresent: 1,
};

export interface CommitteeMember {
  sex: Sex;
  age: number;
  ethnicMinority: boolean;
}

export type QuotaRuleCode = "women_share" | "youth" | "ethnic_minority";

export interface QuotaCheck {
  rule: QuotaRuleCode;
  /** What the committee has: a share for women, a count otherwise. */
  actual: number;
  /** What the rule asks for. */
  required: number;
  passed: boolean;
  /** False when the rule does not apply (no minority participants in the commune). */
  applies: boolean;
}

export interface QuotaResult {
  checks: QuotaCheck[];
  /** Every rule that applies is met, and the committee has members. */
  compliant: boolean;
}

/** Checks a committee against the rules. An empty committee is never compliant. */
export function checkQuotas(
  members: readonly CommitteeMember[],
  rules: QuotaRules,
  communeHasMinorityParticipants: boolean,
): QuotaResult {
  const total = members.length;
  const women = members.filter((member) => member.sex === "female").length;
  const youth = members.filter((member) => isYouth(member.age)).length;
  const minority = members.filter((member) => member.ethnicMinority).length;
  // Shares compared as whole counts, so 2 of 5 women meets 40 % exactly despite floating point.
  const womenShare = total === 0 ? 0 : women / total;
  const womenPassed = total > 0 && women * 100 >= Math.round(rules.minWomenShare * 100) * total;
  const checks: QuotaCheck[] = [
    {
      rule: "women_share",
      actual: womenShare,
      required: rules.minWomenShare,
      passed: womenPassed,
      applies: true,
    },
    {
      rule: "youth",
      actual: youth,
      required: rules.minYouth,
      passed: youth >= rules.minYouth,
      applies: true,
    },
    {
      rule: "ethnic_minority",
      actual: minority,
      required: rules.minEthnicMinorityWherePresent,
      passed: !communeHasMinorityParticipants || minority >= rules.minEthnicMinorityWherePresent,
      applies: communeHasMinorityParticipants,
    },
  ];
  return { checks, compliant: total > 0 && checks.every((check) => check.passed) };
}
