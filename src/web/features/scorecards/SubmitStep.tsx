import { Alert, Badge, Button, Card, Group, List, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconCircleCheck, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../components/ConfirmButton";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import { DecideChange, ReviewActions } from "./ReviewActions";
import { StepTitle } from "./StepParts";
import { type Scorecard, useCardChange } from "./scorecards.api";
import { STATUS_COLOURS } from "./scorecards.labels";

/** Step 8: what is still missing, submitting for review, the review itself and corrections after approval. */
export function SubmitStep({ card }: { card: Scorecard }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const change = useCardChange(card.id);
  return (
    <Stack>
      <StepTitle>{t("steps.submit")}</StepTitle>
      <Group gap="xs">
        <Text>{t("submit.status")}</Text>
        <Badge color={STATUS_COLOURS[card.status]}>{t(`status.${card.status}`)}</Badge>
      </Group>
      {card.submittedAt && (
        <Text size="sm" c="dimmed">
          {card.submittedBy
            ? t("submit.submittedBy", {
                name: card.submittedBy.displayName,
                date: format.dateTime(card.submittedAt),
              })
            : t("submit.submittedOn", { date: format.dateTime(card.submittedAt) })}
        </Text>
      )}
      {card.reviewedAt && (
        <Text size="sm" c="dimmed">
          {t("submit.reviewedBy", {
            name: card.reviewedBy?.displayName ?? "–",
            date: format.dateTime(card.reviewedAt),
          })}
        </Text>
      )}
      {(card.status === "draft" || card.status === "returned") &&
        (card.missing.length > 0 ? (
          <Alert color="yellow" title={t("submit.missingTitle")}>
            <List size="sm">
              {card.missing.map((item) => (
                <List.Item key={item.path}>{item.message || t(`refusal.${item.code}`)}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <Alert color="green" icon={<IconCircleCheck aria-hidden />}>
            {t("submit.ready")}
          </Alert>
        ))}
      {change.error !== null && <ErrorAlert error={change.error} withFieldErrors />}
      {card.can.submit && (
        <ConfirmButton
          color="blue"
          size="md"
          leftSection={<IconSend size={18} aria-hidden />}
          title={t("submit.confirmTitle")}
          message={t("submit.confirm")}
          onConfirm={() =>
            change.mutateAsync({ method: "POST", path: "/submit", body: { version: card.version } })
          }
        >
          {t("submit.submit")}
        </ConfirmButton>
      )}
      {card.can.review && (
        <Card withBorder>
          <Title order={3} fz="h4" mb="xs">
            {t("review.title")}
          </Title>
          <ReviewActions id={card.id} version={card.version} />
        </Card>
      )}
      {card.can.requestChange && <RequestChange card={card} />}
      <ChangeRequests card={card} />
    </Stack>
  );
}

function RequestChange({ card }: { card: Scorecard }) {
  const { t } = useTranslation("scorecards");
  const change = useCardChange(card.id);
  const [reason, setReason] = useState("");
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} fz="h4">
          {t("changes.requestTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("changes.requestHelp")}
        </Text>
        <Textarea
          label={t("changes.reason")}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        {change.error !== null && <ErrorAlert error={change.error} />}
        <Button
          variant="light"
          disabled={!reason.trim()}
          loading={change.isPending}
          onClick={() => change.mutate({ method: "POST", path: "/change-requests", body: { reason } })}
        >
          {t("changes.request")}
        </Button>
      </Stack>
    </Card>
  );
}

function ChangeRequests({ card }: { card: Scorecard }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  if (card.changeRequests.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} fz="h4">
        {t("changes.title")}
      </Title>
      {card.changeRequests.map((request) => (
        <Card key={request.id} withBorder padding="sm">
          <Stack gap={4}>
            <Group gap="xs">
              <Badge
                variant="light"
                color={
                  request.status === "pending" ? "blue" : request.status === "granted" ? "green" : "gray"
                }
              >
                {t(`changes.status.${request.status}`)}
              </Badge>
              <Text size="sm" c="dimmed">
                {request.requestedBy?.displayName} · {format.dateTime(request.requestedAt)}
              </Text>
            </Group>
            <Text>{request.reason}</Text>
            {request.decisionNote && (
              <Text size="sm" c="dimmed">
                {t("changes.decision", {
                  name: request.decidedBy?.displayName ?? "–",
                  note: request.decisionNote,
                })}
              </Text>
            )}
            {request.status === "pending" && card.can.decideChange && (
              <DecideChange id={card.id} requestId={request.id} />
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
