import { Box, Button, Group, SegmentedControl, Select, Skeleton, Stack, Text } from "@mantine/core";
import {
  IconChevronLeft,
  IconChevronRight,
  IconFileImport,
  IconList,
  IconMap,
  IconPlus,
  IconSearch,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { useCan } from "../auth/session";
import { FacilityFilters } from "./FacilityFilters";
import { FacilityCards, FacilityTable } from "./FacilityList";
import { FacilityMapView } from "./FacilityMapView";
import { type SortKey, useFacilityList, useFacilityReference } from "./facilities.api";
import { hasFilters, type ListState, type ListView, NO_FILTERS, PAGE_SIZE, useListState } from "./list-state";

const VIEWS: { value: ListView; Icon: typeof IconList }[] = [
  { value: "list", Icon: IconList },
  { value: "map", Icon: IconMap },
];

/** /facilities — the registry: search and filter, then a list (table or cards) or a map. */
export function FacilitiesPage() {
  const { t } = useTranslation("facilities");
  const can = useCan();
  const [state, update] = useListState();
  const reference = useFacilityReference();

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <>
            {can("facility:import") && (
              <Button
                component={Link}
                to="/facilities/import"
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden />}
              >
                {t("actions.import")}
              </Button>
            )}
            {can("facility:create") && (
              <Button component={Link} to="/facilities/new" leftSection={<IconPlus size={16} aria-hidden />}>
                {t("actions.add")}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <FacilityFilters state={state} update={update} reference={reference.data} />
        <SegmentedControl
          aria-label={t("view.label")}
          value={state.view}
          onChange={(view) => update({ view: view as ListView })}
          data={VIEWS.map(({ value, Icon }) => ({
            value,
            label: (
              <Group gap={6} wrap="nowrap" justify="center">
                <Icon size={16} aria-hidden />
                <span>{t(`view.${value}`)}</span>
              </Group>
            ),
          }))}
          style={{ alignSelf: "flex-start" }}
        />
        {state.view === "map" ? (
          <FacilityMapView state={state} reference={reference.data} />
        ) : (
          <FacilityListView state={state} update={update} />
        )}
      </Stack>
    </>
  );
}

const SORT_KEYS: SortKey[] = ["name", "-name", "code", "-code", "-updated", "updated"];

function FacilityListView({
  state,
  update,
}: {
  state: ListState;
  update: (patch: Partial<ListState>) => void;
}) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const can = useCan();
  const list = useFacilityList({
    place: state.place,
    kind: state.kind,
    serviceType: state.serviceType,
    q: state.q,
    status: state.status,
    sort: state.sort,
    limit: PAGE_SIZE,
    offset: (state.page - 1) * PAGE_SIZE,
  });

  if (list.error) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />;
  if (!list.data) {
    return (
      <Stack gap="xs" aria-busy="true" aria-label={t("common:states.loading")}>
        {[1, 2, 3, 4, 5].map((n) => (
          <Skeleton key={n} h={72} radius="md" />
        ))}
      </Stack>
    );
  }

  const { items, total } = list.data;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const from = total === 0 ? 0 : (state.page - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, state.page * PAGE_SIZE);

  if (total === 0) {
    return hasFilters(state) ? (
      <EmptyState
        title={t("list.noMatchTitle")}
        description={t("list.noMatch")}
        icon={<IconSearch size={28} aria-hidden />}
      >
        <Button variant="default" onClick={() => update(NO_FILTERS)}>
          {t("filters.clear")}
        </Button>
      </EmptyState>
    ) : (
      <EmptyState title={t("list.emptyTitle")} description={t("list.empty")}>
        {can("facility:create") && (
          <Button component={Link} to="/facilities/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t("actions.add")}
          </Button>
        )}
      </EmptyState>
    );
  }

  if (items.length === 0) {
    // A page beyond the end (the list shrank since the link was made).
    return (
      <EmptyState title={t("list.pageGoneTitle")}>
        <Button variant="default" onClick={() => update({ page: 1 })}>
          {t("list.firstPage")}
        </Button>
      </EmptyState>
    );
  }

  const goTo = (page: number) => {
    update({ page });
    window.scrollTo({ top: 0 });
  };
  const sortOptions = SORT_KEYS.map((key) => ({ value: key, label: t(`sort.${key}`) }));
  const label = t("list.label");

  return (
    <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: "opacity 150ms" }}>
      <Group justify="space-between" align="flex-end" gap="xs" wrap="wrap">
        <Text size="sm" role="status" aria-live="polite">
          {t("list.count", { count: total, n: format.number(total) })}
        </Text>
        <Select
          label={t("sort.label")}
          data={sortOptions}
          value={state.sort}
          onChange={(value) => update({ sort: (value as SortKey | null) ?? "name" })}
          allowDeselect={false}
          size="xs"
          w={200}
          hiddenFrom="md"
        />
      </Group>
      <Box hiddenFrom="md">
        <FacilityCards items={items} label={label} />
      </Box>
      <Box visibleFrom="md">
        <FacilityTable items={items} label={label} sort={state.sort} onSort={(sort) => update({ sort })} />
      </Box>
      <nav aria-label={t("list.pages")}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Button
            variant="default"
            size="sm"
            px="xs"
            leftSection={<IconChevronLeft size={16} aria-hidden />}
            disabled={state.page <= 1}
            onClick={() => goTo(state.page - 1)}
          >
            {t("list.previous")}
          </Button>
          <Text size="sm" ta="center">
            {t("list.range", {
              from: format.number(from),
              to: format.number(to),
              total: format.number(total),
            })}
            <br />
            <Text component="span" size="xs" c="dimmed">
              {t("list.page", { page: format.number(state.page), pages: format.number(pages) })}
            </Text>
          </Text>
          <Button
            variant="default"
            size="sm"
            px="xs"
            rightSection={<IconChevronRight size={16} aria-hidden />}
            disabled={state.page >= pages}
            onClick={() => goTo(state.page + 1)}
          >
            {t("list.next")}
          </Button>
        </Group>
      </nav>
    </Stack>
  );
}
