import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Distribution,
  distributionOf,
  individualResult,
  MIN_GROUP_SIZE,
  medianGap,
  type Participant,
  summarise,
  tallyResult,
} from "./scorecard-result";

/** The textbook median of a list, for comparison. */
function sortedMedian(scores: number[]): number {
  const sorted = [...scores].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function person(number: number, overrides: Partial<Participant> = {}): Participant {
  return {
    number,
    sex: "male",
    age: 40,
    disability: false,
    ethnicMinority: false,
    idPoor: false,
    ...overrides,
  };
}

const scores = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 });

describe("summarise", () => {
  it("keeps an exact half: 3 and 4 give 3.5, never rounded up", () => {
    expect(summarise(distributionOf([3, 4])).median).toBe(3.5);
    expect(summarise(distributionOf([1, 2, 4, 5])).median).toBe(3);
    expect(summarise(distributionOf([2, 2, 3, 5])).median).toBe(2.5);
  });

  it("takes the middle score of an odd count", () => {
    expect(summarise(distributionOf([5, 1, 1])).median).toBe(1);
    expect(summarise(distributionOf([4])).median).toBe(4);
  });

  it("has no median or mean without scores", () => {
    expect(summarise([0, 0, 0, 0, 0])).toEqual({
      n: 0,
      median: null,
      mean: null,
      distribution: [0, 0, 0, 0, 0],
    });
  });

  it("gives the mean", () => {
    expect(summarise(distributionOf([1, 2, 2, 5])).mean).toBe(2.5);
  });

  it("matches the sorted-list median and mean for any scores", () => {
    fc.assert(
      fc.property(scores, (list) => {
        const summary = summarise(distributionOf(list));
        expect(summary.n).toBe(list.length);
        expect(summary.median).toBe(sortedMedian(list));
        expect(summary.mean).toBeCloseTo(list.reduce((a, b) => a + b, 0) / list.length, 10);
        // A median is always a whole or half score within 1..5.
        expect(Number.isInteger((summary.median as number) * 2)).toBe(true);
      }),
    );
  });

  it("refuses a score outside 1–5", () => {
    expect(() => distributionOf([0])).toThrow(RangeError);
    expect(() => distributionOf([6])).toThrow(RangeError);
    expect(() => distributionOf([2.5])).toThrow(RangeError);
  });
});

describe("individualResult", () => {
  it("withholds a group when the people outside it are 1 to 4 (their scores would be the difference)", () => {
    const participants = new Map<number, Participant>();
    const entries: { participantNumber: number; score: number }[] = [];
    // Five women and one man: showing the women would give away the man's score.
    for (let i = 1; i <= 6; i++) {
      participants.set(i, person(i, { sex: i <= 5 ? "female" : "male" }));
      entries.push({ participantNumber: i, score: i <= 5 ? 4 : 1 });
    }
    const result = individualResult(entries, participants);
    expect(result.groups?.women).toEqual({
      n: 5,
      tooSmall: true,
      median: null,
      mean: null,
      distribution: null,
    });
    // Everyone in the group (no one outside it): nothing to subtract, the group shows.
    participants.set(6, person(6, { sex: "female" }));
    expect(individualResult(entries, participants).groups?.women.tooSmall).toBe(false);
  });

  it("reports each group with its n and withholds groups under 5", () => {
    const participants = new Map<number, Participant>();
    const entries: { participantNumber: number; score: number }[] = [];
    // Six women aged 16 (children and youth) scoring 2, five men aged 40 (four with disability) scoring 5.
    for (let i = 1; i <= 6; i++) {
      participants.set(i, person(i, { sex: "female", age: 16 }));
      entries.push({ participantNumber: i, score: 2 });
    }
    for (let i = 7; i <= 11; i++) {
      participants.set(i, person(i, { disability: i < 11 }));
      entries.push({ participantNumber: i, score: 5 });
    }
    const result = individualResult(entries, participants);
    expect(result.n).toBe(11);
    expect(result.median).toBe(2);
    expect(result.groups?.women).toEqual({
      n: 6,
      tooSmall: false,
      median: 2,
      mean: 2,
      distribution: [0, 6, 0, 0, 0],
    });
    expect(result.groups?.children.n).toBe(6);
    expect(result.groups?.youth.n).toBe(6);
    expect(result.groups?.disability).toEqual({
      n: 4,
      tooSmall: true,
      median: null,
      mean: null,
      distribution: null,
    });
    expect(result.groups?.ethnic_minority).toEqual({
      n: 0,
      tooSmall: true,
      median: null,
      mean: null,
      distribution: null,
    });
  });

  it("counts youth as 15–30 and children as under 18, at the edges", () => {
    const ages = [14, 15, 17, 18, 30, 31];
    const participants = new Map(ages.map((age, i) => [i + 1, person(i + 1, { age })]));
    const result = individualResult(
      ages.map((_, i) => ({ participantNumber: i + 1, score: 3 })),
      participants,
    );
    expect(result.groups?.youth.n).toBe(4); // 15, 17, 18, 30
    expect(result.groups?.children.n).toBe(3); // 14, 15, 17
  });

  it("never shows a group that is, or leaves outside it, fewer than the minimum, for any meeting", () => {
    const meeting = fc.array(
      fc.record({
        sex: fc.constantFrom("female" as const, "male" as const),
        age: fc.integer({ min: 8, max: 90 }),
        disability: fc.boolean(),
        ethnicMinority: fc.boolean(),
        idPoor: fc.boolean(),
        score: fc.integer({ min: 1, max: 5 }),
      }),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(meeting, (rows) => {
        const participants = new Map(rows.map((row, i) => [i + 1, { number: i + 1, ...row }]));
        const result = individualResult(
          rows.map((row, i) => ({ participantNumber: i + 1, score: row.score })),
          participants,
        );
        for (const group of Object.values(result.groups ?? {})) {
          const outside = rows.length - group.n;
          expect(group.tooSmall).toBe(group.n < MIN_GROUP_SIZE || (outside > 0 && outside < MIN_GROUP_SIZE));
          if (group.tooSmall) expect(group.median).toBeNull();
          else expect(group.distribution?.reduce((a, b) => a + b, 0)).toBe(group.n);
        }
        expect(result.groups?.women.n).toBe(rows.filter((row) => row.sex === "female").length);
      }),
    );
  });
});

describe("tallyResult", () => {
  it("reads the result off the counts and has no groups", () => {
    const distribution: Distribution = [0, 10, 10, 0, 0];
    const result = tallyResult(distribution);
    expect(result).toMatchObject({ n: 20, median: 2.5, mean: 2.5, groups: null });
  });
});

describe("medianGap", () => {
  it("is positive when the provider rates itself higher", () => {
    expect(medianGap(summarise(distributionOf([2, 3])), summarise(distributionOf([4])))).toBe(1.5);
    expect(medianGap(summarise(distributionOf([2])), null)).toBeNull();
  });
});
