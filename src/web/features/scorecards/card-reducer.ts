import type { PlaceSummary } from "../../../contracts/places";
import type { IndicatorRef, Scorecard } from "../../../contracts/scorecards";
import { type CardContent, missingForSubmit, scoredBy } from "../../../domain/scorecard-content";
import type { Distribution } from "../../../domain/scorecard-result";
import type { CardCommand } from "./card-requests";

/**
 * What a card held on the device looks like after a command, before the server has seen it. The server
 * stays the judge: it applies the same command through its services and, once it has, its copy of
 * the card replaces this one. This projection only has to show the facilitator what she recorded;
 * the few rules checked here are those her screens would otherwise learn from the server's answer.
 */
export interface Lookups {
  indicator(id: string): IndicatorRef | undefined;
  village(code: string): PlaceSummary | undefined;
}

/** A change the device refuses before queueing it, as the server would: a field path and a message key. */
export class LocalRefusal extends Error {
  constructor(
    readonly code: string,
    readonly path: string,
  ) {
    super(code);
    this.name = "LocalRefusal";
  }
}

type P = Record<string, unknown>;
type Card = Scorecard;
type Participant = NonNullable<Card["participants"]>[number];
type ScoreRow = NonNullable<Card["scores"]>[number];

const isLocked = (card: Card) => card.status === "submitted" || card.status === "approved";

function withPriorityCounts(card: Card): Card {
  const scored = scoredBy(card.mode, contentOf(card));
  const priorities = card.priorities.map((p) => ({ ...p, scoredBy: scored.get(p.indicator.id) ?? 0 }));
  const participantCount =
    (card.participants ?? []).length + (card.tallies ?? []).reduce((sum, row) => sum + row.count, 0);
  const next = { ...card, priorities, participantCount, priorityCount: priorities.length };
  // The server writes `missing` messages in the caller's language; on the device the screen finds the
  // message by its code (scorecards:refusal.<code>), so it is left empty here.
  const missing = missingForSubmit(next, contentOf(next)).map((item) => ({
    path: item.path,
    code: item.code,
    message: "",
  }));
  return { ...next, missing, can: { ...next.can, submit: next.can.edit && missing.length === 0 } };
}

/** The card's records as the shared rules read them (src/domain/scorecard-content.ts). */
export function contentOf(card: Card): CardContent {
  return {
    participants: card.participants ?? [],
    tallies: card.tallies ?? [],
    priorities: card.priorities,
    scores: card.scores ?? [],
    scoreDistributions: new Map(
      card.scoreTallies.map((row) => [row.indicatorId, row.counts as Distribution]),
    ),
  };
}

function replaceScores(
  card: Card,
  number: number,
  entries: { indicatorId: string; score: number }[],
): ScoreRow[] {
  const prioritised = new Set(card.priorities.map((p) => p.indicator.id));
  entries.forEach((entry, index) => {
    if (!prioritised.has(entry.indicatorId))
      throw new LocalRefusal("indicator_not_prioritised", `scores.${index}`);
  });
  const others = (card.scores ?? []).filter((s) => s.participantNumber !== number);
  return [
    ...others,
    ...entries.map((e) => ({ participantNumber: number, indicatorId: e.indicatorId, score: e.score })),
  ];
}

