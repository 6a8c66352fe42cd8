import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Input,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconCurrentLocation, IconRefresh, IconTrash } from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useBlocker } from "react-router";
import { ApiError, isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PlaceTypeBadge, usePlacePath } from "../../components/PlaceLabels";
import { PlacePicker } from "../../components/PlacePicker";
import { useFormat } from "../../i18n/format";
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

function FormSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }} component="section" aria-labelledby={id}>
      <Title order={2} fz="h4" id={id} mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
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
  const format = useFormat();
  const pathOf = usePlacePath();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<{ error: unknown; other: string[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const [locating, setLocating] = useState(false);
  const saved = useRef(false);

  const dirty = isDirty(values, initial);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !saved.current && currentLocation.pathname !== nextLocation.pathname,
  );

  // A reload or closed tab with unsaved changes: the browser asks.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

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

  const locate = () => {
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        set("lat", Number(position.coords.latitude.toFixed(6)));
        set("lng", Number(position.coords.longitude.toFixed(6)));
      },
      () => {
        setLocating(false);
        setErrors((current) => ({ ...current, lat: t("form.locateFailed") }));
      },
      { enableHighAccuracy: true, timeout: 20_000 },
    );
  };

  const kindOptions = reference.kinds.map((kind) => ({ value: kind.code, label: format.name(kind) }));
  // Retired service types stay listed while a facility still has them, so that saving does not drop them silently.
  const serviceOptions = reference.serviceTypes
    .filter((type) => type.active || values.serviceTypeCodes.includes(type.code))
    .map((type) => ({ value: type.code, label: format.name(type) }));
  const conflict = failure && isApiError(failure.error, "version_conflict");

  return (
    <form ref={formRef} onSubmit={submit} noValidate style={{ maxWidth: 880 }}>
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t("form.requiredNote")}
        </Text>

        <FormSection title={t("detail.identity")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
            <Select
              label={t("fields.kindCode")}
              placeholder={t("form.chooseKind")}
              data={kindOptions}
              value={values.kindCode}
              onChange={(value) => set("kindCode", value)}
              error={errors.kindCode}
              allowDeselect={false}
              required
            />
            <TextInput
              label={t("fields.code")}
              description={t("form.codeHint")}
              value={values.code}
              onChange={(event) => set("code", event.currentTarget.value)}
              error={errors.code}
              maxLength={40}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              required
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            />
          </SimpleGrid>
          <TextInput
            label={t("fields.nameKm")}
            value={values.nameKm}
            onChange={(event) => set("nameKm", event.currentTarget.value)}
            error={errors.nameKm}
            maxLength={200}
            lang="km"
            required
          />
          <TextInput
            label={t("fields.nameEn")}
            value={values.nameEn}
            onChange={(event) => set("nameEn", event.currentTarget.value)}
            error={errors.nameEn}
            maxLength={200}
            lang="en"
            required
          />
        </FormSection>

        <FormSection title={t("detail.location")}>
          <PlacePicker
            label={t("fields.communeCode")}
            description={t("form.communeHint")}
            placeholder={t("form.communePlaceholder")}
            level="commune"
            value={values.communeCode}
            onChange={(code) => {
              set("communeCode", code);
              if (values.villageCode && (!code || !values.villageCode.startsWith(code)))
                set("villageCode", null);
            }}
            error={errors.communeCode}
            required
          />
          <PlacePicker
            label={t("fields.villageCode")}
            placeholder={values.communeCode ? t("form.villagePlaceholder") : t("form.villageNeedsCommune")}
            level="village"
            within={values.communeCode}
            value={values.villageCode}
            onChange={(code) => set("villageCode", code)}
            error={errors.villageCode}
            disabled={!values.communeCode}
          />
          <Input.Wrapper label={t("fields.gps")} description={t("form.gpsHint")}>
            <SimpleGrid cols={2} spacing="xs" mt={4}>
              <NumberInput
                label={t("fields.lat")}
                value={values.lat}
                onChange={(value) => set("lat", value)}
                error={errors.lat}
                decimalScale={6}
                min={10}
                max={15}
                clampBehavior="none"
                hideControls
                inputMode="decimal"
                placeholder="12.5657"
              />
              <NumberInput
                label={t("fields.lng")}
                value={values.lng}
                onChange={(value) => set("lng", value)}
                error={errors.lng}
                decimalScale={6}
                min={102}
                max={108}
                clampBehavior="none"
                hideControls
                inputMode="decimal"
                placeholder="104.9910"
              />
            </SimpleGrid>
          </Input.Wrapper>
          {"geolocation" in navigator && (
            <Button
              variant="light"
              size="compact-sm"
              leftSection={<IconCurrentLocation size={16} aria-hidden />}
              onClick={locate}
              loading={locating}
              style={{ alignSelf: "flex-start" }}
            >
              {t("form.locate")}
            </Button>
          )}
          <Textarea
            label={t("fields.address")}
            value={values.address}
            onChange={(event) => set("address", event.currentTarget.value)}
            error={errors.address}
            maxLength={300}
            autosize
            minRows={2}
          />
        </FormSection>

        <FormSection title={t("detail.contact")}>
          <TextInput
            label={t("fields.contactName")}
            value={values.contactName}
            onChange={(event) => set("contactName", event.currentTarget.value)}
            error={errors.contactName}
            maxLength={200}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
            <TextInput
              label={t("fields.phone")}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              value={values.phone}
              onChange={(event) => set("phone", event.currentTarget.value)}
              error={errors.phone}
              maxLength={40}
            />
            <TextInput
              label={t("fields.email")}
              type="email"
              inputMode="email"
              autoComplete="off"
              value={values.email}
              onChange={(event) => set("email", event.currentTarget.value)}
              error={errors.email}
              maxLength={200}
            />
          </SimpleGrid>
        </FormSection>

        <FormSection title={t("fields.serviceTypeCodes")}>
          <MultiSelect
            label={t("form.servicesLabel")}
            placeholder={values.serviceTypeCodes.length ? undefined : t("form.servicesPlaceholder")}
            data={serviceOptions}
            value={values.serviceTypeCodes}
            onChange={(value) => set("serviceTypeCodes", value)}
            error={errors.serviceTypeCodes}
            searchable
            clearable
            hidePickedOptions
          />
        </FormSection>

        <FormSection title={t("fields.catchmentCodes")}>
          <Text size="sm" c="dimmed">
            {t("form.catchmentHint")}
          </Text>
          <PlacePicker
            // A fresh picker after each added place, so that the box is empty for the next one.
            key={values.catchment.length}
            label={t("form.catchmentAdd")}
            placeholder={t("form.catchmentPlaceholder")}
            value={null}
            onChange={(_code, place) => {
              if (place && !values.catchment.some((item) => item.code === place.code)) {
                set("catchment", [...values.catchment, place]);
              }
            }}
            error={errors.catchment}
          />
          {values.catchment.length > 0 && (
            <Stack
              gap={4}
              component="ul"
              aria-label={t("fields.catchmentCodes")}
              style={{ listStyle: "none", padding: 0, margin: 0 }}
            >
              {values.catchment.map((place) => (
                <Group
                  key={place.code}
                  component="li"
                  justify="space-between"
                  wrap="nowrap"
                  gap="xs"
                  py={4}
                  px="xs"
                  style={{
                    border: "1px solid var(--mantine-color-gray-3)",
                    borderRadius: "var(--mantine-radius-sm)",
                  }}
                >
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Group gap={6} wrap="wrap">
                      <Text size="sm" fw={500}>
                        {format.name(place)}
                      </Text>
                      <PlaceTypeBadge place={place} size="xs" />
                    </Group>
                    <Text size="xs" c="dimmed">
                      {"path" in place && Array.isArray(place.path) ? pathOf(place, place.path) : place.code}
                    </Text>
                  </Stack>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t("form.catchmentRemove", { name: format.name(place) })}
                    onClick={() =>
                      set(
                        "catchment",
                        values.catchment.filter((item) => item.code !== place.code),
                      )
                    }
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          )}
        </FormSection>

        {failure &&
          (conflict ? (
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
          ) : (
            <Stack gap="xs">
              <ErrorAlert error={failure.error} />
              {failure.other.map((message) => (
                <Text key={message} size="sm" c="red.8">
                  {message}
                </Text>
              ))}
            </Stack>
          ))}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={saving}>
            {t("common:actions.cancel")}
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>

      <Modal
        opened={blocker.state === "blocked"}
        onClose={() => blocker.reset?.()}
        title={t("form.leaveTitle")}
        centered
      >
        <Stack>
          <Text>{t("form.leaveMessage")}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
              {t("form.stay")}
            </Button>
            <Button color="red" onClick={() => blocker.proceed?.()}>
              {t("form.leave")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
