import { Badge, Group, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { IconChecklist } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { useFormat } from "../../i18n/format";
import classes from "./Public.module.css";
import { PublicSection } from "./PublicSection";
import type { ActionCounts, PublicAction } from "./public.api";

export const STATUS_COLOURS: Record<PublicAction["status"], string> = {
  planned: "gray",
  in_progress: "blue",
  done: "green",
  dropped: "dark",
};

/** Done out of total, with the overdue count: the same line on the facility and commune pages. */
export function Completion({ counts }: { counts: ActionCounts }) {
  const { t } = useTranslation("public");
  const format = useFormat();
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" fw={600}>
        {t("jaap.completion", { done: format.number(counts.done), total: format.number(counts.total) })}
      </Text>
      {counts.overdue > 0 && (
        <Badge color="red" variant="light">
          {t("jaap.overdueCount", { n: format.number(counts.overdue) })}
        </Badge>
      )}
    </Group>
  );
}

/** "What was promised and what was done": the JAAP actions by year, with their status. */
export function JaapSection({ counts, items }: { counts: ActionCounts; items: PublicAction[] }) {
  const { t } = useTranslation("public");
  const format = useFormat();
  const years = [...new Set(items.map((item) => item.year))].sort((a, b) => b - a);
  return (
    <PublicSection title={t("jaap.title")} intro={t("jaap.intro")}>
      {items.length === 0 ? (
        <EmptyState
          title={t("jaap.emptyTitle")}
          description={t("jaap.emptyHint")}
          icon={<IconChecklist aria-hidden size={28} />}
        />
      ) : (
        <Stack gap="md">
          <Stack gap={6}>
            <Completion counts={counts} />
            <Progress
              value={counts.total ? (counts.done / counts.total) * 100 : 0}
              color="green"
              aria-label={t("jaap.completion", {
                done: format.number(counts.done),
                total: format.number(counts.total),
              })}
            />
          </Stack>
          {years.map((year) => (
            <Stack
              key={year}
              gap="xs"
              component="section"
              aria-label={t("jaap.yearHeading", { year: format.digits(String(year)) })}
            >
              <Title order={3} fz="md">
                {t("jaap.yearHeading", { year: format.digits(String(year)) })}
              </Title>
              <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
                {items
                  .filter((item) => item.year === year)
                  .map((item) => (
                    <ActionItem key={item.id} action={item} />
                  ))}
              </Stack>
            </Stack>
          ))}
        </Stack>
      )}
    </PublicSection>
  );
}

function ActionItem({ action }: { action: PublicAction }) {
  const { t } = useTranslation("public");
  const format = useFormat();
  return (
    <Paper component="li" withBorder radius="sm" p="sm" className={classes.card}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap" mb={6}>
        <Text fw={600} style={{ flex: "1 1 12rem", minWidth: 0 }}>
          {action.title}
        </Text>
        <Group gap={6} wrap="wrap">
          <Badge
            color={STATUS_COLOURS[action.status]}
            variant={action.status === "done" ? "filled" : "light"}
          >
            {t(`jaap.status.${action.status}`)}
          </Badge>
          {action.overdue && (
            <Badge color="red" variant="outline">
              {t("jaap.overdue")}
            </Badge>
          )}
        </Group>
      </Group>
      <Stack gap={2}>
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t("frame.label", { label: t("jaap.responsible") })}
          </Text>{" "}
          {t(`jaap.party.${action.responsibleParty}`)}
        </Text>
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t("frame.label", { label: t("jaap.deadline") })}
          </Text>{" "}
          {format.date(action.deadline)}
        </Text>
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t("frame.label", { label: t("jaap.lastUpdate") })}
          </Text>{" "}
          {action.lastUpdateOn ? format.date(action.lastUpdateOn) : t("jaap.noUpdate")}
        </Text>
        {action.indicatorCodes.length > 0 && (
          <Group gap={4} wrap="wrap">
            <Text span c="dimmed" size="sm">
              {t("frame.label", { label: t("jaap.indicators") })}
            </Text>
            {action.indicatorCodes.map((code) => (
              <Badge key={code} size="sm" variant="light" color="gray">
                {code}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
