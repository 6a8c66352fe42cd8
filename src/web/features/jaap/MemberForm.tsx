import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import type { Member, MemberFormInput } from "./jaap.api";

const ROLES = ["chair", "deputy", "secretary", "member"] as const;
type Values = {
  name: string;
  sex: "female" | "male";
  age: number | "";
  ethnicMinority: boolean;
  role: (typeof ROLES)[number];
};

interface MemberFormProps {
  member?: Member;
  onSubmit: (input: MemberFormInput) => Promise<unknown>;
  onCancel?: () => void;
  submitLabel: string;
}

/** A committee member: name, sex, age, ethnic minority, role. Clears itself after adding. */
export function MemberForm({ member, onSubmit, onCancel, submitLabel }: MemberFormProps) {
  const { t } = useTranslation("jaap");
  const id = useId();
  const blank: Values = { name: "", sex: "female", age: "", ethnicMinority: false, role: "member" };
  const [values, setValues] = useState<Values>(
    member
      ? {
          name: member.name,
          sex: member.sex,
          age: member.age,
          ethnicMinority: member.ethnicMinority,
          role: member.role,
        }
      : blank,
  );
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: typeof errors = {};
    if (!values.name.trim()) missing.name = t("form.required");
    if (values.age === "") missing.age = t("form.required");
    setErrors(missing);
    if (Object.keys(missing).length > 0 || values.age === "") return;
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit({ ...values, name: values.name.trim(), age: values.age });
      if (!member) setValues(blank);
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiError) setErrors(error.fieldErrors);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t("committee.name")}
          value={values.name}
          onChange={(event) => set("name", event.currentTarget.value)}
          error={errors.name}
          maxLength={200}
          required
        />
        <Group grow align="flex-end" wrap="wrap" gap="sm">
          <Stack gap={4} miw={150}>
            <Text size="sm" fw={500} id={`${id}-sex`}>
              {t("committee.sex")}
            </Text>
            <SegmentedControl
              aria-labelledby={`${id}-sex`}
              value={values.sex}
              onChange={(sex) => set("sex", sex as Values["sex"])}
              data={[
                { value: "female", label: t("memberSex.female") },
                { value: "male", label: t("memberSex.male") },
              ]}
            />
          </Stack>
          <NumberInput
            label={t("committee.age")}
            value={values.age}
            onChange={(age) => set("age", age === "" ? "" : Number(age))}
            error={errors.age}
            min={10}
            max={120}
            allowDecimal={false}
            allowNegative={false}
            required
            miw={100}
          />
        </Group>
        <Select
          label={t("committee.role")}
          data={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          value={values.role}
          onChange={(role) => role && set("role", role as Values["role"])}
          allowDeselect={false}
          error={errors.role}
        />
        <Checkbox
          label={t("committee.minority")}
          checked={values.ethnicMinority}
          onChange={(event) => set("ethnicMinority", event.currentTarget.checked)}
        />
        {failure !== null && <ErrorAlert error={failure} />}
        <Group justify="flex-end" gap="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={busy}>
              {t("common:actions.cancel")}
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
