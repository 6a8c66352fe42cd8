import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { Dashboard } from "../../../contracts/dashboards";
import { isPlaceCode } from "../../../domain/places";
import { api, withQuery } from "../../api/client";

export type { AreaFigures, Dashboard } from "../../../contracts/dashboards";
export type Sector = "PS" | "HC" | "CA";
export const SECTORS: readonly Sector[] = ["PS", "HC", "CA"];

/** What the dashboard shows, kept in the address: place (or facility), sector, years. */
export interface DashboardScope {
  place: string;
  facility?: string;
  sector?: Sector;
  yearFrom?: number;
  yearTo?: number;
}

function year(value: string | null): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined;
}

/** Reads the scope from the address (`year` is one year: from = to). */
export function readScope(params: URLSearchParams, defaultPlace: string): DashboardScope {
  const place = params.get("place");
  const facility = params.get("facility") ?? undefined;
  const sector = params.get("sector") as Sector;
  const single = year(params.get("year"));
  return {
    place:
      place === null ? defaultPlace : place === "" || (isPlaceCode(place) && place.length <= 6) ? place : "",
    facility: facility && /^[0-9a-f-]{36}$/i.test(facility) ? facility : undefined,
    sector: SECTORS.includes(sector) ? sector : undefined,
    yearFrom: single ?? year(params.get("yearFrom")),
    yearTo: single ?? year(params.get("yearTo")),
  };
}

export function scopeParams(scope: DashboardScope): Record<string, string | number | undefined> {
  const single = scope.yearFrom !== undefined && scope.yearFrom === scope.yearTo;
  return {
    place: scope.place,
    facility: scope.facility,
    sector: scope.sector,
    year: single ? scope.yearFrom : undefined,
    yearFrom: single ? undefined : scope.yearFrom,
    yearTo: single ? undefined : scope.yearTo,
  };
}

/** The dashboard page's address for a scope (drill-down links, the breadcrumb). */
export function dashboardHref(scope: DashboardScope): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(scopeParams(scope))) {
    if (value !== undefined && (value !== "" || key === "place")) query.set(key, String(value));
  }
  return `/dashboards?${query.toString()}`;
}

/** The scope in the address, and a way to change it (keeping the rest). */
export function useDashboardScope(defaultPlace: string) {
  const [params, setParams] = useSearchParams();
  const scope = useMemo(() => readScope(params, defaultPlace), [params, defaultPlace]);
  const update = useCallback(
    (change: Partial<DashboardScope>) => {
      const next = { ...scope, ...change };
      setParams(new URLSearchParams(dashboardHref(next).split("?")[1]));
    },
    [scope, setParams],
  );
  return { scope, update };
}

function apiQuery(scope: DashboardScope) {
  return {
    place: scope.facility ? undefined : scope.place,
    facility: scope.facility,
    sector: scope.sector,
    yearFrom: scope.yearFrom,
    yearTo: scope.yearTo,
  };
}

export function useDashboard(scope: DashboardScope) {
  return useQuery({
    queryKey: ["dashboards", "isaf", apiQuery(scope)],
    queryFn: ({ signal }) =>
      api.get<Dashboard>(withQuery("/api/v1/dashboards/isaf", apiQuery(scope)), { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The export's address: a plain link downloads it with the session cookie. */
export function exportHref(scope: DashboardScope, format: "xlsx" | "csv"): string {
  return withQuery("/api/v1/dashboards/isaf/export", { format, ...apiQuery(scope) });
}
