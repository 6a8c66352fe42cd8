import { Button, Group, NumberInput, SimpleGrid, Stack, Switch, Text } from "@mantine/core";
import { IconGenderFemale, IconGenderMale } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";

export interface ParticipantValues {
  sex: "female" | "male";
  age: number;
  disability: boolean;
  ethnicMinority: boolean;
  idPoor: boolean;
}

interface ParticipantFormProps {
  initial?: ParticipantValues;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  /** Resolves when saved; the form then clears itself for the next person (unless editing). */
  onSubmit: (values: ParticipantValues) => Promise<unknown>;
  clearAfter?: boolean;
}

const PROFILES = ["disability", "ethnicMinority", "idPoor"] as const;

/** Fast entry of one participant: sex as two big buttons, age, three toggles. No names are kept. */
export function ParticipantForm({
  initial,
  submitLabel,
  busy,
  error,
  onSubmit,
  clearAfter = true,
}: ParticipantFormProps) {
  const { t } = useTranslation("scorecards");
  const [sex, setSex] = useState<ParticipantValues["sex"] | null>(initial?.sex ?? null);
  const [age, setAge] = useState<number | string>(initial?.age ?? "");
  const [profile, setProfile] = useState({
    disability: initial?.disability ?? false,
    ethnicMinority: initial?.ethnicMinority ?? false,
    idPoor: initial?.idPoor ?? false,
  });
  const firstButton = useRef<HTMLButtonElement>(null);
  const ageNumber = typeof age === "number" ? age : Number.NaN;
  const ageValid = Number.isInteger(ageNumber) && ageNumber >= 5 && ageNumber <= 120;
  const fieldErrors = isApiError(error) ? error.fieldErrors : {};

  const submit = async () => {
    if (!sex || !ageValid) return;
    try {
      await onSubmit({ sex, age: ageNumber, ...profile });
    } catch {
      return; // the error is shown below
    }
    if (clearAfter) {
      setSex(null);
      setAge("");
      setProfile({ disability: false, ethnicMinority: false, idPoor: false });
      firstButton.current?.focus();
    }
  };

  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div>
        <Text fw={500} size="sm" id="participant-sex" mb={4}>
          {t("participants.sexLabel")}
        </Text>
        <SimpleGrid cols={2} spacing="xs" role="group" aria-labelledby="participant-sex">
          {(["female", "male"] as const).map((value, index) => (
            <Button
              key={value}
              ref={index === 0 ? firstButton : undefined}
              size="lg"
              h={56}
              color={value === "female" ? "grape" : "blue"}
              variant={sex === value ? "filled" : "outline"}
              aria-pressed={sex === value}
              leftSection={
                value === "female" ? <IconGenderFemale aria-hidden /> : <IconGenderMale aria-hidden />
              }
              onClick={() => setSex(value)}
            >
              {t(`sex.${value}`)}
            </Button>
          ))}
        </SimpleGrid>
      </div>
      <NumberInput
        label={t("participants.age")}
        size="md"
        inputMode="numeric"
        min={5}
        max={120}
        allowDecimal={false}
        allowNegative={false}
        value={age}
        onChange={setAge}
        error={
          age !== "" && !ageValid
            ? t("participants.ageRange")
            : (fieldErrors["participants.0.age"] ?? fieldErrors.age)
        }
      />
      <Stack gap={6}>
        {PROFILES.map((key) => (
          <Switch
            key={key}
            size="md"
            label={t(`profile.${key}`)}
            checked={profile[key]}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              setProfile((current) => ({ ...current, [key]: checked }));
            }}
          />
        ))}
      </Stack>
      {error !== null && error !== undefined && <ErrorAlert error={error} />}
      <Group>
        <Button type="submit" size="md" fullWidth loading={busy} disabled={!sex || !ageValid}>
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}
