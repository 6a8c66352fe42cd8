import { ActionIcon, Group, Stack, Text } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { PlaceTypeBadge, usePlacePath } from "../../components/PlaceLabels";
import { PlacePicker } from "../../components/PlacePicker";
import { useFormat } from "../../i18n/format";
import { type FieldsProps, FormSection } from "./FacilityFormFields";

/** The places a facility serves: a picker that adds one at a time, and the list with a remove button each. */
export function CatchmentFields({ values, errors, set }: FieldsProps) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const pathOf = usePlacePath();
  return (
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
  );
}
