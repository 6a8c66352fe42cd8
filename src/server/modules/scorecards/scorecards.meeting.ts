import type { ParticipantInput } from "../../../contracts/scorecards";
import { diff } from "../../platform/audit";
import type { Ctx } from "../../platform/context";
import { badRequest, conflict, type FieldError, notFound } from "../../platform/errors";
import { issuesShown, prioritiesShown } from "./scorecards.content";
import { assertMode, type Edit, type EditOptions, editCard, singleEdit } from "./scorecards.edit";
import * as repo from "./scorecards.repo";
import { FIELD, NOTE_FIELDS, PARTICIPANT_FIELDS, type ParticipantField } from "./scorecards.stamps";
import * as store from "./scorecards.store";

/** The meeting's records: participants or tallies, notes per indicator (issues and scores: their own files). */

function refuse(errors: FieldError[], status: 400 | 409 = 400): void {
  if (errors.length === 0) return;
  if (status === 409) throw conflict(errors[0]!.code, errors, errors[0]!.params);
  throw badRequest("validation_failed", errors);
}

/**
 * Adds participants, numbered after the last one. A device that numbered them itself while offline
 * says which number it gave the first (`firstNumber`): if someone else added participants meanwhile,
 * the numbers would not match its scores, so the change is refused as a conflict.
 */
export function addParticipants(ctx: Ctx, id: string, people: ParticipantInput[], firstNumber?: number) {
  return editCard(ctx, id, addParticipantsEdit(id, people, firstNumber));
}

/** The change behind addParticipants; the field app's push applies it too (scorecards.sync.ts). */
export function addParticipantsEdit(id: string, people: ParticipantInput[], firstNumber?: number): Edit {
  return singleEdit({ action: "participants_added" }, async (tx, card) => {
    assertMode(card, "individual");
    const numbers = await store.addParticipants(tx, id, people);
    if (firstNumber !== undefined && numbers[0] !== firstNumber)
      throw conflict("participant_number_taken", [], { number: firstNumber });
    return {
      changes: { participants: people.map((person, index) => ({ number: numbers[index], ...person })) },
    };
  });
}

export function updateParticipant(
  ctx: Ctx,
  id: string,
  number: number,
  person: ParticipantInput,
  version: number,
) {
  return editCard(ctx, id, updateParticipantEdit(id, number, person, version));
}

/**
 * The change behind updateParticipant; the field app's push applies it too (scorecards.sync.ts). Each
 * attribute is a field of its own. Online every attribute is written; a pushed command writes only
 * the attributes in its payload, so that one phone correcting her sex and another her age keep both.
 */
export function updateParticipantEdit(
  id: string,
  number: number,
  person: Partial<ParticipantInput>,
  version: number,
): Edit {
  const named = PARTICIPANT_FIELDS.filter((attribute) => person[attribute] !== undefined);
  const fields = named.map((attribute) => FIELD.participant(number, attribute));
  const options: EditOptions = { action: "participant_updated", version, fields };
  return singleEdit(options, async (tx, card, _cycle, written) => {
    assertMode(card, "individual");
    const before = (await repo.participants(tx, id)).find((p) => p.number === number);
    if (!before) throw notFound("participant");
    const attributeOf = <K extends ParticipantField>(attribute: K): ParticipantInput[K] =>
      written.has(FIELD.participant(number, attribute)) ? person[attribute]! : before[attribute];
    const after = await store.updateParticipant(tx, id, number, {
      sex: attributeOf("sex"),
      age: attributeOf("age"),
      disability: attributeOf("disability"),
      ethnicMinority: attributeOf("ethnicMinority"),
      idPoor: attributeOf("idPoor"),
    });
    return { changes: { number, ...diff(before, after!, PARTICIPANT_FIELDS) } };
  });
}

/**
 * Removes a participant with their scores and the issues they raised. Refused (as removeIssue) when
 * they alone raised a prioritised indicator: it comes off the priorities first.
 */
export function removeParticipant(ctx: Ctx, id: string, number: number) {
  return editCard(ctx, id, removeParticipantEdit(id, number));
}

