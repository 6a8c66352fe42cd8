import {
  Button,
  Input,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconCurrentLocation } from "@tabler/icons-react";
import { type ChangeEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { PlacePicker } from "../../components/PlacePicker";
import { useFormat } from "../../i18n/format";
import { FacilitySection } from "./FacilitySection";
import type { FacilityReference } from "./facilities.api";
import { type FieldName, type FormErrors, type FormValues, LAT_RANGE, LNG_RANGE } from "./facility-form";

/** What each group of the facility form's fields gets from the form. */
export interface FieldsProps {
  values: FormValues;
  errors: FormErrors;
  /** Sets a field's value (and clears its error). */
  set: <K extends FieldName>(field: K, value: FormValues[K]) => void;
}

/** The fields whose value is text as typed. */
type TextField = { [K in FieldName]: FormValues[K] extends string ? K : never }[FieldName];

/** The value, change handler and error of a text field, to spread on its input. */
function textProps({ values, errors, set }: FieldsProps, field: TextField) {
  return {
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(field, event.currentTarget.value),
    error: errors[field],
  };
}

/** A section of the form: a heading over its fields. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <FacilitySection title={title}>
      <Stack gap="sm">{children}</Stack>
    </FacilitySection>
  );
}

export function IdentityFields({ reference, ...fields }: FieldsProps & { reference: FacilityReference }) {
  const { t } = useTranslation("facilities");
  const { values, errors, set } = fields;
  const format = useFormat();
  const kindOptions = reference.kinds.map((kind) => ({ value: kind.code, label: format.name(kind) }));
  return (
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
          {...textProps(fields, "code")}
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
        {...textProps(fields, "nameKm")}
        maxLength={200}
        lang="km"
        required
      />
      <TextInput
        label={t("fields.nameEn")}
        {...textProps(fields, "nameEn")}
        maxLength={200}
        lang="en"
        required
      />
    </FormSection>
  );
}

/** Latitude or longitude, within Cambodia's extent (checked on save, not clamped while typing). */
function CoordinateInput({
  field,
  range,
  placeholder,
  values,
  errors,
  set,
}: FieldsProps & { field: "lat" | "lng"; range: readonly [number, number]; placeholder: string }) {
  const { t } = useTranslation("facilities");
  return (
    <NumberInput
      label={t(`fields.${field}`)}
      value={values[field]}
      onChange={(value) => set(field, value)}
      error={errors[field]}
      decimalScale={6}
      min={range[0]}
      max={range[1]}
      clampBehavior="none"
      hideControls
      inputMode="decimal"
      placeholder={placeholder}
    />
  );
}

export function LocationFields({ onLocateFailed, ...fields }: FieldsProps & { onLocateFailed: () => void }) {
  const { t } = useTranslation("facilities");
  const { values, errors, set } = fields;
  const [locating, setLocating] = useState(false);

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
        onLocateFailed();
      },
      { enableHighAccuracy: true, timeout: 20_000 },
    );
  };

  return (
    <FormSection title={t("detail.location")}>
      <PlacePicker
        label={t("fields.communeCode")}
        description={t("form.communeHint")}
        placeholder={t("form.communePlaceholder")}
        level="commune"
        value={values.communeCode}
        onChange={(code) => {
          set("communeCode", code);
          if (values.villageCode && (!code || !values.villageCode.startsWith(code))) set("villageCode", null);
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
          <CoordinateInput {...fields} field="lat" range={LAT_RANGE} placeholder="12.5657" />
          <CoordinateInput {...fields} field="lng" range={LNG_RANGE} placeholder="104.9910" />
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
        {...textProps(fields, "address")}
        maxLength={300}
        autosize
        minRows={2}
      />
    </FormSection>
  );
}

export function ContactFields(fields: FieldsProps) {
  const { t } = useTranslation("facilities");
  return (
    <FormSection title={t("detail.contact")}>
      <TextInput label={t("fields.contactName")} {...textProps(fields, "contactName")} maxLength={200} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        <TextInput
          label={t("fields.phone")}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          {...textProps(fields, "phone")}
          maxLength={40}
        />
        <TextInput
          label={t("fields.email")}
          type="email"
          inputMode="email"
          autoComplete="off"
          {...textProps(fields, "email")}
          maxLength={200}
        />
      </SimpleGrid>
    </FormSection>
  );
}

export function ServiceFields({
  values,
  errors,
  set,
  reference,
}: FieldsProps & { reference: FacilityReference }) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  // Retired service types stay listed while a facility still has them, so that saving does not drop them silently.
  const serviceOptions = reference.serviceTypes
    .filter((type) => type.active || values.serviceTypeCodes.includes(type.code))
    .map((type) => ({ value: type.code, label: format.name(type) }));
  return (
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
  );
}
