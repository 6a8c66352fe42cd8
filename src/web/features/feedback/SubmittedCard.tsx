import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format";
import type { Submitted } from "./feedback.api";
import { TrackingCodeBox } from "./TrackingCodeBox";

/** The tracking code, large, in the reader's digits (and Latin digits too in Khmer, for a keypad). */
export function SubmittedCard({ submitted, onAnother }: { submitted: Submitted; onAnother: () => void }) {
  const { t } = useTranslation("feedback");
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack maw={640} gap="md">
      <Group gap="xs" wrap="nowrap">
        <IconCircleCheck size={32} color="var(--mantine-color-teal-7)" aria-hidden />
        <Title order={1} fz="h2" ref={heading} tabIndex={-1}>
          {t("done.title")}
        </Title>
      </Group>
      <TrackingCodeBox label={t("done.code")} code={submitted.trackingCode} />
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
