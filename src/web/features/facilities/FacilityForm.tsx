import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { CatchmentFields } from "./CatchmentFields";
import { ContactFields, IdentityFields, LocationFields, ServiceFields } from "./FacilityFormFields";
import type { FacilityInput, FacilityReference } from "./facilities.api";
import {
  type FieldName,
  type FormErrors,
  type FormValues,
  isDirty,
  serverErrors,
  toInput,
  validate,
} from "./facility-form";
import { LeaveDialog, useUnsavedChanges } from "./UnsavedChanges";

interface FacilityFormProps {
  initial: FormValues;
  reference: FacilityReference;
  /** Saves; returns when done (the page then moves on) or throws the API's error. */
  onSubmit: (input: FacilityInput) => Promise<unknown>;
  onCancel: () => void;
  submitLabel: string;
  /** For a version conflict: fetch the record again (the form then starts over from it). */
  onReload?: () => void;
}

type Failure = { error: unknown; other: string[] };

/** Why saving failed: someone else saved first (with a way to start over from their version), or the errors. */
function SaveFailure({ failure, onReload }: { failure: Failure; onReload?: () => void }) {
  const { t } = useTranslation("facilities");
  if (isApiError(failure.error, "version_conflict")) {
    return (
      <Alert color="orange" variant="light" role="alert" title={t("form.conflictTitle")}>
        <Text size="sm">{t("form.conflict")}</Text>
        {onReload && (
          <Button
            mt="sm"
            size="xs"
            variant="white"
            color="orange"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={onReload}
          >
            {t("form.reload")}
          </Button>
        )}
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      <ErrorAlert error={failure.error} />
      {failure.other.map((message) => (
        <Text key={message} size="sm" c="red.8">
          {message}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * The facility form (add and edit): checks the required fields before sending, shows the server's
 * field errors next to their fields, and asks before leaving with unsaved changes.
 */
export function FacilityForm({
  initial,
  reference,
  onSubmit,
  onCancel,
  submitLabel,
  onReload,
}: FacilityFormProps) {
  const { t } = useTranslation("facilities");
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const saved = useRef(false);
  const blocker = useUnsavedChanges(isDirty(values, initial), saved);

  const set = <K extends FieldName>(field: K, value: FormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = validate(values, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError();
      return;
    }
    setSaving(true);
    try {
      saved.current = true;
      await onSubmit(toInput(values));
    } catch (error) {
      saved.current = false;
      const fromServer = error instanceof ApiError ? serverErrors(error) : { fields: {}, other: [] };
      setErrors(fromServer.fields);
      setFailure({ error, other: fromServer.other });
      focusFirstError();
    } finally {
      setSaving(false);
    }
  };

  const fields = { values, errors, set };

  return (
    <form ref={formRef} onSubmit={submit} noValidate style={{ maxWidth: 880 }}>
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t("form.requiredNote")}
        </Text>
        <IdentityFields {...fields} reference={reference} />
        <LocationFields
          {...fields}
          onLocateFailed={() => setErrors((current) => ({ ...current, lat: t("form.locateFailed") }))}
        />
        <ContactFields {...fields} />
        <ServiceFields {...fields} reference={reference} />
        <CatchmentFields {...fields} />

        {failure && <SaveFailure failure={failure} onReload={onReload} />}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={saving}>
            {t("common:actions.cancel")}
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>

      <LeaveDialog blocker={blocker} />
    </form>
  );
}
