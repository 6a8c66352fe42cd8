import { describe, expect, it } from "vitest";
import type { Scorecard } from "../../../contracts/scorecards";
import { commandsFor } from "./card-requests";

const commandFor = (card: Scorecard, request: Parameters<typeof commandsFor>[1]) =>
  commandsFor(card, request)?.[0] ?? null;

import type { OutboxEntry } from "../../offline/field-db";
import { sendable } from "../../offline/outbox-order";

const ID = "0190a000-0000-7000-8000-0000000000e1";
const card = { participants: [{ number: 1 }, { number: 4 }], priorities: [] } as unknown as Scorecard;

describe("the meeting screens' requests as sync commands", () => {
  it.each([
    ["PUT", "", { heldOn: "2026-12-01", mode: "individual", version: 3 }, "scorecard.updateDetails", 3],
    ["PUT", "/participants/4", { sex: "male", age: 30, version: 5 }, "scorecard.updateParticipant", 5],
    ["POST", "/participants/4/remove", undefined, "scorecard.removeParticipant", null],
    ["PUT", "/participants/4/scores", { scores: [], version: 6 }, "scorecard.replaceScores", 6],
    ["POST", `/issues/${ID}/remove`, undefined, "scorecard.removeIssue", null],
    ["PUT", "/priorities", { indicatorIds: [], version: 2 }, "scorecard.setPriorities", 2],
    ["POST", "/scores", { participantNumber: 1, scores: [] }, "scorecard.addScores", null],
    ["PUT", `/priorities/${ID}/notes`, { strengths: "a", version: 7 }, "scorecard.setNotes", 7],
    ["PUT", "/tallies", { rows: [], version: 1 }, "scorecard.setTallies", 1],
    ["PUT", `/score-tallies/${ID}`, { counts: [0, 0, 0, 0, 1], version: 8 }, "scorecard.scoreTally", 8],
    ["POST", "/submit", { version: 9 }, "scorecard.submit", 9],
  ] as const)("%s %s → %s", (method, path, body, type, baseVersion) => {
    const command = commandFor(card, { method, path, body });
    expect(command?.type).toBe(type);
    expect(command?.baseVersion).toBe(baseVersion);
    expect(command?.payload).not.toHaveProperty("version");
  });

  it("takes the ids and numbers of the path into the payload", () => {
    expect(
      commandFor(card, { method: "PUT", path: `/priorities/${ID}/notes`, body: { version: 1 } })?.payload,
    ).toEqual({
      indicatorId: ID,
    });
    expect(commandFor(card, { method: "POST", path: "/participants/4/remove" })?.payload).toEqual({
      number: 4,
    });
  });

  it("sends only the attributes of a participant that changed, each merged by itself on the server", () => {
    const person = {
      number: 1,
      sex: "female",
      age: 30,
      disability: false,
      ethnicMinority: true,
      idPoor: false,
    };
    const held = { ...card, participants: [person] } as unknown as Scorecard;
    const body = { ...person, number: undefined, age: 31, ethnicMinority: false, version: 3 };
    const command = commandFor(held, { method: "PUT", path: "/participants/1", body });
    expect(command).toEqual({
      type: "scorecard.updateParticipant",
      payload: { age: 31, ethnicMinority: false, number: 1 },
      baseVersion: 3,
    });
  });

  it("numbers new participants after the highest on the device", () => {
    const command = commandFor(card, { method: "POST", path: "/participants", body: { participants: [] } });
    expect(command?.payload).toMatchObject({ firstNumber: 5 });
  });

  it("raises an issue once per participant, each with its own id, and leaves own words to the API", () => {
    const commands = commandsFor(
      { ...card, mode: "individual" },
      { method: "POST", path: "/issues", body: { indicatorId: ID, participantNumbers: [1, 4] } },
    );
    expect(commands?.map((c) => c.payload.participantNumbers)).toEqual([[1], [4]]);
    expect(new Set(commands?.map((c) => c.payload.id)).size).toBe(2);
    const words = { ownWords: { nameKm: "ផ្លូវ" }, participantNumbers: [1] };
    expect(commandsFor(card, { method: "POST", path: "/issues", body: words })).toBeNull();
  });

  it("leaves review decisions and change requests to the API", () => {
    for (const path of ["/approve", "/return", "/change-requests", `/change-requests/${ID}/grant`]) {
      expect(commandFor(card, { method: "POST", path, body: { version: 1 } })).toBeNull();
    }
  });
});

describe("what the outbox sends", () => {
  const entry = (id: string, recordId: string, state: OutboxEntry["state"] = "pending") =>
    ({ id, recordId, state }) as OutboxEntry;

  it("sends in creation order and holds a record's commands back behind a refused one", () => {
    const entries = [
      entry("03", "b"),
      entry("01", "a", "failed"),
      entry("02", "a"),
      entry("04", "c"),
      entry("00", "b"),
    ];
    expect(sendable(entries).map((e) => e.id)).toEqual(["00", "03", "04"]);
  });
});
