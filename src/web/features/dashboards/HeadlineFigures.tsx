import { Paper, SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format";
import classes from "./Dashboard.module.css";
import type { Dashboard } from "./dashboards.api";
import { actionsHref, cyclesHref } from "./records";
import { useFigureFormat } from "./useFigureFormat";

interface Stat {
  key: string;
  value: string;
  detail?: string;
  href: string;
}

/** The scope's headline figures, each a link to the records behind it. */
export function HeadlineFigures({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation("dashboards");
  const format = useFormat();
  const figure = useFigureFormat();
  const { scope, cycles, participants, jaap, committees } = dashboard;
  const women = participants.bySexAndAge
    .filter((row) => row.sex === "female")
    .reduce((s, r) => s + r.count, 0);
  const formed = committees.compliant + committees.override;
  const stats: Stat[] = [
    {
      key: "cycles",
      value: format.number(cycles.total),
      detail: t("headline.cyclesDone", { done: format.number(cycles.done) }),
      href: cyclesHref(scope),
    },
    { key: "late", value: format.number(cycles.late), href: cyclesHref(scope, { late: true }) },
    {
      key: "participants",
      value: format.number(participants.total),
      detail: participants.total
        ? t("headline.women", { share: figure("share", women / participants.total) })
        : undefined,
      href: cyclesHref(scope),
    },
    {
      key: "scorecards",
      value: format.number(dashboard.scorecards.community),
      detail: t("headline.self", { n: format.number(dashboard.scorecards.self) }),
      href: cyclesHref(scope),
    },
    {
      key: "completionRate",
      value: jaap.completionRate === null ? "–" : figure("share", jaap.completionRate),
      detail: t("headline.actions", { n: format.number(jaap.total) }),
      href: actionsHref(scope),
    },
    { key: "overdue", value: format.number(jaap.overdue), href: actionsHref(scope, { overdue: true }) },
    {
      key: "compliance",
      value: formed ? figure("share", committees.compliant / formed) : "–",
      detail: t("headline.committees", { formed: format.number(formed) }),
      href: cyclesHref(scope),
    },
  ];
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 4, lg: 7 }}
      spacing="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: "none" }}
    >
      {stats.map((stat) => (
        <li key={stat.key}>
          <Paper withBorder radius="md" p={0} h="100%">
            <Link to={stat.href} className={classes.stat} data-figure={stat.key} style={{ padding: 12 }}>
              <Text size="xs" c="dimmed" fw={500}>
                {t(`headline.${stat.key}`)}
              </Text>
              <Text
                fz={26}
                fw={700}
                lh={1.3}
                c={stat.key === "late" || stat.key === "overdue" ? "orange.8" : "teal.9"}
              >
                {stat.value}
              </Text>
              {stat.detail && (
                <Text size="xs" c="dimmed">
                  {stat.detail}
                </Text>
              )}
            </Link>
          </Paper>
        </li>
      ))}
    </SimpleGrid>
  );
}
