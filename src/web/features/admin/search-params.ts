import { useCallback, useRef } from "react";
import { useSearchParams } from "react-router";

/**
 * Filters and page of a list kept in the address (?q=…&offset=…), so Back and a shared link return to
 * the same view. Changing a filter goes back to the first page.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  // React Router hands a functional update the parameters of the last render, so two quick changes
  // (before the page re-renders) would lose the first; each change starts from the latest one instead.
  const latest = useRef(params);
  latest.current = params;

  const get = useCallback((name: string) => params.get(name) ?? "", [params]);
  const offset = Math.max(0, Number.parseInt(params.get("offset") ?? "0", 10) || 0);

  const apply = useCallback(
    (change: (next: URLSearchParams) => void, replace: boolean) => {
      const next = new URLSearchParams(latest.current);
      change(next);
      latest.current = next;
      setParams(next, { replace });
    },
    [setParams],
  );

  const update = useCallback(
    (changes: Record<string, string | null | undefined>) =>
      apply((next) => {
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        if (!("offset" in changes)) next.delete("offset");
      }, true),
    [apply],
  );

  const setOffset = useCallback(
    (value: number) =>
      apply((next) => {
        if (value > 0) next.set("offset", String(value));
        else next.delete("offset");
      }, false),
    [apply],
  );

  const clear = useCallback(
    () =>
      apply((next) => {
        for (const key of [...next.keys()]) next.delete(key);
      }, true),
    [apply],
  );

  return { get, offset, update, setOffset, clear };
}

export type ListParams = ReturnType<typeof useListParams>;