/** The change behind removeParticipant; the field app's push applies it too (scorecards.sync.ts). */
export function removeParticipantEdit(id: string, number: number): Edit {
  return singleEdit({ action: "participant_removed" }, async (tx, card) => {
    assertMode(card, "individual");
    const scores = (await repo.scores(tx, id)).filter((s) => s.participantNumber === number);
    const allIssues = await issuesShown(tx, id);
    const issues = allIssues.filter((i) => i.participantNumber === number);
    const prioritised = new Set((await repo.priorities(tx, id)).map((p) => p.indicatorId));
    const orphaned = issues.find(
      (issue) =>
        prioritised.has(issue.indicator.id) &&
        !allIssues.some(
          (other) => other.indicator.id === issue.indicator.id && other.participantNumber !== number,
        ),
    );
    if (orphaned) throw conflict("issue_is_prioritised");
    const removed = await store.removeParticipant(tx, id, number);
    if (!removed) throw notFound("participant");
    return {
      changes: {
        removed: { number, sex: removed.sex, age: removed.age },
        scoresRemoved: scores.map((s) => ({ indicatorId: s.indicatorId, score: s.score })),
        issuesRemoved: issues.map((i) => i.indicator.code),
      },
    };
  });
}

type TallyInput = {
  sex: "female" | "male";
  ageBand: string;
  count: number;
  disability: number;
  ethnicMinority: number;
  idPoor: number;
};

export function setTallies(ctx: Ctx, id: string, rows: TallyInput[], version: number) {
  return editCard(ctx, id, setTalliesEdit(id, rows, version));
}

/** The change behind setTallies; the field app's push applies it too (scorecards.sync.ts). */
export function setTalliesEdit(id: string, rows: TallyInput[], version: number): Edit {
  return singleEdit({ action: "tallies_set", version, fields: [FIELD.tallies] }, async (tx, card) => {
    assertMode(card, "tally");
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      const key = `${row.sex}|${row.ageBand}`;
      if (seen.has(key)) errors.push({ path: `rows.${index}.ageBand`, code: "tally_row_repeated" });
      seen.add(key);
      for (const field of ["disability", "ethnicMinority", "idPoor"] as const) {
        if (row[field] > row.count) {
          errors.push({
            path: `rows.${index}.${field}`,
            code: "tally_profile_exceeds_count",
            params: { count: row.count },
          });
        }
      }
    });
    refuse(errors);
    const before = await repo.tallies(tx, id);
    await store.replaceTallies(tx, id, rows as Parameters<typeof store.replaceTallies>[2]);
    return {
      changes: {
        from: before.map(({ scorecardId: _, ...row }) => row),
        to: rows.filter((row) => row.count > 0),
      },
    };
  });
}

export function setNotes(
  ctx: Ctx,
  id: string,
  indicatorId: string,
  notes: { strengths?: string | null; weaknesses?: string | null; suggestedActions?: string | null },
  version: number,
) {
  return editCard(ctx, id, setNotesEdit(id, indicatorId, notes, version));
}

/**
 * The change behind setNotes; the field app's push applies it too (scorecards.sync.ts). Each note is a
 * field of its own. Online a note left out is cleared (`writes: "all"`); a pushed command writes
 * only the notes in its payload (`"given"`), so that two phones that each wrote one note of the same
 * indicator keep both.
 */
export function setNotesEdit(
  id: string,
  indicatorId: string,
  notes: { strengths?: string | null; weaknesses?: string | null; suggestedActions?: string | null },
  version: number,
  writes: "all" | "given" = "all",
): Edit {
  const named = NOTE_FIELDS.filter((note) => writes === "all" || notes[note] !== undefined);
  const fields = named.map((note) => FIELD.note(indicatorId, note));
  return singleEdit({ action: "notes_updated", version, fields }, async (tx, _card, _cycle, written) => {
    const before = (await prioritiesShown(tx, id)).find((p) => p.indicator.id === indicatorId);
    if (!before) refuse([{ path: "indicatorId", code: "indicator_not_prioritised" }]);
    const noteOf = (note: (typeof NOTE_FIELDS)[number]) =>
      written.has(FIELD.note(indicatorId, note)) ? (notes[note] ?? null) : before![note];
    const after = {
      strengths: noteOf("strengths"),
      weaknesses: noteOf("weaknesses"),
      suggestedActions: noteOf("suggestedActions"),
    };
    await store.setNotes(tx, id, indicatorId, after);
    return {
      changes: {
        indicator: before!.indicator.code,
        ...diff(before!, after, ["strengths", "weaknesses", "suggestedActions"]),
      },
    };
  });
}
