import { Button, Card, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import { StepTitle } from "./StepParts";
import { type Priority, type Scorecard, useCardChange } from "./scorecards.api";

const FIELDS = ["strengths", "weaknesses", "suggestedActions"] as const;

/** Step 6: what the meeting said about each indicator — strengths, weaknesses, suggested actions. */
export function NotesStep({ card }: { card: Scorecard }) {
  const { t } = useTranslation("scorecards");
  return (
    <Stack>
      <StepTitle help={t("notes.help")}>{t("steps.notes")}</StepTitle>
      {card.priorities.length === 0 ? (
        <EmptyState
          title={t("scoring.noPriorities")}
          description={t(`scoring.noPrioritiesHelp.${card.kind}`)}
        />
      ) : (
        card.priorities.map((priority) => (
          <IndicatorNotes key={priority.indicator.id} card={card} priority={priority} />
        ))
      )}
    </Stack>
  );
}

function IndicatorNotes({ card, priority }: { card: Scorecard; priority: Priority }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const change = useCardChange(card.id);
  const [notes, setNotes] = useState({
    strengths: priority.strengths ?? "",
    weaknesses: priority.weaknesses ?? "",
    suggestedActions: priority.suggestedActions ?? "",
  });
  const changed = FIELDS.some((field) => notes[field] !== (priority[field] ?? ""));
  return (
    <Card withBorder padding="sm" component="section" aria-label={format.name(priority.indicator)}>
      <Stack gap="xs">
        <Text fw={600}>
          {format.number(priority.rank)}. {format.name(priority.indicator)}
        </Text>
        {FIELDS.map((field) => (
          <Textarea
            key={field}
            label={t(`notes.${field}`)}
            autosize
            minRows={2}
            maxLength={2000}
            value={notes[field]}
            disabled={!card.can.edit}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setNotes((current) => ({ ...current, [field]: value }));
            }}
          />
        ))}
        {change.error !== null && <ErrorAlert error={change.error} />}
        {card.can.edit && (
          <Button
            variant="light"
            disabled={!changed}
            loading={change.isPending}
            onClick={() =>
              change.mutate({
                method: "PUT",
                path: `/priorities/${priority.indicator.id}/notes`,
                body: { ...notes, version: card.version },
              })
            }
          >
            {t("notes.save")}
          </Button>
        )}
        {change.isSuccess && !changed && (
          <Text role="status" c="green" size="sm">
            {t("saved")}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
