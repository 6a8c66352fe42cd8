import { Button, SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { villagesUrl } from "../../api/reference-urls";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import { referenceGet } from "../../offline/field-references";
import { StepTitle } from "./StepParts";
import { type Scorecard, useCardChange } from "./scorecards.api";

/** The commune's villages (GET /api/v1/places?parent=). */
type Places = { items: { code: string; nameKm: string; nameEn: string }[] };

/** Step 1: when and where the meeting was held, and whether people are registered or counted. */
export function MeetingDetailsStep({ card }: { card: Scorecard }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const change = useCardChange(card.id);
  const [heldOn, setHeldOn] = useState(card.heldOn ?? "");
  const [villageCode, setVillageCode] = useState<string | null>(card.village?.code ?? null);
  const [mode, setMode] = useState(card.mode);
  const villages = useQuery({
    queryKey: ["places", "children", card.cycle.communeCode],
    // Kept on the device for field work, so the picker works offline too.
    queryFn: ({ signal }) => referenceGet<Places>(villagesUrl(card.cycle.communeCode), signal),
    staleTime: 60 * 60_000,
  });
  const empty = card.participantCount === 0 && card.issues.length === 0 && (card.scores?.length ?? 0) === 0;
  const fieldError = (path: string) =>
    isApiError(change.error) ? change.error.fieldErrors[path] : undefined;
  const today = new Date().toLocaleDateString("en-CA"); // YYYY-MM-DD on this device's calendar

  return (
    <Stack>
      <StepTitle help={t("meeting.help")}>{t("steps.meeting")}</StepTitle>
      <TextInput
        type="date"
        label={t("meeting.heldOn")}
        value={heldOn}
        max={today}
        onChange={(event) => setHeldOn(event.currentTarget.value)}
        disabled={!card.can.edit}
        error={fieldError("heldOn")}
        size="md"
      />
      <Select
        label={t("meeting.village")}
        placeholder={t("meeting.villagePlaceholder")}
        data={(villages.data?.items ?? []).map((village) => ({
          value: village.code,
          label: format.name(village),
        }))}
        value={villageCode}
        onChange={setVillageCode}
        clearable
        searchable
        disabled={!card.can.edit}
        error={fieldError("villageCode")}
        size="md"
        nothingFoundMessage={t("common:states.noResults")}
      />
      <Stack gap={4}>
        <Text fw={500} size="sm" id="details-mode">
          {t("meeting.mode")}
        </Text>
        <SegmentedControl
          aria-labelledby="details-mode"
          fullWidth
          value={mode}
          onChange={(value) => setMode(value as typeof mode)}
          disabled={!card.can.edit || !empty}
          data={[
            { value: "individual", label: t("mode.individual") },
            { value: "tally", label: t("mode.tally") },
          ]}
        />
        <Text size="xs" c="dimmed">
          {empty ? t(`mode.${mode}Help`) : t("mode.lockedHelp")}
        </Text>
      </Stack>
      {change.error !== null && !fieldError("heldOn") && !fieldError("villageCode") && (
        <ErrorAlert error={change.error} />
      )}
      {card.can.edit && (
        <Button
          size="md"
          loading={change.isPending}
          onClick={() =>
            change.mutate({
              method: "PUT",
              path: "",
              body: { heldOn: heldOn || null, villageCode, mode, version: card.version },
            })
          }
        >
          {t("common:actions.save")}
        </Button>
      )}
      {change.isSuccess && (
        <Text role="status" c="green" size="sm">
          {t("saved")}
        </Text>
      )}
    </Stack>
  );
}
