import { Button, Group, Modal, Select, Stack, Switch, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PlacePicker } from "../../components/PlacePicker";
import { useFormat } from "../../i18n/format";
import { type Organisation, type OrganisationKind, useSaveOrganisation } from "./admin.api";
import { ORGANISATION_KINDS, useAdminLabels } from "./admin.labels";

interface OrganisationModalProps {
  opened: boolean;
  onClose: () => void;
  /** The organisation to edit; null to add a new one. */
  organisation: Organisation | null;
}

interface Values {
  nameKm: string;
  nameEn: string;
  kind: OrganisationKind | null;
  placeCode: string | null;
  active: boolean;
}

function valuesOf(organisation: Organisation | null): Values {
  return organisation
    ? {
        nameKm: organisation.nameKm,
        nameEn: organisation.nameEn,
        kind: organisation.kind,
        placeCode: organisation.placeCode,
        active: organisation.active,
      }
    : { nameKm: "", nameEn: "", kind: null, placeCode: null, active: true };
}

/** Adds or edits an organisation: names in both languages, kind, where it is based, and whether it is active. */
export function OrganisationModal({ opened, onClose, organisation }: OrganisationModalProps) {
  const { t } = useTranslation("admin");
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={organisation ? t("organisations.editTitle") : t("organisations.addTitle")}
      centered
      size="lg"
    >
      {/* Remounted for each organisation, so the form starts from its values. */}
      {opened && (
        <OrganisationForm key={organisation?.id ?? "new"} organisation={organisation} onDone={onClose} />
      )}
    </Modal>
  );
}

function OrganisationForm({
  organisation,
  onDone,
}: {
  organisation: Organisation | null;
  onDone: () => void;
}) {
  const { t } = useTranslation("admin");
  const labels = useAdminLabels();
  const format = useFormat();
  const save = useSaveOrganisation();
  const [values, setValues] = useState(() => valuesOf(organisation));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const serverErrors = isApiError(save.error) ? save.error.fieldErrors : {};
  const errorOf = (field: keyof Values) => localErrors[field] ?? serverErrors[field];
  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setLocalErrors(({ [field]: _, ...rest }) => rest);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!values.nameKm.trim()) errors.nameKm = t("userForm.required");
    if (!values.nameEn.trim()) errors.nameEn = t("userForm.required");
    if (!values.kind) errors.kind = t("userForm.required");
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0 || !values.kind) return;
    save.mutate(
      {
        id: organisation?.id ?? null,
        body: {
          nameKm: values.nameKm.trim(),
          nameEn: values.nameEn.trim(),
          kind: values.kind,
          placeCode: values.placeCode,
          active: values.active,
        },
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: "teal",
            message: t(organisation ? "organisations.saved" : "organisations.created", {
              name: format.name(saved),
            }),
          });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t("organisations.nameKm")}
          lang="km"
          required
          data-autofocus
          value={values.nameKm}
          onChange={(event) => set("nameKm", event.currentTarget.value)}
          error={errorOf("nameKm")}
        />
        <TextInput
          label={t("organisations.nameEn")}
          lang="en"
          required
          value={values.nameEn}
          onChange={(event) => set("nameEn", event.currentTarget.value)}
          error={errorOf("nameEn")}
        />
        <Select
          label={t("organisations.kind")}
          required
          allowDeselect={false}
          data={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: labels.kind(kind) }))}
          value={values.kind}
          onChange={(kind) => set("kind", (kind as OrganisationKind | null) ?? null)}
          error={errorOf("kind")}
          comboboxProps={{ withinPortal: true }}
        />
        <PlacePicker
          label={t("organisations.place")}
          description={t("organisations.placeHint")}
          value={values.placeCode}
          onChange={(code) => set("placeCode", code)}
          error={errorOf("placeCode")}
        />
        <Switch
          label={t("organisations.activeLabel")}
          description={t("organisations.activeHint")}
          checked={values.active}
          onChange={(event) => set("active", event.currentTarget.checked)}
        />
        {save.error !== null && <ErrorAlert error={save.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            {t("common:actions.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {organisation ? t("organisations.save") : t("organisations.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
