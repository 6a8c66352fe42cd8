import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { isPlaceCode } from "../../../domain/places";
import type { FacilityFilters, SortKey, StatusFilter } from "./facilities.api";

export type ListView = "list" | "map";

/** What the facilities page shows, kept in the address so that Back, reload and shared links keep it. */
export interface ListState extends FacilityFilters {
  view: ListView;
  sort: SortKey;
  /** 1-based. */
  page: number;
}

const SORTS: readonly SortKey[] = ["name", "-name", "code", "-code", "updated", "-updated"];
const STATUSES: readonly StatusFilter[] = ["active", "inactive", "all"];

export const PAGE_SIZE = 25;

function read(params: URLSearchParams): ListState {
  const place = params.get("place") ?? "";
  const sort = params.get("sort") as SortKey;
  const status = params.get("status") as StatusFilter;
  const page = Number(params.get("page"));
  return {
    view: params.get("view") === "map" ? "map" : "list",
    place: isPlaceCode(place) ? place : undefined,
    kind: params.get("kind") || undefined,
    serviceType: params.get("serviceType") || undefined,
    q: params.get("q")?.trim() || undefined,
    status: STATUSES.includes(status) ? status : "active",
    sort: SORTS.includes(sort) ? sort : "name",
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** Only what differs from the defaults goes into the address. */
function write(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.view !== "list") params.set("view", state.view);
  if (state.place) params.set("place", state.place);
  if (state.kind) params.set("kind", state.kind);
  if (state.serviceType) params.set("serviceType", state.serviceType);
  if (state.q) params.set("q", state.q);
  if (state.status !== "active") params.set("status", state.status);
  if (state.sort !== "name") params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  return params;
}

/** The link to the facilities page with these settings (used by the map to drill into a place). */
export function listHref(state: ListState): string {
  const query = write(state).toString();
  return query ? `/facilities?${query}` : "/facilities";
}

/** The change that clears every filter: the status goes back to its default (active ones). */
export const NO_FILTERS: Partial<ListState> = {
  place: undefined,
  kind: undefined,
  serviceType: undefined,
  q: undefined,
  status: "active",
};

/** True when any filter narrows the list (the status default does not count). */
export function hasFilters(state: ListState): boolean {
  return Boolean(state.place || state.kind || state.serviceType || state.q || state.status !== "active");
}

/**
 * The page's settings and a setter. Changing a filter or the sort goes back to page 1; typing in the
 * search box replaces the history entry rather than adding one per keystroke.
 */
export function useListState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => read(params), [params]);

  const update = useCallback(
    (patch: Partial<ListState>, options: { replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const before = read(current);
          const keepsPage = Object.keys(patch).every((key) => key === "page" || key === "view");
          return write({ ...before, ...patch, page: patch.page ?? (keepsPage ? before.page : 1) });
        },
        { replace: options.replace },
      );
    },
    [setParams],
  );

  return [state, update] as const;
}
