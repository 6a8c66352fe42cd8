import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconChecklist } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { ListStates } from "../../components/ListStates";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { RequireAbility } from "../admin/RequireAbility";
import { DecideChange, ReviewActions } from "./ReviewActions";
import { type Reviews, useReviews } from "./scorecards.api";

type Summary = Reviews["submitted"][number];

/** /scorecards/reviews — submitted score cards and change requests waiting in the reviewer's area. */
export function ReviewsPage() {
  const { t } = useTranslation("scorecards");
  return (
    <RequireAbility ability="scorecard:review" title={t("reviews.title")}>
      <Queue />
    </RequireAbility>
  );
}

function CardLine({ card }: { card: Omit<Summary, "submittedBy"> }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={`/scorecards/${card.id}?step=results`} fw={600}>
        {format.name(card.cycle.facility)} · {t(`kind.${card.kind}`)} {format.digits(String(card.cycle.year))}
      </Anchor>
      <Text size="sm" c="dimmed">
        {card.cycle.path.map((place) => format.name(place)).join(" › ")}
      </Text>
      <Text size="sm">
        {t("reviews.figures", {
          participants: format.number(card.participantCount),
          priorities: format.number(card.priorityCount),
        })}
      </Text>
    </Stack>
  );
}

function Queue() {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const reviews = useReviews();
  return (
    <>
      <PageHeader title={t("reviews.title")} description={t("reviews.help")} />
      <ListStates
        query={reviews}
        rowHeight={96}
        isEmpty={(data) => data.submitted.length === 0 && data.changeRequests.length === 0}
        empty={
          <EmptyState
            icon={<IconChecklist aria-hidden size={28} />}
            title={t("reviews.empty")}
            description={t("reviews.emptyHelp")}
          />
        }
      >
        {(data) => (
          <Stack gap="lg">
            <Stack gap="xs" component="section" aria-labelledby="reviews-submitted">
              <Title order={2} fz="h4" id="reviews-submitted">
                {t("reviews.submitted", { n: format.number(data.submitted.length) })}
              </Title>
              {data.submitted.length === 0 && <Text c="dimmed">{t("reviews.noneSubmitted")}</Text>}
              {data.submitted.map((card) => (
                <Card key={card.id} withBorder padding="sm">
                  <Group justify="space-between" align="flex-start" gap="sm">
                    <Stack gap={2}>
                      <CardLine card={card} />
                      {card.submittedAt && (
                        <Text size="xs" c="dimmed">
                          {card.submittedBy
                            ? t("submit.submittedBy", {
                                name: card.submittedBy.displayName,
                                date: format.dateTime(card.submittedAt),
                              })
                            : t("submit.submittedOn", { date: format.dateTime(card.submittedAt) })}
                        </Text>
                      )}
                    </Stack>
                    <ReviewActions id={card.id} version={card.version} />
                  </Group>
                </Card>
              ))}
            </Stack>
            <Stack gap="xs" component="section" aria-labelledby="reviews-changes">
              <Title order={2} fz="h4" id="reviews-changes">
                {t("reviews.changes", { n: format.number(data.changeRequests.length) })}
              </Title>
              {data.changeRequests.length === 0 && <Text c="dimmed">{t("reviews.noneChanges")}</Text>}
              {data.changeRequests.map((request) => (
                <Card key={request.id} withBorder padding="sm">
                  <Stack gap="xs">
                    <CardLine card={request.scorecard} />
                    <Group gap="xs">
                      <Badge variant="light">{t("changes.status.pending")}</Badge>
                      <Text size="sm" c="dimmed">
                        {request.requestedBy?.displayName} · {format.dateTime(request.requestedAt)}
                      </Text>
                    </Group>
                    <Text>{request.reason}</Text>
                    <DecideChange id={request.scorecard.id} requestId={request.id} />
                  </Stack>
                </Card>
              ))}
            </Stack>
          </Stack>
        )}
      </ListStates>
    </>
  );
}
