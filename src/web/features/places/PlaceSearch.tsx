import { Loader, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { usePlaceSearch } from "../../api/places";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import { PlaceList } from "./PlaceList";

const SEARCH_LIMIT = 20;

/** The search box of the place browser. The query lives in the address (?q=), so Back returns to the results. */
export function PlaceSearch() {
  const { t } = useTranslation("places");
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get("q") ?? "");
  const [debounced] = useDebouncedValue(text.trim(), 300);

  useEffect(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (debounced) next.set("q", debounced);
        else next.delete("q");
        return next;
      },
      { replace: true },
    );
  }, [debounced, setParams]);

  const results = usePlaceSearch({ q: debounced, limit: SEARCH_LIMIT });
  const items = results.data ?? [];

  return (
    <Stack gap="sm">
      <TextInput
        type="search"
        label={t("searchLabel")}
        placeholder={t("searchPlaceholder")}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={results.isFetching ? <Loader size="xs" /> : undefined}
        size="md"
        autoComplete="off"
        spellCheck={false}
      />
      {debounced && (
        <section aria-label={t("searchResults")}>
          <Text size="sm" c="dimmed" mb="xs" role="status" aria-live="polite">
            {!results.data
              ? ""
              : items.length >= SEARCH_LIMIT
                ? t("resultLimited", { n: format.number(items.length) })
                : t("resultCount", { count: items.length, n: format.number(items.length) })}
          </Text>
          {results.error ? (
            <ErrorAlert error={results.error} onRetry={() => results.refetch()} />
          ) : results.data && items.length === 0 ? (
            <EmptyState title={t("common:states.noResults")} icon={<IconSearch aria-hidden size={28} />} />
          ) : (
            items.length > 0 && <PlaceList places={items} withPath label={t("searchResults")} />
          )}
        </section>
      )}
    </Stack>
  );
}

/** True when the place browser shows search results rather than the provinces. */
export function useIsSearching(): boolean {
  const [params] = useSearchParams();
  return Boolean(params.get("q"));
}
