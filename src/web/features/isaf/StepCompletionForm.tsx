import { Button, Paper, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { type CycleBody, useCompleteStep } from "./isaf.api";
import { todayIso } from "./labels";

/** Records that the cycle's current step is done (on a date, with a note); the server checks what it needs. */
export function StepCompletionForm({ cycle }: { cycle: CycleBody }) {
  const { t } = useTranslation("isaf");
  const complete = useCompleteStep(cycle.id);
  const [date, setDate] = useState(todayIso());
  const [note, setNote] = useState("");
  const fieldErrors = complete.error instanceof ApiError ? complete.error.fieldErrors : {};
  const label = t("cycle.complete", { step: t(`steps.${cycle.step}`) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await complete
      .mutateAsync({ step: cycle.step, completedOn: date, note, version: cycle.version })
      .catch(() => null);
    setNote("");
  };

  return (
    <Paper withBorder p="sm" mt="xs" radius="md" component="form" onSubmit={submit} aria-label={label}>
      <Stack gap="xs">
        <TextInput
          type="date"
          label={t("cycle.completedOn")}
          value={date}
          max={todayIso()}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={fieldErrors.completedOn}
          required
        />
        <Textarea
          label={t("cycle.note")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {complete.error !== null && !fieldErrors.completedOn && <ErrorAlert error={complete.error} />}
        <Button type="submit" loading={complete.isPending} fullWidth>
          {label}
        </Button>
      </Stack>
    </Paper>
  );
}
