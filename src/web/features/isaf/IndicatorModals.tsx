import { Button, Checkbox, Group, Modal, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import { type IndicatorBody, useIndicatorChange } from "./isaf.api";
import { SECTORS } from "./labels";

/** Add an indicator, or edit one's names. */
export function IndicatorModal({
  indicator,
  sector,
  onClose,
}: {
  indicator?: IndicatorBody;
  sector?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation("isaf");
  const change = useIndicatorChange();
  const [sectorCode, setSector] = useState<string | null>(indicator?.sectorCode ?? sector ?? "PS");
  const [nameKm, setNameKm] = useState(indicator?.nameKm ?? "");
  const [nameEn, setNameEn] = useState(indicator?.nameEn ?? "");
  const [translation, setTranslation] = useState(indicator?.nameEnIsTranslation ?? false);
  const [note, setNote] = useState(indicator?.sourceNote ?? "");
  const errors = change.error instanceof ApiError ? change.error.fieldErrors : {};
  const title = indicator ? t("catalogue.editTitle", { code: indicator.code }) : t("catalogue.add");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = indicator
      ? { nameKm, nameEn, nameEnIsTranslation: translation, sourceNote: note, version: indicator.version }
      : { sectorCode, nameKm, nameEn, nameEnIsTranslation: translation, sourceNote: note };
    const saved = await change.mutateAsync({ id: indicator?.id, body }).catch(() => null);
    if (saved) onClose();
  };

  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form onSubmit={submit} aria-label={title}>
        <Stack>
          {!indicator && (
            <Select
              label={t("catalogue.sector")}
              data={SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
              value={sectorCode}
              onChange={setSector}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <TextInput
            label={t("catalogue.nameKm")}
            lang="km"
            required
            value={nameKm}
            onChange={(e) => setNameKm(e.currentTarget.value)}
            error={errors.nameKm}
          />
          <TextInput
            label={t("catalogue.nameEn")}
            lang="en"
            required
            value={nameEn}
            onChange={(e) => setNameEn(e.currentTarget.value)}
            error={errors.nameEn}
          />
          <Checkbox
            label={t("catalogue.isTranslation")}
            checked={translation}
            onChange={(e) => setTranslation(e.currentTarget.checked)}
          />
          <Textarea
            label={t("catalogue.note")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {change.error !== null && <ErrorAlert error={change.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common:actions.cancel")}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t("actions.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Mark an indicator as repeating another one. */
export function DuplicateModal({
  indicator,
  all,
  onClose,
}: {
  indicator: IndicatorBody;
  all: IndicatorBody[];
  onClose: () => void;
}) {
  const { t } = useTranslation("isaf");
  const format = useFormat();
  const change = useIndicatorChange();
  const [target, setTarget] = useState<string | null>(null);
  const options = all
    .filter((i) => i.id !== indicator.id && i.status !== "duplicate")
    .map((i) => ({ value: i.id, label: `${i.code} · ${format.name(i)}` }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await change
      .mutateAsync({
        id: indicator.id,
        path: "status",
        body: { status: "duplicate", duplicateOfId: target, version: indicator.version },
      })
      .catch(() => null);
    if (saved) onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t("catalogue.markDuplicate")} centered>
      <form onSubmit={submit}>
        <Stack>
          <Select
            label={t("catalogue.repeats", { code: indicator.code })}
            data={options}
            value={target}
            onChange={setTarget}
            searchable
            comboboxProps={{ withinPortal: true }}
          />
          {change.error !== null && <ErrorAlert error={change.error} withFieldErrors />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common:actions.cancel")}
            </Button>
            <Button type="submit" color="orange" loading={change.isPending} disabled={!target}>
              {t("catalogue.markDuplicate")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