/** The card after the command. Throws LocalRefusal for what the server would refuse outright. */
export function applyToCard(card: Card, command: CardCommand, lookups: Lookups): Card {
  if (isLocked(card)) throw new LocalRefusal("scorecard_locked", "");
  const p = command.payload as P;
  const next: Card = { ...card, version: card.version + 1 };
  switch (command.type) {
    case "scorecard.updateDetails": {
      const villageCode = (p.villageCode as string | null | undefined) ?? null;
      return withPriorityCounts({
        ...next,
        heldOn: (p.heldOn as string | null) ?? null,
        mode: p.mode as Card["mode"],
        village: villageCode ? (lookups.village(villageCode) ?? card.village) : null,
      });
    }
    case "scorecard.addParticipants": {
      const first = p.firstNumber as number;
      const added = (p.participants as Partial<Participant>[]).map((person, index) => ({
        ...(person as Participant),
        // The API's defaults for what a form may leave out.
        disability: person.disability ?? false,
        ethnicMinority: person.ethnicMinority ?? false,
        idPoor: person.idPoor ?? false,
        number: first + index,
      }));
      return withPriorityCounts({ ...next, participants: [...(card.participants ?? []), ...added] });
    }
    case "scorecard.updateParticipant": {
      const { number, ...person } = p as P & { number: number };
      const participants = (card.participants ?? []).map((existing) =>
        existing.number === number ? { ...existing, ...(person as Partial<Participant>) } : existing,
      );
      return withPriorityCounts({ ...next, participants });
    }
    case "scorecard.removeParticipant": {
      const number = p.number as number;
      return withPriorityCounts({
        ...next,
        participants: (card.participants ?? []).filter((x) => x.number !== number),
        scores: (card.scores ?? []).filter((s) => s.participantNumber !== number),
        issues: card.issues.filter((issue) => issue.participantNumber !== number),
      });
    }
    case "scorecard.raiseIssue": {
      const indicator = lookups.indicator(p.indicatorId as string);
      if (!indicator) throw new LocalRefusal("offline_needs_catalogue", "indicatorId");
      // One command names one issue (card-requests.ts splits a raise by several participants).
      const raised = {
        id: p.id as string,
        indicator,
        participantNumber:
          card.mode === "individual" ? ((p.participantNumbers as number[])[0] ?? null) : null,
        count: card.mode === "individual" ? 1 : (p.count as number),
      };
      return withPriorityCounts({ ...next, issues: [...card.issues, raised] });
    }
    case "scorecard.removeIssue":
      return withPriorityCounts({ ...next, issues: card.issues.filter((issue) => issue.id !== p.issueId) });
    case "scorecard.setPriorities": {
      const ids = p.indicatorIds as string[];
      const kept = new Set(ids);
      const priorities = ids.map((id, index) => {
        const held = card.priorities.find((x) => x.indicator.id === id);
        const indicator =
          held?.indicator ??
          card.issues.find((i) => i.indicator.id === id)?.indicator ??
          lookups.indicator(id);
        if (!indicator) throw new LocalRefusal("offline_needs_catalogue", `indicatorIds.${index}`);
        return {
          indicator,
          rank: index + 1,
          strengths: held?.strengths ?? null,
          weaknesses: held?.weaknesses ?? null,
          suggestedActions: held?.suggestedActions ?? null,
          scoredBy: 0,
        };
      });
      const scores = (card.scores ?? []).filter((s) => kept.has(s.indicatorId));
      if (scores.length !== (card.scores ?? []).length && p.discardScores !== true)
        throw new LocalRefusal("priorities_have_scores", "indicatorIds");
      return withPriorityCounts({
        ...next,
        priorities,
        scores,
        scoreTallies: card.scoreTallies.filter((s) => kept.has(s.indicatorId)),
      });
    }
    case "scorecard.addScores": {
      const number = p.participantNumber as number;
      if ((card.scores ?? []).some((s) => s.participantNumber === number))
        throw new LocalRefusal("participant_already_scored", "participantNumber");
      return withPriorityCounts({ ...next, scores: replaceScores(card, number, p.scores as ScoreRow[]) });
    }
    case "scorecard.replaceScores": {
      const number = p.participantNumber as number;
      return withPriorityCounts({ ...next, scores: replaceScores(card, number, p.scores as ScoreRow[]) });
    }
    case "scorecard.setNotes": {
      // Only the notes in the payload are written (card-requests.ts leaves unchanged ones out).
      const given = (field: "strengths" | "weaknesses" | "suggestedActions", held: string | null) =>
        field in p ? ((p[field] as string | null) ?? null) : held;
      const priorities = card.priorities.map((priority) =>
        priority.indicator.id === p.indicatorId
          ? {
              ...priority,
              strengths: given("strengths", priority.strengths),
              weaknesses: given("weaknesses", priority.weaknesses),
              suggestedActions: given("suggestedActions", priority.suggestedActions),
            }
          : priority,
      );
      return withPriorityCounts({ ...next, priorities });
    }
    case "scorecard.setTallies":
      return withPriorityCounts({
        ...next,
        tallies: (p.rows as NonNullable<Card["tallies"]>).filter((row) => row.count > 0),
      });
    case "scorecard.scoreTally": {
      const others = card.scoreTallies.filter((s) => s.indicatorId !== p.indicatorId);
      return withPriorityCounts({
        ...next,
        scoreTallies: [...others, { indicatorId: p.indicatorId as string, counts: p.counts as number[] }],
      });
    }
    case "scorecard.submit": {
      const checked = withPriorityCounts(card);
      if (checked.missing.length > 0)
        throw new LocalRefusal(checked.missing[0]!.code, checked.missing[0]!.path);
      return {
        ...checked,
        version: card.version + 1,
        status: "submitted",
        submittedAt: new Date().toISOString(),
        can: { ...card.can, edit: false, submit: false },
      };
    }
    default:
      throw new LocalRefusal("offline_unavailable", "");
  }
}

/** A community or self-assessment card made on the device for a downloaded cycle. */
export function newCard(id: string, cycle: Card["cycle"], kind: Card["kind"], mode: Card["mode"]): Card {
  return withPriorityCounts({
    id,
    cycleId: cycle.id,
    kind,
    mode,
    status: "draft",
    heldOn: null,
    participantCount: 0,
    priorityCount: 0,
    submittedAt: null,
    version: 1,
    cycle,
    village: null,
    participants: [],
    tallies: [],
    issues: [],
    priorities: [],
    scores: [],
    scoreTallies: [],
    submittedBy: null,
    reviewedAt: null,
    reviewedBy: null,
    reviewComment: null,
    changeRequests: [],
    missing: [],
    can: { edit: true, submit: false, review: false, requestChange: false, decideChange: false },
  });
}
