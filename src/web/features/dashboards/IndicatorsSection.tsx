import { Paper, SimpleGrid, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { BarList } from "./BarList";
import classes from "./Dashboard.module.css";
import type { Dashboard } from "./dashboards.api";
import { cyclesHref } from "./records";
import { useFigureFormat } from "./useFigureFormat";

/** Score 1 (very bad) … 5 (very good). */
const SCORE_COLOURS = [
  "var(--mantine-color-red-6)",
  "var(--mantine-color-orange-5)",
  "var(--mantine-color-yellow-5)",
  "var(--mantine-color-lime-6)",
  "var(--mantine-color-teal-7)",
];

type Summary = Dashboard["indicators"][number]["community"];

function DistributionBar({ summary }: { summary: Summary }) {
  const { t } = useTranslation("dashboards");
  const format = useFormat();
  const text = summary.distribution
    .map((count, index) =>
      t("indicators.scoreCount", { score: format.number(index + 1), n: format.number(count) }),
    )
    .join(", ");
  return (
    <>
      <div className={classes.stack} aria-hidden title={text}>
        {summary.distribution.map((count, index) => (
          <span
            key={index}
            style={{
              width: `${summary.n ? (100 * count) / summary.n : 0}%`,
              background: SCORE_COLOURS[index],
            }}
          />
        ))}
      </div>
      <VisuallyHidden>{text}</VisuallyHidden>
    </>
  );
}

/** Most raised and prioritised indicators; each indicator's scores, self-assessment gap and trend. */
export function IndicatorsSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation("dashboards");
  const format = useFormat();
  const figure = useFigureFormat();
  const median = (value: number | null) => (value === null ? "–" : figure("score", value));
  const ranked = (rows: Dashboard["raised"]) =>
    rows.map((row) => ({
      key: row.indicator.id,
      label: format.name(row.indicator),
      value: row.count,
      display: format.number(row.count),
      href: cyclesHref(dashboard.scope),
    }));
  return (
    <section aria-labelledby="dashboard-indicators">
      <Title order={2} fz="h4" mb="sm" id="dashboard-indicators">
        {t("sections.indicators")}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mb="lg">
        <Paper withBorder radius="md" p="sm">
          <BarList caption={t("charts.raised")} bars={ranked(dashboard.raised)} />
        </Paper>
        <Paper withBorder radius="md" p="sm">
          <BarList caption={t("charts.prioritised")} bars={ranked(dashboard.prioritised)} />
        </Paper>
      </SimpleGrid>
      <Paper withBorder radius="md" className={classes.tableScroll}>
        <Table striped fz="sm" verticalSpacing={6} miw={720}>
          <Table.Caption>{t("indicators.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("indicators.indicator")}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t("indicators.n")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("indicators.median")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("indicators.mean")}
              </Table.Th>
              <Table.Th scope="col">{t("indicators.distribution")}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t("indicators.selfMedian")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("indicators.gap")}
              </Table.Th>
              <Table.Th scope="col">{t("indicators.trend")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dashboard.indicators.map((row) => (
              <Table.Tr key={row.indicator.id}>
                <Table.Th scope="row" fw={400} maw={260}>
                  <Text size="sm">{format.name(row.indicator)}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {row.indicator.code}
                  </Text>
                </Table.Th>
                <Table.Td ta="right">{format.number(row.community.n)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {median(row.community.median)}
                </Table.Td>
                <Table.Td ta="right">{median(row.community.mean)}</Table.Td>
                <Table.Td miw={120}>
                  <DistributionBar summary={row.community} />
                </Table.Td>
                <Table.Td ta="right">{median(row.self.median)}</Table.Td>
                <Table.Td ta="right" c={row.gap !== null && row.gap > 0 ? "orange.8" : undefined}>
                  {row.gap === null ? "–" : `${row.gap > 0 ? "+" : ""}${figure("score", row.gap)}`}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {row.trend
                      .filter((point) => point.community.median !== null)
                      .map(
                        (point) => `${format.digits(String(point.year))}: ${median(point.community.median)}`,
                      )
                      .join(" · ") || "–"}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </section>
  );
}
