import { Paper, SimpleGrid, Table, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { BarList } from "./BarList";
import classes from "./Dashboard.module.css";
import type { Dashboard } from "./dashboards.api";
import { actionsHref, cyclesHref } from "./records";
import { useFigureFormat } from "./useFigureFormat";

const STATUS_COLOURS: Record<string, string> = {
  planned: "var(--mantine-color-gray-6)",
  in_progress: "var(--mantine-color-blue-6)",
  done: "var(--mantine-color-teal-6)",
  dropped: "var(--mantine-color-red-4)",
};

/** JAAP actions by status with overdue ones, committee quota compliance, and the figures by year. */
export function ActionsAndCommittees({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation("dashboards");
  const format = useFormat();
  const figure = useFigureFormat();
  const { scope, jaap, committees } = dashboard;
  return (
    <section aria-labelledby="dashboard-actions">
      <Title order={2} fz="h4" mb="sm" id="dashboard-actions">
        {t("sections.actions")}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mb="lg">
        <Paper withBorder radius="md" p="sm">
          <BarList
            caption={t("charts.actionsByStatus")}
            bars={[
              ...jaap.byStatus.map((row) => ({
                key: row.status,
                label: t(`status.${row.status}`),
                value: row.count,
                display: format.number(row.count),
                href: actionsHref(scope, { status: row.status }),
                color: STATUS_COLOURS[row.status],
              })),
              {
                key: "overdue",
                label: t("status.overdue"),
                value: jaap.overdue,
                display: format.number(jaap.overdue),
                href: actionsHref(scope, { overdue: true }),
                color: "var(--mantine-color-orange-7)",
              },
            ]}
          />
        </Paper>
        <Paper withBorder radius="md" p="sm">
          <BarList
            caption={t("charts.committees")}
            bars={(["compliant", "override", "notFormed"] as const).map((key) => ({
              key,
              label: t(`committees.${key}`),
              value: committees[key],
              display: format.number(committees[key]),
              href: cyclesHref(scope, key === "notFormed" ? { step: "jaap" } : {}),
              color:
                key === "compliant"
                  ? undefined
                  : key === "override"
                    ? "var(--mantine-color-orange-6)"
                    : "var(--mantine-color-gray-5)",
            }))}
          />
        </Paper>
      </SimpleGrid>
      <Paper withBorder radius="md" p="sm" className={classes.tableScroll}>
        <Table fz="sm" verticalSpacing={4} miw={420} style={{ whiteSpace: "nowrap" }}>
          <Table.Caption>{t("charts.years")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("years.year")}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t("figures.cycles")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("figures.participants")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("figures.communityMean")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("years.actionsDone")}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dashboard.years.map((row) => (
              <Table.Tr key={row.year}>
                <Table.Th scope="row">{format.digits(String(row.year))}</Table.Th>
                <Table.Td ta="right">{format.number(row.cycles)}</Table.Td>
                <Table.Td ta="right">{format.number(row.participants)}</Table.Td>
                <Table.Td ta="right">
                  {row.communityMean === null ? "–" : figure("score", row.communityMean)}
                </Table.Td>
                <Table.Td ta="right">
                  {format.number(row.actionsDone)} / {format.number(row.actions)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </section>
  );
}
