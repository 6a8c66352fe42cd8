import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import type { Action, ActionFormInput, JaapCycleBody, ResponsibleParty } from "./jaap.api";

const PARTIES: ResponsibleParty[] = ["provider", "commune", "district", "citizens", "other"];

interface Values {
  title: string;
  indicatorIds: string[];
  responsibleParty: ResponsibleParty;
  responsibleName: string;
  responsibleUserId: string | null;
  resourcesRiel: number | "";
  deadline: string;
  fromInterfaceMeeting: boolean;
}

function initialValues(action: Action | undefined, fromMeeting: boolean): Values {
  return {
    title: action?.title ?? "",
    indicatorIds: action?.indicators.map((indicator) => indicator.id) ?? [],
    responsibleParty: action?.responsibleParty ?? "provider",
    responsibleName: action?.responsibleName ?? "",
    responsibleUserId: action?.responsibleUser?.id ?? null,
    resourcesRiel: action?.resourcesRiel ?? "",
    deadline: action?.deadline ?? "",
    fromInterfaceMeeting: action?.fromInterfaceMeeting ?? fromMeeting,
  };
}

type Errors = Partial<Record<keyof Values, string>>;

/** The server's field errors by field ("indicatorIds.2" belongs to indicatorIds). */
function serverErrors(error: unknown): Errors {
  if (!(error instanceof ApiError)) return {};
  const errors: Errors = {};
  for (const problem of error.errors) {
    const field = problem.path.split(".")[0] as keyof Values;
    errors[field] = errors[field] ? `${errors[field]} ${problem.message}` : problem.message;
  }
  return errors;
}

interface ActionFormProps {
  summary: JaapCycleBody;
  /** The action being edited; a new one otherwise. */
  action?: Action;
  fromMeeting?: boolean;
  onSubmit: (input: ActionFormInput) => Promise<unknown>;
  onCancel: () => void;
}

/** Add or edit a JAAP action: what, tied to which indicators, who owns it, with what, by when. */
export function ActionForm({ summary, action, fromMeeting = false, onSubmit, onCancel }: ActionFormProps) {
  const { t } = useTranslation("jaap");
  const format = useFormat();
  const [values, setValues] = useState<Values>(() => initialValues(action, fromMeeting));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Errors = {};
    if (!values.title.trim()) missing.title = t("form.required");
    if (values.indicatorIds.length === 0) missing.indicatorIds = t("form.indicatorRequired");
    if (!values.responsibleName.trim()) missing.responsibleName = t("form.ownerRequired");
    if (!values.deadline) missing.deadline = t("form.required");
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit({
        ...values,
        title: values.title.trim(),
        responsibleName: values.responsibleName.trim(),
        resourcesRiel: values.resourcesRiel === "" ? null : values.resourcesRiel,
      });
    } catch (error) {
      setFailure(error);
      setErrors(serverErrors(error));
    } finally {
      setBusy(false);
    }
  };

  const indicatorOptions = [
    {
      group: t("form.prioritised"),
      items: summary.indicators
        .filter((indicator) => indicator.prioritised)
        .map((indicator) => ({
          value: indicator.id,
          label: `${indicator.code} · ${format.name(indicator)}`,
        })),
    },
    {
      group: t("form.otherIndicators"),
      items: summary.indicators
        .filter((indicator) => !indicator.prioritised)
        .map((indicator) => ({
          value: indicator.id,
          label: `${indicator.code} · ${format.name(indicator)}`,
        })),
    },
  ].filter((group) => group.items.length > 0);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t("form.title")}
          description={t("form.titleHint")}
          value={values.title}
          onChange={(event) => set("title", event.currentTarget.value)}
          error={errors.title}
          autosize
          minRows={2}
          maxLength={500}
          required
          data-autofocus
        />
        <MultiSelect
          label={t("form.indicators")}
          description={t("form.indicatorsHint")}
          data={indicatorOptions}
          value={values.indicatorIds}
          onChange={(ids) => set("indicatorIds", ids)}
          error={errors.indicatorIds}
          searchable
          required
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t("form.party")}
          data={PARTIES.map((party) => ({ value: party, label: t(`party.${party}`) }))}
          value={values.responsibleParty}
          onChange={(party) => party && set("responsibleParty", party as ResponsibleParty)}
          allowDeselect={false}
          error={errors.responsibleParty}
          required
        />
        <TextInput
          label={t("form.owner")}
          description={t("form.ownerHint")}
          value={values.responsibleName}
          onChange={(event) => set("responsibleName", event.currentTarget.value)}
          error={errors.responsibleName}
          maxLength={200}
          required
        />
        {summary.people.length > 0 && (
          <Select
            label={t("form.ownerUser")}
            description={t("form.ownerUserHint")}
            data={summary.people.map((person) => ({ value: person.id, label: person.displayName }))}
            value={values.responsibleUserId}
            onChange={(id) => set("responsibleUserId", id)}
            error={errors.responsibleUserId}
            searchable
            clearable
          />
        )}
        <Group grow align="flex-start" wrap="wrap" gap="sm">
          <NumberInput
            label={t("form.resources")}
            description={t("form.resourcesHint")}
            value={values.resourcesRiel}
            onChange={(value) => set("resourcesRiel", value === "" ? "" : Number(value))}
            error={errors.resourcesRiel}
            min={0}
            allowNegative={false}
            allowDecimal={false}
            thousandSeparator=","
            miw={160}
          />
          <TextInput
            type="date"
            label={t("form.deadline")}
            value={values.deadline}
            onChange={(event) => set("deadline", event.currentTarget.value)}
            error={errors.deadline}
            required
            miw={160}
          />
        </Group>
        <Checkbox
          label={t("form.fromMeeting")}
          checked={values.fromInterfaceMeeting}
          onChange={(event) => set("fromInterfaceMeeting", event.currentTarget.checked)}
        />
        {failure !== null && (
          <ErrorAlert
            error={failure}
            withFieldErrors={isApiError(failure) && Object.keys(serverErrors(failure)).length === 0}
          />
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t("common:actions.cancel")}
          </Button>
          <Button type="submit" loading={busy}>
            {action ? t("form.saveChanges") : t("form.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
