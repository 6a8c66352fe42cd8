import { sql } from "drizzle-orm";
import type { PlaceSummary } from "../../../contracts/places";
import { cambodiaToday } from "../../../domain/isaf-cycle";
import { levelOfCode } from "../../../domain/places";
import type { Db } from "../../db/database";
import { queryRows } from "../../db/sql";
import { csvDocument } from "../../platform/csv";
import { badRequest, notFound } from "../../platform/errors";
import * as places from "../places/places.service";

/**
 * Public figures on citizen feedback (issue 5, part 8): how many messages a place received in a
 * year, how many were answered and how fast, how many went up a level and how many wait past their
 * due date now; per area below, per service and per topic. Never a message's content, and never the
 * child-protection queue (its counts per commune would point at a child): a message counts under the
 * queue it arrived in, so that a later move into child protection does not show. Counts come from
 * feedback_rollup; only "overdue now", which depends on today (not on `year`), is counted on the open
 * messages.
 */
export interface Figures {
  received: number;
  answered: number;
  answeredOnTime: number;
  /** Mean calendar days from receipt to answer; null before any answer. */
  meanDaysToAnswer: number | null;
  escalated: number;
  overdueNow: number;
}

interface SumRow {
  code: string;
  received: number;
  answered: number;
  answered_on_time: number;
  answer_days_total: number;
  escalated: number;
}

const EMPTY: Figures = {
  received: 0,
  answered: 0,
  answeredOnTime: 0,
  meanDaysToAnswer: null,
  escalated: 0,
  overdueNow: 0,
};

function figuresOf(row: SumRow | undefined, overdueNow: number): Figures {
  if (!row) return { ...EMPTY, overdueNow };
  const answered = Number(row.answered);
  return {
    received: Number(row.received),
    answered,
    answeredOnTime: Number(row.answered_on_time),
    meanDaysToAnswer: answered > 0 ? Math.round((Number(row.answer_days_total) / answered) * 10) / 10 : null,
    escalated: Number(row.escalated),
    overdueNow,
  };
}

/** Sums of the general queue's counters under `prefix`, grouped by `groupBy` (an SQL expression). */
function sums(db: Db, year: number, prefix: string, groupBy: ReturnType<typeof sql>) {
  return queryRows<SumRow>(
    db,
    sql`select ${groupBy} as code, sum(received)::int as received, sum(answered)::int as answered,
          sum(answered_on_time)::int as answered_on_time, sum(answer_days_total)::int as answer_days_total,
          sum(escalated)::int as escalated
        from feedback_rollup
        where year = ${year} and not restricted and commune_code like ${`${prefix}%`}
        group by 1`,
  );
}

/**
 * Messages that arrived in the general queue under `prefix` and wait past their due date today.
 * unscoped: public figures count messages per place, never their content or their queue.
 */
function overdue(db: Db, today: string, prefix: string, groupBy: ReturnType<typeof sql>) {
  return queryRows<{ code: string; n: number }>(
    db,
    sql`select ${groupBy} as code, count(*)::int as n
        from feedback_messages
        where status in ('received', 'escalated') and answer_due_on < ${today}
          and not restricted_on_arrival and commune_code like ${`${prefix}%`}
        group by 1`,
  );
}

const CHILD_LENGTH = { country: 2, province: 4, district: 6 } as const;

/** The figures of `year` (this year when not given) in `place` (Cambodia when not given), on `now`. */
export async function figures(
  db: Db,
  placeCode: string | undefined,
  askedYear: number | undefined,
  now: Date,
) {
  const today = cambodiaToday(now);
  const year = askedYear ?? Number(today.slice(0, 4));
  let place: PlaceSummary | null = null;
  if (placeCode !== undefined) {
    const level = levelOfCode(placeCode);
    if (level === "village") throw badRequest("feedback_places_below_commune");
    const [found] = await places.findMany(db, [placeCode]);
    if (!found) throw notFound("place");
    place = {
      code: found.code,
      level: found.level,
      type: found.type,
      nameKm: found.nameKm,
      nameEn: found.nameEn,
    };
  }
  const prefix = place?.code ?? "";
  const level = place ? place.level : "country";
  const childLength = level === "commune" ? null : CHILD_LENGTH[level as keyof typeof CHILD_LENGTH];

  const byChild = sql`substr(commune_code, 1, ${childLength})`;
  const [whole, areas, sectors, topics, overdueWhole, overdueAreas, overdueSectors] = await Promise.all([
    sums(db, year, prefix, sql`${prefix}`),
    childLength ? sums(db, year, prefix, byChild) : Promise.resolve([]),
    sums(db, year, prefix, sql`sector_code`),
    sums(db, year, prefix, sql`topic`),
    overdue(db, today, prefix, sql`${prefix}`),
    childLength ? overdue(db, today, prefix, byChild) : Promise.resolve([]),
    overdue(db, today, prefix, sql`coalesce(sector_code, '')`),
  ]);
  const overdueOf = new Map(overdueAreas.map((row) => [row.code, Number(row.n)]));
  const areaRows = new Map(areas.map((row) => [row.code, row]));
  const children = childLength
    ? (await places.children(db, place?.code)).filter(
        (child) => !child.retired || areaRows.has(child.code) || overdueOf.has(child.code),
      )
    : [];
  return {
    place,
    year,
    totals: figuresOf(whole[0], Number(overdueWhole[0]?.n ?? 0)),
    areas: children.map((child) => ({
      place: {
        code: child.code,
        level: child.level,
        type: child.type,
        nameKm: child.nameKm,
        nameEn: child.nameEn,
      },
      ...figuresOf(areaRows.get(child.code), overdueOf.get(child.code) ?? 0),
    })),
    bySector: (["PS", "HC", "CA", ""] as const).map((code) => ({
      sectorCode: code === "" ? null : code,
      ...figuresOf(
        sectors.find((row) => row.code === code),
        Number(overdueSectors.find((row) => row.code === code)?.n ?? 0),
      ),
    })),
    byTopic: topics
      .map((row) => ({ topic: row.code, received: Number(row.received) }))
      .sort((a, b) => b.received - a.received),
  };
}

/** The figures as CSV: one line per area below the place, then the place's total. */
export function figuresCsv(body: Awaited<ReturnType<typeof figures>>): Buffer {
  const header = [
    "code",
    "name_km",
    "name_en",
    "received",
    "answered",
    "answered_on_time",
    "mean_days_to_answer",
    "escalated",
    "overdue_now",
  ];
  const line = (code: string, nameKm: string, nameEn: string, f: Figures) => [
    code,
    nameKm,
    nameEn,
    f.received,
    f.answered,
    f.answeredOnTime,
    f.meanDaysToAnswer,
    f.escalated,
    f.overdueNow,
  ];
  const rows = body.areas.map((area) => line(area.place.code, area.place.nameKm, area.place.nameEn, area));
  const total = line(
    body.place?.code ?? "",
    body.place?.nameKm ?? "កម្ពុជា",
    body.place?.nameEn ?? "Cambodia",
    body.totals,
  );
  return csvDocument([header, ...rows, total]);
}
