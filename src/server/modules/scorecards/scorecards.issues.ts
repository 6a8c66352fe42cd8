import type { Db } from "../../db/database";
import type { Ctx } from "../../platform/context";
import { badRequest, conflict, type FieldError, notFound } from "../../platform/errors";
import { offeredToCycle, proposeIndicator } from "../isaf/catalogue.service";
import { issuesShown } from "./scorecards.content";
import { type Edit, editCard, singleEdit } from "./scorecards.edit";
import * as repo from "./scorecards.repo";
import * as store from "./scorecards.store";

/** The issues a meeting raises: from the catalogue or in the participants' own words, with who raised them. */

function refuse(errors: FieldError[]): void {
  if (errors.length > 0) throw badRequest("validation_failed", errors);
}

async function participantNumbers(tx: Db, id: string): Promise<Set<number>> {
  return new Set((await repo.participants(tx, id)).map((p) => p.number));
}

type IssueInput = {
  /** The id a device gave the issue (the API does not take one). */
  id?: string;
  indicatorId?: string;
  ownWords?: { nameKm: string; nameEn?: string | null };
  participantNumbers?: number[];
  count?: number;
};

/**
 * An issue raised from the catalogue or in the participants' own words, with who raised it. A device
 * recording offline names the issue itself (`id`), so that it can remove it before it was ever sent:
 * an id names one issue, so it comes with one raiser, and an id already used is a conflict.
 */
export function raiseIssue(ctx: Ctx, id: string, input: IssueInput) {
  return editCard(ctx, id, raiseIssueEdit(ctx, id, input));
}

/** The change behind raiseIssue; the field app's push applies it too (scorecards.sync.ts). */
export function raiseIssueEdit(ctx: Ctx, id: string, input: IssueInput): Edit {
  return singleEdit({ action: "issue_raised" }, async (tx, card, cycle) => {
    if (card.kind === "self") throw conflict("issues_not_for_self");
    if ((input.indicatorId === undefined) === (input.ownWords === undefined)) {
      refuse([{ path: "indicatorId", code: "indicator_or_words_required" }]);
    }
    const issues = await repo.issues(tx, id);
    const raisers: { participantNumber: number | null; count: number }[] = [];
    if (card.mode === "individual") {
      const numbers = [...new Set(input.participantNumbers ?? [])];
      if (numbers.length === 0) refuse([{ path: "participantNumbers", code: "raised_by_required" }]);
      const known = await participantNumbers(tx, id);
      refuse(
        numbers
          .map((number, index) => ({ number, index }))
          .filter(({ number }) => !known.has(number))
          .map(({ number, index }) => ({
            path: `participantNumbers.${index}`,
            code: "participant_unknown",
            params: { number },
          })),
      );
      raisers.push(...numbers.map((number) => ({ participantNumber: number, count: 1 })));
    } else {
      if (!input.count) refuse([{ path: "count", code: "raised_by_required" }]);
      raisers.push({ participantNumber: null, count: input.count! });
    }
    if (input.id !== undefined) {
      if (raisers.length !== 1) refuse([{ path: "participantNumbers", code: "issue_id_one_raiser" }]);
      if (await store.issueExists(tx, input.id)) throw conflict("issue_id_taken");
    }
    let indicatorId = input.indicatorId;
    let proposed: { id: string; code: string } | null = null;
    if (indicatorId) {
      const alreadyRaised = issues.some((issue) => issue.indicatorId === indicatorId);
      if (!alreadyRaised && !(await offeredToCycle(tx, cycle.id, indicatorId))) {
        refuse([{ path: "indicatorId", code: "indicator_not_in_catalogue" }]);
      }
      const clash = issues.find(
        (issue) =>
          issue.indicatorId === indicatorId &&
          raisers.some((raiser) => raiser.participantNumber === issue.participantNumber),
      );
      if (clash) throw conflict("issue_already_raised");
    } else {
      proposed = await proposeIndicator(tx, ctx, {
        sectorCode: cycle.sectorCode,
        nameKm: input.ownWords!.nameKm,
        ...(input.ownWords!.nameEn ? { nameEn: input.ownWords!.nameEn } : {}),
      });
      indicatorId = proposed.id;
    }
    await store.addIssues(tx, id, indicatorId!, raisers, input.id);
    return {
      changes: {
        ...(input.id !== undefined ? { issueId: input.id } : {}),
        indicatorId,
        proposedIndicator: proposed?.code ?? null,
        raisers,
      },
    };
  });
}

export function removeIssue(ctx: Ctx, id: string, issueId: string) {
  return editCard(ctx, id, removeIssueEdit(id, issueId));
}

/** The change behind removeIssue; the field app's push applies it too (scorecards.sync.ts). */
export function removeIssueEdit(id: string, issueId: string): Edit {
  return singleEdit({ action: "issue_removed" }, async (tx, card) => {
    if (card.kind === "self") throw conflict("issues_not_for_self");
    const issues = await issuesShown(tx, id);
    const issue = issues.find((entry) => entry.id === issueId);
    if (!issue) throw notFound("issue");
    const prioritised = (await repo.priorities(tx, id)).some((p) => p.indicatorId === issue.indicator.id);
    const others = issues.filter(
      (entry) => entry.indicator.id === issue.indicator.id && entry.id !== issueId,
    );
    if (prioritised && others.length === 0) throw conflict("issue_is_prioritised");
    await store.removeIssue(tx, id, issueId);
    return {
      changes: {
        indicator: issue.indicator.code,
        participantNumber: issue.participantNumber,
        count: issue.count,
      },
    };
  });
}
