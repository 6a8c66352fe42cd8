import { Anchor, Checkbox, Group, Select, SimpleGrid, Stack, Tabs, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { ListStates } from "../../components/ListStates";
import { PageHeader } from "../../components/PageHeader";
import { PlacePicker } from "../../components/PlacePicker";
import { ResponsiveList } from "../../components/ResponsiveList";
import { useFormat } from "../../i18n/format";
import { Pager } from "../admin/Pager";
import { useMe } from "../auth/session";
import { type CycleFilters, type CycleItem, useCycles, useProgrammes } from "./isaf.api";
import { LateBadge, SECTORS, SectorBadge, STEPS, StepBadge } from "./labels";

const LIMIT = 25;

/** /cycles — the cycles in the user's area, filtered (query: programme, place, year, sector, step, late, mine). */
export function CyclesPage() {
  const { t } = useTranslation("isaf");
  const format = useFormat();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const programmes = useProgrammes();
  const filters: CycleFilters = {
    programme: params.get("programme") ?? undefined,
    place: params.get("place") ?? undefined,
    year: params.get("year") ? Number(params.get("year")) : undefined,
    sector: params.get("sector") ?? undefined,
    step: params.get("step") ?? undefined,
    late: params.get("late") === "1" ? "1" : undefined,
    mine: params.get("mine") === "1" ? "1" : undefined,
    limit: LIMIT,
    offset: Number(params.get("offset") ?? 0),
  };
  const cycles = useCycles(filters);
  const set = (key: string, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete("offset");
    setParams(next, { replace: true });
  };
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear + 1 - i)).map((y) => ({
    value: y,
    label: format.digits(y),
  }));
  const facilitator = me.roles.includes("facilitator");

  const facility = (c: CycleItem) => (
    <Stack gap={0}>
      <Anchor component={Link} to={`/cycles/${c.id}`} fw={600}>
        {format.name(c.facility)}
      </Anchor>
      <Text size="xs" c="dimmed">
        {c.commune ? format.name(c.commune) : c.communeCode} · {format.digits(String(c.year))}
      </Text>
    </Stack>
  );
  const planned = (c: CycleItem) => (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{c.plannedMeetingOn ? format.date(c.plannedMeetingOn) : "—"}</Text>
      {c.late && <LateBadge />}
    </Group>
  );
  const people = (c: CycleItem) => c.facilitators.map((f) => f.displayName).join(", ") || "—";

  return (
    <>
      <PageHeader title={t("cycles.title")} description={t("cycles.description")} />
      {facilitator && (
        <Tabs
          value={filters.mine ? "mine" : "all"}
          onChange={(tab) => set("mine", tab === "mine" ? "1" : null)}
          mb="md"
        >
          <Tabs.List>
            <Tabs.Tab value="all">{t("cycles.all")}</Tabs.Tab>
            <Tabs.Tab value="mine">{t("cycles.mine")}</Tabs.Tab>
          </Tabs.List>
        </Tabs>
      )}
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        mb="md"
        spacing="sm"
        component="section"
        aria-label={t("cycles.filters")}
      >
        <Select
          label={t("cycles.programme")}
          data={(programmes.data ?? []).map((p) => ({ value: p.id, label: format.name(p) }))}
          value={filters.programme ?? null}
          onChange={(v) => set("programme", v)}
          clearable
        />
        <PlacePicker
          label={t("cycles.place")}
          value={filters.place ?? null}
          onChange={(code) => set("place", code)}
        />
        <Select
          label={t("cycles.year")}
          data={years}
          value={filters.year ? String(filters.year) : null}
          onChange={(v) => set("year", v)}
          clearable
        />
        <Select
          label={t("cycles.sector")}
          data={SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
          value={filters.sector ?? null}
          onChange={(v) => set("sector", v)}
          clearable
        />
        <Select
          label={t("cycles.step")}
          data={STEPS.map((s) => ({ value: s, label: t(`steps.${s}`) }))}
          value={filters.step ?? null}
          onChange={(v) => set("step", v)}
          clearable
        />
        <Checkbox
          mt={{ sm: 30 }}
          label={t("cycles.lateOnly")}
          checked={!!filters.late}
          onChange={(e) => set("late", e.currentTarget.checked ? "1" : null)}
        />
      </SimpleGrid>
      <ListStates
        query={cycles}
        rowHeight={56}
        isEmpty={(page) => page.items.length === 0}
        empty={<EmptyState title={t("cycles.emptyTitle")} description={t("cycles.empty")} />}
      >
        {(page) => (
          <>
            <ResponsiveCycles items={page.items} facility={facility} planned={planned} people={people} />
            <Pager
              total={page.total}
              offset={filters.offset}
              limit={LIMIT}
              onChange={(offset) => set("offset", offset ? String(offset) : null)}
            />
          </>
        )}
      </ListStates>
    </>
  );
}

function ResponsiveCycles({
  items,
  facility,
  planned,
  people,
}: {
  items: CycleItem[];
  facility: (c: CycleItem) => React.ReactNode;
  planned: (c: CycleItem) => React.ReactNode;
  people: (c: CycleItem) => string;
}) {
  const { t } = useTranslation("isaf");
  const format = useFormat();
  return (
    <ResponsiveList
      items={items}
      itemKey={(c) => c.id}
      label={t("cycles.title")}
      minWidth={860}
      columns={[
        { key: "facility", header: t("cycles.facility"), cell: facility },
        { key: "sector", header: t("cycles.sector"), cell: (c) => <SectorBadge code={c.sectorCode} /> },
        { key: "programme", header: t("cycles.programme"), cell: (c) => format.name(c.programme) },
        { key: "step", header: t("cycles.step"), cell: (c) => <StepBadge step={c.step} /> },
        { key: "planned", header: t("cycles.plannedMeetingOn"), cell: planned },
        { key: "facilitators", header: t("cycles.facilitators"), cell: people },
      ]}
      card={(c) => (
        <Stack gap={6}>
          {facility(c)}
          <Group gap="xs">
            <SectorBadge code={c.sectorCode} />
            <StepBadge step={c.step} />
          </Group>
          {planned(c)}
          <Text size="sm" c="dimmed">
            {people(c)}
          </Text>
        </Stack>
      )}
    />
  );
}
