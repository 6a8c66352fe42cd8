import { Anchor, Card, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { ListStates } from "../../components/ListStates";
import { useFormat } from "../../i18n/format";
import { DistributionBars, GroupTable, Headline } from "./ResultView";
import { StepTitle } from "./StepParts";
import { type Scorecard, useResults } from "./scorecards.api";

/** Step 7: per indicator, the exact median, the distribution, the mean and the groups. */
export function ResultsStep({ card }: { card: Scorecard }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const results = useResults(card.id);
  return (
    <Stack>
      <StepTitle
        help={t("results.help")}
        actions={
          <Anchor component={Link} to={`/scorecards/cycle/${card.cycleId}/comparison`} size="sm">
            {t("comparison.link")}
          </Anchor>
        }
      >
        {t("steps.results")}
      </StepTitle>
      <ListStates
        query={results}
        rowHeight={160}
        isEmpty={(data) => data.indicators.length === 0}
        empty={
          <EmptyState
            title={t("scoring.noPriorities")}
            description={t(`scoring.noPrioritiesHelp.${card.kind}`)}
          />
        }
      >
        {(data) => (
          <Stack>
            <Text size="sm">{t("results.participants", { n: format.number(data.participantCount) })}</Text>
            {data.indicators.map(({ indicator, rank, result }) => (
              <Card
                key={indicator.id}
                withBorder
                padding="sm"
                component="section"
                aria-labelledby={`result-${indicator.id}`}
              >
                <Stack gap="sm">
                  <Title order={3} fz="h4" id={`result-${indicator.id}`}>
                    {format.number(rank)}. {format.name(indicator)}
                  </Title>
                  <Headline result={result} />
                  <DistributionBars distribution={result.distribution} label={t("results.distribution")} />
                  <GroupTable result={result} />
                </Stack>
              </Card>
            ))}
          </Stack>
        )}
      </ListStates>
    </Stack>
  );
}
