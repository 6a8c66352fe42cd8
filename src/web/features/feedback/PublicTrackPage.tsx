import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { formatTrackingCode, normaliseTrackingCode } from "../../../domain/feedback/tracking-code";
import { isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { PublicFrame } from "../public/PublicFrame";
import { useFeedbackByCode } from "./feedback.api";

const STATUS_COLOURS = { received: "yellow", answered: "teal", escalated: "orange", closed: "gray" } as const;

/** /public/feedback/track — the sender reads the status and the answer of a message by its code. */
export function PublicTrackPage() {
  const { t } = useTranslation("feedback");
  const format = useFormat();
  usePageTitle(t("track.title"));
  const [params, setParams] = useSearchParams();
  const asked = params.get("code");
  const [typed, setTyped] = useState(asked ? formatTrackingCode(asked) : "");
  const [invalid, setInvalid] = useState(false);
  const found = useFeedbackByCode(asked);

  const look = (event: FormEvent) => {
    event.preventDefault();
    // The check digit catches a typo here already; the server answers the same "not found" anyway.
    const code = normaliseTrackingCode(typed);
    setInvalid(code === null);
    if (code) setParams({ code });
  };
  const notFound = invalid || isApiError(found.error, "feedback_code_unknown");

  return (
    <PublicFrame>
      <Stack maw={640} gap="md">
        <Title order={1} fz="h2">
          {t("track.title")}
        </Title>
        <Text>{t("track.intro")}</Text>
        <form onSubmit={look} noValidate>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={t("track.code")}
              value={typed}
              onChange={(event) => {
                setTyped(event.currentTarget.value);
                setInvalid(false);
              }}
              inputMode="numeric"
              autoComplete="off"
              error={notFound ? t("track.notFound") : undefined}
              style={{ flex: 1 }}
              size="md"
            />
            <Button type="submit" size="md" loading={found.isFetching}>
              {t("track.look")}
            </Button>
          </Group>
        </form>
        {found.error && !notFound && <ErrorAlert error={found.error} onRetry={() => found.refetch()} />}
        {found.data && !invalid && (
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="track-status">
            <Stack gap="xs">
              <Group gap="xs">
                <Text fw={500} id="track-status">
                  {t("track.status")}
                </Text>
                <Badge color={STATUS_COLOURS[found.data.status]} variant="light" size="lg">
                  {t(`statuses.${found.data.status}`)}
                </Badge>
              </Group>
              <Text size="sm">{t("track.received", { date: format.date(found.data.receivedAt) })}</Text>
              {found.data.status === "received" && (
                <Text size="sm">{t("track.due", { date: format.date(found.data.answerDueOn) })}</Text>
              )}
              {found.data.answer ? (
                <Alert color="teal" variant="light" title={t("track.answer")}>
                  <Text style={{ whiteSpace: "pre-wrap" }}>{found.data.answer}</Text>
                  {found.data.answeredAt && (
                    <Text size="sm" c="dimmed" mt="xs">
                      {t("track.answeredOn", { date: format.date(found.data.answeredAt) })}
                    </Text>
                  )}
                </Alert>
              ) : (
                <Text size="sm" c="dimmed">
                  {t("track.noAnswer")}
                </Text>
              )}
            </Stack>
          </Paper>
        )}
        <Anchor component={Link} to="/public/feedback">
          {t("track.write")}
        </Anchor>
      </Stack>
    </PublicFrame>
  );
}
