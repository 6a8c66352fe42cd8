import type { AreaFigures, Dashboard, DashboardQuery } from "../../../contracts/dashboards";
import { cambodiaToday } from "../../../domain/isaf-cycle";
import { authorize, inArea } from "../../platform/access";
import type { Ctx } from "../../platform/context";
import { notFound } from "../../platform/errors";
import * as facilities from "../facilities/facilities.service";
import { isafPolicy } from "../isaf/isaf.policy";
import * as places from "../places/places.service";
import { areaFiguresOf, figuresOf } from "./dashboards.figures";
import * as repo from "./dashboards.repo";

export interface Scope {
  level: repo.ScopeLevel;
  /** The isaf_rollup scope: "KH", a place code or a facility id. */
  rollupScope: string;
  place: string;
  path: Promise<Dashboard["scope"]["path"]>;
  facility: Dashboard["scope"]["facility"];
}

const LEVELS = { 2: "province", 4: "district", 6: "commune" } as const;

/**
 * The scope asked for, if it lies in the caller's area; 404 otherwise (the nation only for callers
 * with the national area; a facility by its commune).
 */
export async function resolveScope(ctx: Ctx, query: DashboardQuery): Promise<Scope> {
  authorize(isafPolicy, "dashboard:read", ctx.actor, null);
  if (query.facility) {
    const facility = await facilities.get(ctx, query.facility);
    return {
      level: "facility",
      rollupScope: facility.id,
      place: facility.communeCode,
      path: Promise.resolve(
        facility.path
          .filter((place) => place.level !== "village")
          .map((place) => ({
            code: place.code,
            level: place.level,
            nameKm: place.nameKm,
            nameEn: place.nameEn,
          })),
      ),
      facility: {
        id: facility.id,
        code: facility.code,
        nameKm: facility.nameKm,
        nameEn: facility.nameEn,
        kindCode: facility.kind.code,
        communeCode: facility.communeCode,
      },
    };
  }
  const code = query.place ?? "";
  if (code === "") {
    if (!ctx.actor.area.national) throw notFound("place");
    return { level: "national", rollupScope: "KH", place: "", path: Promise.resolve([]), facility: null };
  }
  if (!inArea(ctx.actor, code)) throw notFound("place");
  const level = LEVELS[code.length as 2 | 4 | 6];
  // The gazetteer lookup (404 for an unknown code) runs beside the rollup reads.
  const path = places.get(ctx.db, code).then((place) =>
    [...place.path, place].map((p) => ({
      code: p.code,
      level: p.level,
      nameKm: p.nameKm,
      nameEn: p.nameEn,
    })),
  );
  path.catch(() => {});
  return { level, rollupScope: code, place: code, path, facility: null };
}

interface ChildArea {
  id: string;
  kind: "place" | "facility";
  code: string;
  nameKm: string;
  nameEn: string;
  sectorCode: string | null;
  /** A gazetteer code no longer used: listed only when it has data. */
  retired: boolean;
}

/** The areas one level down: provinces of the nation, …, the ISAF facilities of a commune. */
async function childAreas(ctx: Ctx, scope: Scope, sector: string | null): Promise<ChildArea[]> {
  if (scope.level === "facility") return [];
  if (scope.level === "commune") {
    const rows = await facilities.publicIsafFacilitiesOfCommune(ctx.db, scope.place);
    return rows
      .filter((row) => !sector || row.kindCode === sector)
      .map(
        (row): ChildArea => ({
          id: row.id,
          kind: "facility",
          code: row.code,
          nameKm: row.nameKm,
          nameEn: row.nameEn,
          sectorCode: row.kindCode,
          retired: false,
        }),
      );
  }
  const children = await places.children(ctx.db, scope.level === "national" ? undefined : scope.place);
  return children.map(
    (place): ChildArea => ({
      id: place.code,
      kind: "place",
      code: place.code,
      nameKm: place.nameKm,
      nameEn: place.nameEn,
      sectorCode: null,
      retired: place.retired,
    }),
  );
}

export function filtersOf(scope: Scope, query: DashboardQuery): repo.RollupFilters {
  let yearFrom = query.yearFrom ?? null;
  let yearTo = query.yearTo ?? null;
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) [yearFrom, yearTo] = [yearTo, yearFrom];
  return { scope: scope.rollupScope, sector: query.sector ?? null, yearFrom, yearTo };
}

/** GET /api/v1/dashboards/isaf. */
export async function dashboard(ctx: Ctx, query: DashboardQuery): Promise<Dashboard> {
  const scope = await resolveScope(ctx, query);
  const filters = filtersOf(scope, query);
  // The day late and overdue are counted on, as the cycle and JAAP lists do.
  const today = cambodiaToday(ctx.clock.now());
  const month = today.slice(0, 7);
  const days = { monthStart: `${month}-01`, today };
  // Everything that does not depend on the counters runs beside them.
  const childList = childAreas(ctx, scope, filters.sector);
  childList.catch(() => {});
  const [rows, areaRows, overdueRows] = await Promise.all([
    repo.headline(ctx.db, filters),
    scope.level === "facility" ? Promise.resolve([]) : repo.areas(ctx.db, filters, today),
    repo.overdueThisMonth(ctx.db, ctx.actor, scope.level, filters, days),
  ]);
  const indicatorIds = new Set<string>();
  for (const row of rows) {
    if (row.metric === "raised" || row.metric === "prioritised") indicatorIds.add(row.dims);
    else if (row.metric === "scores") indicatorIds.add(row.dims.split("|")[1] ?? "");
  }
  indicatorIds.delete("");
  const byScope = new Map(areaRows.map((row) => [row.scope, row]));
  const overdueByScope = new Map(overdueRows.map((row) => [row.scope, Number(row.overdue)]));
  const overdueNow = [...overdueByScope.values()].reduce((total, n) => total + n, 0);
  const [indicatorRows, children, path] = await Promise.all([
    repo.indicatorsByIds(ctx.db, [...indicatorIds]),
    childList.then((list) => list.filter((child) => !child.retired || byScope.has(child.id))),
    scope.path,
  ]);
  const areas: AreaFigures[] = children.map(({ retired: _, ...child }) => ({
    ...child,
    ...areaFiguresOf(byScope.get(child.id), overdueByScope.get(child.id) ?? 0),
  }));
  return {
    scope: {
      level: scope.level,
      place: scope.place,
      path,
      facility: scope.facility,
      sector: filters.sector as Dashboard["scope"]["sector"],
      yearFrom: filters.yearFrom,
      yearTo: filters.yearTo,
      asOf: today,
    },
    ...figuresOf(rows, today, overdueNow, indicatorRows),
    areas,
  };
}
