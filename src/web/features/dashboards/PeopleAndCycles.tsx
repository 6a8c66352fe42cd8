import { Paper, SimpleGrid, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { BarList } from "./BarList";
import type { Dashboard } from "./dashboards.api";
import { cyclesHref } from "./records";

const SEX_COLOURS = { female: "var(--mantine-color-grape-6)", male: "var(--mantine-color-blue-6)" };

/** Cycles by step, and who took part: by sex and age band, and by profile. */
export function PeopleAndCycles({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation("dashboards");
  const format = useFormat();
  const { scope, cycles, participants } = dashboard;
  const bySex = participants.bySexAndAge;
  const top = Math.max(1, ...bySex.map((row) => row.count));
  return (
    <section aria-labelledby="dashboard-people">
      <Title order={2} fz="h4" mb="sm" id="dashboard-people">
        {t("sections.cyclesAndPeople")}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Paper withBorder radius="md" p="sm">
          <BarList
            caption={t("charts.cyclesByStep")}
            bars={cycles.byStep.map((row) => ({
              key: row.step,
              label: t(`steps.${row.step}`),
              value: row.count,
              display: format.number(row.count),
              href: cyclesHref(scope, { step: row.step }),
            }))}
          />
        </Paper>
        <Paper withBorder radius="md" p="sm">
          <BarList
            caption={t("charts.participantsBySexAndAge")}
            max={top}
            bars={bySex.map((row) => ({
              key: `${row.sex}-${row.ageBand}`,
              label: `${t(`sex.${row.sex}`)} · ${t(`ageBands.${row.ageBand}`)}`,
              value: row.count,
              display: format.number(row.count),
              color: SEX_COLOURS[row.sex],
            }))}
          />
        </Paper>
        <Paper withBorder radius="md" p="sm">
          <BarList
            caption={t("charts.participantsByProfile")}
            max={Math.max(1, participants.total)}
            bars={participants.profiles.flatMap((row) =>
              (["female", "male"] as const).map((sex) => ({
                key: `${row.profile}-${sex}`,
                label: `${t(`profiles.${row.profile}`)} · ${t(`sex.${sex}`)}`,
                value: row[sex],
                display: format.number(row[sex]),
                color: SEX_COLOURS[sex],
              })),
            )}
          />
        </Paper>
      </SimpleGrid>
    </section>
  );
}
