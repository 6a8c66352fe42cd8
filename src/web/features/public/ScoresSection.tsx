import { Accordion, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconChartLine } from "@tabler/icons-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { useFormat } from "../../i18n/format";
import { FaceLegend } from "./Face";
import classes from "./Public.module.css";
import { PublicSection } from "./PublicSection";
import type { PublicIndicatorScores, PublicScoreYear } from "./public.api";
import { ScoreChart, SeriesLegend } from "./ScoreChart";
import { YearFigures } from "./YearFigures";

interface IndicatorRow {
  indicatorId: string;
  code: string;
  nameKm: string;
  nameEn: string;
}

/** Every indicator scored in any year, in the order of the latest year's priorities. */
function indicatorsOf(years: PublicScoreYear[]): IndicatorRow[] {
  const seen = new Map<string, IndicatorRow>();
  for (const year of [...years].reverse()) {
    for (const row of year.indicators) if (!seen.has(row.indicatorId)) seen.set(row.indicatorId, row);
  }
  return [...seen.values()];
}

/** "Scores over the years": per indicator, the median by year, community beside self, with the gap. */
export function ScoresSection({ years }: { years: PublicScoreYear[] }) {
  const { t } = useTranslation("public");
  const format = useFormat();
  if (years.length === 0) {
    return (
      <PublicSection title={t("scores.title")}>
        <EmptyState
          title={t("scores.emptyTitle")}
          description={t("scores.emptyHint")}
          icon={<IconChartLine aria-hidden size={28} />}
        />
      </PublicSection>
    );
  }
  return (
    <PublicSection title={t("scores.title")} intro={t("scores.intro")}>
      <Stack gap="sm" mb="md">
        <Text size="sm">
          {t("scores.yearsShown", {
            years: years.map((year) => format.digits(String(year.year))).join(", "),
          })}
        </Text>
        <FaceLegend />
        <SeriesLegend />
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {indicatorsOf(years).map((indicator) => (
          <IndicatorCard key={indicator.indicatorId} indicator={indicator} years={years} />
        ))}
      </SimpleGrid>
    </PublicSection>
  );
}

function IndicatorCard({ indicator, years }: { indicator: IndicatorRow; years: PublicScoreYear[] }) {
  const { t } = useTranslation("public");
  const format = useFormat();
  const headingId = useId();
  const name = format.name(indicator);
  const rows = years
    .map((year) => ({
      year: year.year,
      row: year.indicators.find((r) => r.indicatorId === indicator.indicatorId),
    }))
    .filter((entry): entry is { year: number; row: PublicIndicatorScores } => entry.row !== undefined);
  const points = years.map((year) => {
    const row = year.indicators.find((r) => r.indicatorId === indicator.indicatorId);
    return { year: year.year, community: row?.community?.median ?? null, self: row?.self?.median ?? null };
  });
  const median = (value: number | null | undefined) =>
    value === null || value === undefined ? t("scores.notScored") : format.number(value);
  const gap = (value: number | null) =>
    value === null ? "—" : format.number(value, { signDisplay: "exceptZero" });

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="article"
      aria-labelledby={headingId}
      className={classes.card}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start" mb="xs">
        <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
          {indicator.code}
        </Badge>
        <Title order={3} fz="md" id={headingId}>
          {name}
        </Title>
      </Group>
      <ScoreChart indicator={name} points={points} />
      <Table fz="sm" verticalSpacing={4} horizontalSpacing={6} mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("scores.year")}</Table.Th>
            <Table.Th scope="col">{t("scores.community")}</Table.Th>
            <Table.Th scope="col">{t("scores.self")}</Table.Th>
            <Table.Th scope="col">{t("scores.gap")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ year, row }) => (
            <Table.Tr key={year}>
              <Table.Th scope="row">{format.digits(String(year))}</Table.Th>
              <Table.Td>
                {median(row.community?.median)}
                {row.community && (
                  <Text span size="xs" c="dimmed" display="block">
                    {t("scores.nShort", { n: format.number(row.community.n) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{median(row.self?.median)}</Table.Td>
              <Table.Td fw={600}>{gap(row.gap)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Accordion variant="contained" mt="xs" chevronPosition="right">
        {rows.map(({ year, row }) => (
          <Accordion.Item key={year} value={String(year)}>
            <Accordion.Control>
              <Text size="sm">{t("scores.details", { year: format.digits(String(year)) })}</Text>
            </Accordion.Control>
            <Accordion.Panel>
              <YearFigures row={row} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Paper>
  );
}
