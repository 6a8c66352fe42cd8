import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from "@mantine/core";
import { IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { isPlaceCode } from "../../../domain/places";
import { EmptyState } from "../../components/EmptyState";
import { ListStates } from "../../components/ListStates";
import { PageHeader } from "../../components/PageHeader";
import { PlacePicker } from "../../components/PlacePicker";
import { ResponsiveList } from "../../components/ResponsiveList";
import { useFormat } from "../../i18n/format";
import { ActionBadges } from "./JaapLabels";
import { type ActionFilters, type ActionListItem, useActionList } from "./jaap.api";

const PAGE_SIZE = 25;
const STATUSES = ["planned", "in_progress", "done", "dropped"];
const SECTORS = ["PS", "HC", "CA"];
const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 8 }, (_, index) => String(THIS_YEAR + 1 - index));

/** The filters, kept in the address (place, year, sector, status, overdue=1, mine=1, page). */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const place = params.get("place") ?? "";
  const year = Number(params.get("year"));
  const page = Number(params.get("page"));
  const filters: ActionFilters & { page: number } = {
    place: isPlaceCode(place) && place.length <= 6 ? place : undefined,
    year: Number.isInteger(year) && year > 1999 ? year : undefined,
    sector: SECTORS.includes(params.get("sector") ?? "") ? (params.get("sector") as string) : undefined,
    status: STATUSES.includes(params.get("status") ?? "") ? (params.get("status") as string) : undefined,
    overdue: params.get("overdue") === "1" ? "1" : undefined,
    mine: params.get("mine") === "1" ? "1" : undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
    limit: PAGE_SIZE,
    offset: 0,
  };
  filters.offset = (filters.page - 1) * PAGE_SIZE;
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!("page" in patch)) next.delete("page");
    setParams(next, { replace: true });
  };
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  return { filters, update, clear, any: [...params.keys()].some((key) => key !== "page") };
}

/** /jaap/actions — the actions of every cycle in the user's area; overdue ones stand out. */
export function ActionsPage() {
  const { t } = useTranslation("jaap");
  const format = useFormat();
  const { filters, update, clear, any } = useFilters();
  const { page, ...query } = filters;
  const list = useActionList(query);
  const link = (item: ActionListItem) => `/jaap/cycles/${item.cycleId}?tab=actions`;

  return (
    <>
      <PageHeader title={t("list.title")} description={t("list.description")} />
      <Paper withBorder radius="md" p="sm" mb="md" component="search" aria-label={t("list.filters")}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <PlacePicker
            label={t("list.place")}
            value={filters.place ?? null}
            onChange={(code) => update({ place: code ?? undefined })}
          />
          <Select
            label={t("list.year")}
            data={YEARS.map((year) => ({ value: year, label: format.digits(year) }))}
            value={filters.year ? String(filters.year) : null}
            onChange={(year) => update({ year: year ?? undefined })}
            clearable
          />
          <Select
            label={t("list.sector")}
            data={SECTORS.map((sector) => ({ value: sector, label: t(`sector.${sector}`) }))}
            value={filters.sector ?? null}
            onChange={(sector) => update({ sector: sector ?? undefined })}
            clearable
          />
          <Select
            label={t("list.status")}
            data={STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
            value={filters.status ?? null}
            onChange={(status) => update({ status: status ?? undefined })}
            clearable
          />
        </SimpleGrid>
        <Group mt="sm" gap="lg" wrap="wrap">
          <Checkbox
            label={t("list.overdueOnly")}
            checked={filters.overdue === "1"}
            onChange={(event) => update({ overdue: event.currentTarget.checked ? "1" : undefined })}
          />
          <Checkbox
            label={t("list.mineOnly")}
            checked={filters.mine === "1"}
            onChange={(event) => update({ mine: event.currentTarget.checked ? "1" : undefined })}
          />
          {any && (
            <Button variant="subtle" size="xs" leftSection={<IconX size={14} aria-hidden />} onClick={clear}>
              {t("list.clear")}
            </Button>
          )}
        </Group>
      </Paper>
      <ListStates
        query={list}
        rowHeight={56}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState
            title={any ? t("list.noneMatchTitle") : t("list.emptyTitle")}
            description={any ? t("list.noneMatch") : t("list.empty")}
          />
        }
      >
        {(data) => (
          <Stack gap="sm">
            <Text role="status" size="sm" c="dimmed">
              {t("list.count", { count: data.total, n: format.number(data.total) })}
            </Text>
            <ResponsiveList
              items={data.items}
              itemKey={(item) => item.id}
              label={t("list.title")}
              minWidth={760}
              rowProps={(item) => (item.overdue ? { bg: "var(--mantine-color-red-0)" } : {})}
              columns={[
                {
                  key: "title",
                  header: t("list.action"),
                  cell: (item) => (
                    <Anchor component={Link} to={link(item)} fw={500}>
                      {item.title}
                    </Anchor>
                  ),
                },
                {
                  key: "facility",
                  header: t("list.facility"),
                  cell: (item) => `${format.name(item.facility)} · ${format.digits(String(item.year))}`,
                },
                {
                  key: "status",
                  header: t("list.statusColumn"),
                  cell: (item) => <ActionBadges status={item.status} overdue={item.overdue} />,
                },
                {
                  key: "deadline",
                  header: t("card.deadline"),
                  cell: (item) => format.date(item.deadline),
                  cellProps: { style: { whiteSpace: "nowrap" } },
                },
                {
                  key: "owner",
                  header: t("card.owner"),
                  cell: (item) => `${t(`party.${item.responsibleParty}`)}: ${item.responsibleName}`,
                },
              ]}
              card={(item) => (
                <Stack
                  gap={4}
                  style={
                    item.overdue
                      ? { borderLeft: "4px solid var(--mantine-color-red-6)", paddingLeft: 8 }
                      : undefined
                  }
                >
                  <ActionBadges status={item.status} overdue={item.overdue} />
                  <Anchor component={Link} to={link(item)} fw={600} style={{ overflowWrap: "anywhere" }}>
                    {item.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {format.name(item.facility)} · {format.digits(String(item.year))}
                  </Text>
                  <Text size="sm">
                    {t("card.deadline")}: {format.date(item.deadline)} · {t(`party.${item.responsibleParty}`)}
                    : {item.responsibleName}
                  </Text>
                </Stack>
              )}
            />
            {data.total > PAGE_SIZE && (
              <Pagination
                total={Math.ceil(data.total / PAGE_SIZE)}
                value={page}
                onChange={(next) => update({ page: String(next) })}
                getControlProps={(control) => ({ "aria-label": t(`list.page.${control}`) })}
              />
            )}
          </Stack>
        )}
      </ListStates>
    </>
  );
}
