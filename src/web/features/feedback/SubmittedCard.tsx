import { Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format";
import type { Submitted } from "./feedback.api";
import { TrackingCodeReceipt } from "./TrackingCodeBox";

/** The tracking code, large, in the reader's digits (and Latin digits too in Khmer, for a keypad). */
export function SubmittedCard({ submitted, onAnother }: { submitted: Submitted; onAnother: () => void }) {
  const { t } = useTranslation("feedback");
  const format = useFormat();
  return (
    <Stack maw={640} gap="md">
      <TrackingCodeReceipt title={t("done.title")} label={t("done.code")} code={submitted.trackingCode} />
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
