import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CommitteeMember, checkQuotas, DEFAULT_QUOTA_RULES } from "./committee-quota";

const woman = (age = 40, ethnicMinority = false): CommitteeMember => ({ sex: "female", age, ethnicMinority });
const man = (age = 40, ethnicMinority = false): CommitteeMember => ({ sex: "male", age, ethnicMinority });

function rule(result: ReturnType<typeof checkQuotas>, code: string) {
  return result.checks.find((check) => check.rule === code);
}

describe("checkQuotas with the default rules", () => {
  it("accepts exactly 40 % women (2 of 5)", () => {
    const result = checkQuotas([woman(), woman(25), man(), man(), man()], DEFAULT_QUOTA_RULES, false);
    expect(rule(result, "women_share")?.passed).toBe(true);
    expect(result.compliant).toBe(true);
  });

  it("refuses 1 woman of 3 (33 %)", () => {
    const result = checkQuotas([woman(22), man(), man()], DEFAULT_QUOTA_RULES, false);
    expect(rule(result, "women_share")).toMatchObject({ passed: false, actual: 1 / 3, required: 0.4 });
    expect(result.compliant).toBe(false);
  });

  it("needs a youth aged 15–30", () => {
    expect(rule(checkQuotas([woman(31), woman(45)], DEFAULT_QUOTA_RULES, false), "youth")?.passed).toBe(
      false,
    );
    expect(rule(checkQuotas([woman(30), woman(45)], DEFAULT_QUOTA_RULES, false), "youth")?.passed).toBe(true);
  });

  it("asks for an ethnic-minority member only where the commune has minority participants", () => {
    const members = [woman(20), woman(), man()];
    expect(rule(checkQuotas(members, DEFAULT_QUOTA_RULES, false), "ethnic_minority")).toMatchObject({
      applies: false,
      passed: true,
    });
    expect(rule(checkQuotas(members, DEFAULT_QUOTA_RULES, true), "ethnic_minority")).toMatchObject({
      applies: true,
      passed: false,
    });
    expect(checkQuotas([...members, man(50, true)], DEFAULT_QUOTA_RULES, true).compliant).toBe(true);
  });

  it("never calls an empty committee compliant", () => {
    expect(
      checkQuotas([], { minWomenShare: 0, minYouth: 0, minEthnicMinorityWherePresent: 0 }, false).compliant,
    ).toBe(false);
  });

  it("agrees with the plain arithmetic for any committee", () => {
    const member = fc.record({
      sex: fc.constantFrom("female" as const, "male" as const),
      age: fc.integer({ min: 12, max: 80 }),
      ethnicMinority: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 30 }), fc.boolean(), (members, minorities) => {
        const result = checkQuotas(members, DEFAULT_QUOTA_RULES, minorities);
        const women = members.filter((m) => m.sex === "female").length;
        const youth = members.filter((m) => m.age >= 15 && m.age <= 30).length;
        const minority = members.filter((m) => m.ethnicMinority).length;
        const expected = 5 * women >= 2 * members.length && youth >= 1 && (!minorities || minority >= 1);
        expect(result.compliant).toBe(expected);
      }),
    );
  });
});
