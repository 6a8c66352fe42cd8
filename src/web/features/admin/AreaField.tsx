import { ActionIcon, Fieldset, Group, Input, Paper, Stack, Switch, Text } from "@mantine/core";
import { IconX } from "@tabler/icons-react";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { usePlace } from "../../api/places";
import { PlacePicker } from "../../components/PlacePicker";
import { useFormat } from "../../i18n/format";
import { PlaceName } from "./PlaceName";

export interface Area {
  national: boolean;
  codes: string[];
}

interface AreaFieldProps {
  value: Area;
  onChange: (area: Area) => void;
  /** Field errors by path: `area` for the whole, `area.codes.N` for one place. */
  errors: Record<string, string | undefined>;
  /** Only a national administrator may give national access. */
  canGrantNational: boolean;
  disabled?: boolean;
}

function ChosenPlace({
  code,
  error,
  onRemove,
  disabled,
}: {
  code: string;
  error?: string;
  onRemove: () => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const place = usePlace(code);
  const name = place.data ? format.name(place.data) : code;
  return (
    <Paper
      component="li"
      withBorder
      radius="sm"
      px="sm"
      py={6}
      style={error ? { borderColor: "var(--mantine-color-error)" } : undefined}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <PlaceName code={code} withPath />
        {!disabled && (
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={onRemove}
            aria-label={t("userForm.removePlace", { name })}
          >
            <IconX size={16} aria-hidden />
          </ActionIcon>
        )}
      </Group>
      {error && (
        <Text size="xs" c="red" mt={4}>
          {error}
        </Text>
      )}
    </Paper>
  );
}

/**
 * Where a user works: the whole country, or a list of places of any level, each shown with its
 * name and path. Places are added one at a time with the place picker.
 */
export function AreaField({ value, onChange, errors, canGrantNational, disabled = false }: AreaFieldProps) {
  const { t } = useTranslation("admin");
  // The picker is reset after each choice by remounting it.
  const [pickerKey, setPickerKey] = useState(0);
  const pickerId = useId();

  // Keyboard users stay in the picker to add the next place.
  useEffect(() => {
    if (pickerKey > 0) document.getElementById(pickerId)?.focus();
  }, [pickerKey, pickerId]);

  const add = (code: string | null) => {
    if (code && !value.codes.includes(code)) onChange({ ...value, codes: [...value.codes, code] });
    setPickerKey((key) => key + 1);
  };
  const remove = (code: string) => onChange({ ...value, codes: value.codes.filter((item) => item !== code) });

  return (
    <Fieldset
      legend={t("userForm.area")}
      variant="unstyled"
      disabled={disabled}
      styles={{ legend: { fontWeight: 500, fontSize: "var(--mantine-font-size-sm)", marginBottom: 4 } }}
    >
      <Stack gap="xs">
        <Switch
          label={t("userForm.national")}
          description={canGrantNational ? t("userForm.nationalHint") : t("userForm.nationalNotYours")}
          checked={value.national}
          disabled={disabled || (!canGrantNational && !value.national)}
          onChange={(event) => onChange({ ...value, national: event.currentTarget.checked })}
        />
        {!value.national && (
          <>
            {value.codes.length > 0 ? (
              <Stack
                component="ul"
                gap={6}
                m={0}
                p={0}
                style={{ listStyle: "none" }}
                aria-label={t("userForm.areaList")}
              >
                {value.codes.map((code, index) => (
                  <ChosenPlace
                    key={code}
                    code={code}
                    error={errors[`area.codes.${index}`]}
                    onRemove={() => remove(code)}
                    disabled={disabled}
                  />
                ))}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t("userForm.areaEmpty")}
              </Text>
            )}
            {!disabled && (
              <PlacePicker
                key={pickerKey}
                id={pickerId}
                label={t("userForm.addPlace")}
                description={t("userForm.addPlaceHint")}
                value={null}
                onChange={add}
                clearable={false}
              />
            )}
          </>
        )}
        {errors.area && <Input.Error>{errors.area}</Input.Error>}
      </Stack>
    </Fieldset>
  );
}
