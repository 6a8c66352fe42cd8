import { withQuery } from "../../api/client";
import type { Dashboard } from "./dashboards.api";

/**
 * Links from a figure to the records behind it (the cross-module contract: the cycle list and the
 * JAAP action list take place, year, sector and their own filters). A facility's records are its
 * commune's.
 */
type Scope = Dashboard["scope"];

function common(scope: Scope) {
  const year = scope.yearFrom !== null && scope.yearFrom === scope.yearTo ? scope.yearFrom : undefined;
  return { place: scope.place || undefined, year, sector: scope.sector ?? undefined };
}

export function cyclesHref(
  scope: Scope,
  filters: { step?: string; late?: boolean; place?: string } = {},
): string {
  return withQuery("/cycles", {
    ...common(scope),
    ...(filters.place ? { place: filters.place } : {}),
    step: filters.step,
    late: filters.late ? 1 : undefined,
  });
}

export function actionsHref(
  scope: Scope,
  filters: { status?: string; overdue?: boolean; place?: string } = {},
): string {
  return withQuery("/jaap/actions", {
    ...common(scope),
    ...(filters.place ? { place: filters.place } : {}),
    status: filters.status,
    overdue: filters.overdue ? 1 : undefined,
  });
}

export function facilityPublicHref(facilityId: string): string {
  return `/public/facilities/${facilityId}`;
}
