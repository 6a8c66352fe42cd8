import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconScale } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { ListStates } from "../../components/ListStates";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { DistributionBars, Headline, useScoreFormat } from "./ResultView";
import { type ComparisonBody, useComparison } from "./scorecards.api";

/** /scorecards/cycle/:cycleId/comparison — the community's scores and the provider's own, side by side, with the gap. */
export function ComparisonPage() {
  const { cycleId = "" } = useParams();
  const { t } = useTranslation("scorecards");
  const comparison = useComparison(cycleId);
  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to={`/cycles/${cycleId}`} size="sm">
            {t("comparison.backToCycle")}
          </Anchor>
        }
        title={t("comparison.title")}
        description={t("comparison.help")}
      />
      <ListStates
        query={comparison}
        rowHeight={140}
        isEmpty={(data) => data.indicators.length === 0}
        empty={
          <EmptyState
            icon={<IconScale aria-hidden size={28} />}
            title={t("comparison.empty")}
            description={t("comparison.emptyHelp")}
          />
        }
      >
        {(data) => <Sides data={data} />}
      </ListStates>
    </>
  );
}

function Sides({ data }: { data: ComparisonBody }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const score = useScoreFormat();
  return (
    <Stack>
      <Group gap="md">
        {(["community", "self"] as const).map((kind) =>
          data[kind] ? (
            <Anchor key={kind} component={Link} to={`/scorecards/${data[kind]!.id}?step=results`}>
              {t(`kind.${kind}`)} ({t(`status.${data[kind]!.status}`)})
            </Anchor>
          ) : (
            <Text key={kind} c="dimmed">
              {t(`comparison.missing.${kind}`)}
            </Text>
          ),
        )}
      </Group>
      {data.indicators.map((row) => (
        <Card
          key={row.indicator.id}
          withBorder
          padding="sm"
          component="section"
          aria-labelledby={`cmp-${row.indicator.id}`}
        >
          <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
            <Title order={2} fz="h4" id={`cmp-${row.indicator.id}`} style={{ flex: 1, minWidth: 0 }}>
              {format.number(row.rank)}. {format.name(row.indicator)}
            </Title>
            <Badge
              size="lg"
              color={
                row.medianGap == null
                  ? "gray"
                  : row.medianGap > 0
                    ? "orange"
                    : row.medianGap < 0
                      ? "blue"
                      : "green"
              }
            >
              {t("comparison.gap")}:{" "}
              {row.medianGap == null ? "–" : `${row.medianGap > 0 ? "+" : ""}${score(row.medianGap)}`}
            </Badge>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {(["community", "self"] as const).map((kind) => (
              <Stack key={kind} gap="xs">
                <Text fw={600}>{t(`kind.${kind}`)}</Text>
                {row[kind] ? (
                  <>
                    <Headline result={row[kind]!} />
                    <DistributionBars
                      distribution={row[kind]!.distribution}
                      label={`${t(`kind.${kind}`)}: ${t("results.distribution")}`}
                    />
                  </>
                ) : (
                  <Text c="dimmed" size="sm">
                    {t("comparison.noScores")}
                  </Text>
                )}
              </Stack>
            ))}
          </SimpleGrid>
        </Card>
      ))}
      <Text size="sm" c="dimmed">
        {t("comparison.gapHelp")}
      </Text>
    </Stack>
  );
}
