import { Alert, Button, Group, SegmentedControl, Select, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { type FeedbackItem, useFeedbackChange } from "./feedback.api";

/**
 * Answers staff start from (issue 5, part 4), in Khmer and in English whatever the screen's language:
 * the words are in the `feedback` namespace under `templates`. The child-protection ones are offered
 * only in that queue.
 */
const GENERAL_TEMPLATES = ["forwarded", "fixed", "meeting", "notOurs"] as const;
const CHILD_PROTECTION_TEMPLATES = ["safeContact", "forwarded"] as const;

/** A template in the language the sender will read, put in the answer box (to edit before sending). */
function AnswerTemplates({ restricted, onPick }: { restricted: boolean; onPick: (text: string) => void }) {
  const { t, i18n } = useTranslation("feedback");
  const [language, setLanguage] = useState<"km" | "en">("km");
  const [picked, setPicked] = useState<string | null>(null);
  const names = restricted ? CHILD_PROTECTION_TEMPLATES : GENERAL_TEMPLATES;
  const inLanguage = i18n.getFixedT(language, "feedback");
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <Select
        label={t("templates.pick")}
        placeholder={t("templates.none")}
        data={names.map((name) => ({ value: name, label: t(`templates.${name}.label`) }))}
        value={picked}
        onChange={(name) => {
          setPicked(name);
          if (name) onPick(inLanguage(`templates.${name}.text`));
        }}
        style={{ flex: "1 1 14rem" }}
        clearable
      />
      <SegmentedControl
        aria-label={t("templates.language")}
        value={language}
        onChange={(value) => {
          const next = value as "km" | "en";
          setLanguage(next);
          if (picked) onPick(i18n.getFixedT(next, "feedback")(`templates.${picked}.text`));
        }}
        data={[
          { value: "km", label: "ខ្មែរ" },
          { value: "en", label: "English" },
        ]}
      />
    </Group>
  );
}

export function AnswerForm({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation("feedback");
  const change = useFeedbackChange(item.id);
  const [text, setText] = useState("");
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    change.mutate({ path: "answer", body: { text: text.trim(), version: item.version } });
  };
  return (
    <form onSubmit={send} aria-label={t("queue.answer")}>
      <Stack gap="xs">
        {item.restricted && (
          <Alert color="orange" variant="light" p="xs">
            {t("queue.restrictedAnswerWarning")}
          </Alert>
        )}
        {item.answerBySms && (
          <Text size="sm" c="dimmed">
            {t("queue.bySms")}
          </Text>
        )}
        <AnswerTemplates restricted={item.restricted} onPick={setText} />
        <Textarea
          label={t("queue.answerLabel")}
          description={t("queue.answerHelp")}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={isApiError(change.error) ? change.error.fieldErrors.text : undefined}
          maxLength={2000}
          autosize
          minRows={2}
        />
        {change.error !== null && !isApiError(change.error, "validation_failed") && (
          <ErrorAlert error={change.error} />
        )}
        <Group>
          <Button type="submit" loading={change.isPending} disabled={!text.trim()}>
            {t("queue.send")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
