import { describe, expect, it } from "vitest";
import type { IndicatorRef, Scorecard } from "../../../contracts/scorecards";
import { resultsOf } from "../../../domain/scorecard-content";
import { applyToCard, contentOf, LocalRefusal, type Lookups, newCard } from "./card-reducer";
import { type CardRequest, commandsFor } from "./card-requests";

const indicator = (n: number): IndicatorRef => ({
  id: `0190a000-0000-7000-8000-00000000000${n}`,
  code: `PS${n}`,
  nameKm: `សូចនាករ ${n}`,
  nameEn: `Indicator ${n}`,
  status: "active",
});
const [first, second] = [indicator(1), indicator(2)];
const lookups: Lookups = {
  indicator: (id) => [first, second].find((entry) => entry.id === id),
  village: (code) => ({ code, level: "village", type: "ភូមិ", nameKm: "ភូមិ", nameEn: "Village" }),
};
const cycle: Scorecard["cycle"] = {
  id: "0190a000-0000-7000-8000-0000000000c1",
  year: 2026,
  sectorCode: "PS",
  communeCode: "150101",
  programme: { id: "0190a000-0000-7000-8000-0000000000aa", nameKm: "ក", nameEn: "P" },
  facility: { id: "0190a000-0000-7000-8000-0000000000bb", code: "PS-1", nameKm: "សាលា", nameEn: "School" },
  path: [],
};

/** Runs the screens' requests through the same path as the app: request → command → local card. */
function run(card: Scorecard, ...requests: CardRequest[]): Scorecard {
  return requests.reduce((current, request) => {
    const commands = commandsFor(current, request);
    if (!commands) throw new Error(`not field work: ${request.method} ${request.path}`);
    return commands.reduce((next, command) => applyToCard(next, command, lookups), current);
  }, card);
}

const person = (sex: "female" | "male", age: number) => ({ sex, age });

describe("a card recorded on the device", () => {
  const meeting = () =>
    run(
      newCard("0190a000-0000-7000-8000-0000000000d1", cycle, "community", "individual"),
      {
        method: "PUT",
        path: "",
        body: { heldOn: "2026-12-01", villageCode: "15010101", mode: "individual", version: 1 },
      },
      { method: "POST", path: "/participants", body: { participants: [person("female", 16)] } },
      {
        method: "POST",
        path: "/participants",
        body: { participants: [person("male", 40), person("female", 30)] },
      },
      { method: "POST", path: "/issues", body: { indicatorId: first.id, participantNumbers: [1, 2] } },
      { method: "POST", path: "/issues", body: { indicatorId: second.id, participantNumbers: [3] } },
      { method: "PUT", path: "/priorities", body: { indicatorIds: [second.id, first.id], version: 6 } },
      ...[1, 2, 3].map((n) => ({
        method: "POST" as const,
        path: "/scores",
        body: {
          participantNumber: n,
          scores: [
            { indicatorId: first.id, score: n + 1 },
            { indicatorId: second.id, score: 5 },
          ],
        },
      })),
    );

  it("numbers participants, counts who scored, and has nothing missing once complete", () => {
    const card = meeting();
    expect(card.participants?.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(card.participants?.[0]).toMatchObject({ disability: false, idPoor: false });
    expect(card.issues).toHaveLength(3);
    expect(card.priorities.map((p) => [p.indicator.code, p.rank, p.scoredBy])).toEqual([
      ["PS2", 1, 3],
      ["PS1", 2, 3],
    ]);
    expect(card.village?.code).toBe("15010101");
    expect(card.version).toBe(11); // create, details, 2 × participants, 3 issues, priorities, 3 × scores
    expect(card.missing).toEqual([]);
    expect(card.can.submit).toBe(true);
    const results = resultsOf(card.mode, { ...contentOf(card), priorities: card.priorities });
    expect(results.map((r) => [r.indicator.code, r.result.median, r.result.n])).toEqual([
      ["PS2", 5, 3],
      ["PS1", 3, 3],
    ]);
  });

  it("says what is missing before submission, as the server would", () => {
    const card = newCard("0190a000-0000-7000-8000-0000000000d2", cycle, "community", "individual");
    expect(card.missing.map((m) => m.code)).toEqual(["held_on_missing", "priorities_missing"]);
    expect(() => run(card, { method: "POST", path: "/submit", body: { version: 1 } })).toThrow(LocalRefusal);
  });

  it("refuses a second set of scores, a score off the priorities, and dropping a scored priority unconfirmed", () => {
    const card = meeting();
    const again = {
      method: "POST" as const,
      path: "/scores",
      body: { participantNumber: 1, scores: [{ indicatorId: first.id, score: 1 }] },
    };
    expect(() => run(card, again)).toThrow(expect.objectContaining({ code: "participant_already_scored" }));
    const onlySecond = { indicatorIds: [second.id], version: card.version };
    expect(() => run(card, { method: "PUT", path: "/priorities", body: onlySecond })).toThrow(
      expect.objectContaining({ code: "priorities_have_scores" }),
    );
    const dropped = run(card, {
      method: "PUT",
      path: "/priorities",
      body: { ...onlySecond, discardScores: true },
    });
    expect(dropped.scores?.every((score) => score.indicatorId === second.id)).toBe(true);
    const offList = {
      participantNumber: 1,
      scores: [{ indicatorId: first.id, score: 2 }],
      version: dropped.version,
    };
    expect(() => run(dropped, { method: "PUT", path: "/participants/1/scores", body: offList })).toThrow(
      expect.objectContaining({ code: "indicator_not_prioritised" }),
    );
  });

  it("locks a submitted card and keeps each change's base version", () => {
    const card = meeting();
    const [submit] =
      commandsFor(card, { method: "POST", path: "/submit", body: { version: card.version } }) ?? [];
    expect(submit).toEqual({ type: "scorecard.submit", payload: {}, baseVersion: card.version });
    const submitted = applyToCard(card, submit!, lookups);
    expect(submitted.status).toBe("submitted");
    expect(submitted.can.edit).toBe(false);
    expect(() =>
      run(submitted, { method: "PUT", path: "", body: { heldOn: null, mode: "individual", version: 11 } }),
    ).toThrow(expect.objectContaining({ code: "scorecard_locked" }));
  });
});
