import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatTrackingCode } from "../../../domain/feedback/tracking-code";
import { useFormat } from "../../i18n/format";
import type { Submitted } from "./feedback.api";

/** The tracking code, large, in the reader's digits (and Latin digits too in Khmer, for a keypad). */
export function SubmittedCard({ submitted, onAnother }: { submitted: Submitted; onAnother: () => void }) {
  const { t } = useTranslation("feedback");
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  const code = formatTrackingCode(submitted.trackingCode);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack maw={640} gap="md">
      <Group gap="xs" wrap="nowrap">
        <IconCircleCheck size={32} color="var(--mantine-color-teal-7)" aria-hidden />
        <Title order={1} fz="h2" ref={heading} tabIndex={-1}>
          {t("done.title")}
        </Title>
      </Group>
      <Paper withBorder p="md" radius="md" role="status">
        <Text size="sm" c="dimmed">
          {t("done.code")}
        </Text>
        <Text fz={36} fw={700} lh={1.3} data-testid="tracking-code">
          {format.digits(code)}
        </Text>
        {format.language === "km" && (
          <Text size="lg" c="dimmed" lang="en">
            {code}
          </Text>
        )}
      </Paper>
      <Text>{t("done.keep")}</Text>
      <Text size="sm">{t("done.due", { date: format.date(submitted.answerDueOn) })}</Text>
      <Group>
        <Button component={Link} to={`/public/feedback/track?code=${submitted.trackingCode}`} variant="light">
          {t("done.check")}
        </Button>
        <Button variant="default" onClick={onAnother}>
          {t("done.another")}
        </Button>
      </Group>
    </Stack>
  );
}
