import { Skeleton, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./ErrorAlert";

interface ListStatesProps<T> {
  /** The list's query (TanStack Query): its data, its error, and how to ask again. */
  query: { data: T | undefined; error: unknown; refetch: () => unknown };
  /** Height of each of the three placeholder rows shown while the list loads. */
  rowHeight: number;
  isEmpty: (data: T) => boolean;
  /** Shown when the list has loaded with nothing in it (nothing yet, or nothing matches the filters). */
  empty: ReactNode;
  /** The loaded list. */
  children: (data: T) => ReactNode;
}

/** A list as it loads: the error with a retry, placeholder rows, what to show when empty, then the list. */
export function ListStates<T>({ query, rowHeight, isEmpty, empty, children }: ListStatesProps<T>) {
  const { t } = useTranslation();
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  if (!query.data) {
    return (
      <Stack gap="xs" aria-busy="true" aria-label={t("states.loading")}>
        <Skeleton h={rowHeight} />
        <Skeleton h={rowHeight} />
        <Skeleton h={rowHeight} />
      </Stack>
    );
  }
  return isEmpty(query.data) ? empty : children(query.data);
}
