import { Alert, Button, Checkbox, Group, Radio, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { PASSWORD_MIN_LENGTH } from "../../../domain/password-policy";
import { isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormPanel } from "../../components/FormPanel";
import { PasswordField } from "../../components/PasswordField";
import { LANGUAGES, type Language } from "../../i18n";
import { useFormat } from "../../i18n/format";
import { useMe } from "../auth/session";
import { type Area, AreaField } from "./AreaField";
import { useOrganisations } from "./admin.api";
import { ROLES, type Role, useAdminLabels } from "./admin.labels";
import { FacilitiesField, type LinkedFacility } from "./FacilitiesField";

export interface UserFormValues {
  username: string;
  displayName: string;
  email: string;
  /** A work phone for reminders by SMS; empty for none. */
  phone: string;
  organisationId: string | null;
  roles: Role[];
  area: Area;
  /** Only for service providers: the facilities they run. */
  facilities: LinkedFacility[];
  locale: Language;
  /** Only when creating a user. */
  password: string;
}

export const EMPTY_USER: UserFormValues = {
  username: "",
  displayName: "",
  email: "",
  phone: "",
  organisationId: null,
  roles: [],
  area: { national: false, codes: [] },
  facilities: [],
  locale: "km",
  password: "",
};

/** Field paths the form shows next to their fields; errors on other paths are listed in the alert. */
const FORM_FIELDS = [
  "username",
  "displayName",
  "email",
  "phone",
  "organisationId",
  "roles",
  "area",
  "facilityIds",
  "locale",
  "password",
];

interface UserFormProps {
  mode: "create" | "edit";
  initial: UserFormValues;
  /** Editing one's own account: roles and area cannot be changed. */
  ownAccount?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (values: UserFormValues) => void;
  /** Extra buttons beside the submit button (e.g. Cancel). */
  secondary?: ReactNode;
}

/** Who the user is (profile) and what they may do (roles and area). The server checks everything again. */
export function UserForm({
  mode,
  initial,
  ownAccount = false,
  pending,
  error,
  onSubmit,
  secondary,
}: UserFormProps) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const labels = useAdminLabels();
  const me = useMe();
  const organisations = useOrganisations();
  const [values, setValues] = useState(initial);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // Fields changed since the server last complained: its complaint about them no longer holds.
  const [changedSinceSubmit, setChangedSinceSubmit] = useState<ReadonlySet<string>>(new Set());

  const serverErrors = isApiError(error) ? error.fieldErrors : {};
  const errorOf = (field: string) =>
    localErrors[field] ?? (changedSinceSubmit.has(field) ? undefined : serverErrors[field]);
  const otherFieldErrors = isApiError(error)
    ? error.errors.some(
        (item) => !FORM_FIELDS.some((field) => item.path === field || item.path.startsWith(`${field}.`)),
      )
    : false;
  const facilitiesError =
    errorOf("facilityIds") ??
    Object.entries(serverErrors).find(([path]) => path.startsWith("facilityIds."))?.[1];
  const rolesError =
    errorOf("roles") ?? Object.entries(serverErrors).find(([path]) => path.startsWith("roles."))?.[1];

  const set = <K extends keyof UserFormValues>(field: K, value: UserFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    // A field's own complaint goes away once it is changed; the next submit checks again.
    setLocalErrors(({ [field]: _, ...rest }) => rest);
    setChangedSinceSubmit((changed) => new Set(changed).add(field));
  };

  const organisationOptions = (organisations.data ?? [])
    .filter((organisation) => organisation.active || organisation.id === values.organisationId)
    .map((organisation) => ({ value: organisation.id, label: format.name(organisation) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (mode === "create") {
      if (!values.username.trim()) errors.username = t("userForm.required");
      else if (!/^[a-zA-Z0-9._-]{3,60}$/.test(values.username.trim()))
        errors.username = t("userForm.usernameFormat");
      if (!values.password) errors.password = t("userForm.required");
    }
    if (!values.displayName.trim()) errors.displayName = t("userForm.required");
    if (values.roles.length === 0) errors.roles = t("userForm.rolesRequired");
    if (!values.area.national && values.area.codes.length === 0) errors.area = t("userForm.areaRequired");
    setLocalErrors(errors);
    setChangedSinceSubmit(new Set());
    if (Object.keys(errors).length === 0) onSubmit(values);
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={mode === "create" ? t("userForm.newTitle") : t("userForm.editTitle")}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <FormPanel title={t("userForm.profile")}>
            {mode === "create" ? (
              <TextInput
                label={t("userForm.username")}
                description={t("userForm.usernameHint")}
                required
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                value={values.username}
                onChange={(event) => set("username", event.currentTarget.value)}
                error={errorOf("username")}
              />
            ) : (
              <TextInput label={t("userForm.username")} value={values.username} readOnly variant="filled" />
            )}
            <TextInput
              label={t("userForm.displayName")}
              required
              autoComplete="off"
              value={values.displayName}
              onChange={(event) => set("displayName", event.currentTarget.value)}
              error={errorOf("displayName")}
            />
            <TextInput
              label={t("userForm.email")}
              type="email"
              autoComplete="off"
              value={values.email}
              onChange={(event) => set("email", event.currentTarget.value)}
              error={errorOf("email")}
            />
            <TextInput
              label={t("userForm.phone")}
              description={t("userForm.phoneHint")}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              value={values.phone}
              onChange={(event) => set("phone", event.currentTarget.value)}
              error={errorOf("phone")}
            />
            <Select
              label={t("userForm.organisation")}
              placeholder={t("userForm.noOrganisation")}
              searchable
              clearable
              data={organisationOptions}
              value={values.organisationId}
              onChange={(id) => set("organisationId", id)}
              nothingFoundMessage={t("common:states.noResults")}
              error={errorOf("organisationId")}
            />
            <Radio.Group
              label={t("userForm.locale")}
              value={values.locale}
              onChange={(locale) => set("locale", locale === "en" ? "en" : "km")}
              error={errorOf("locale")}
            >
              <Group gap="lg" mt={6}>
                {LANGUAGES.map((language) => (
                  <Radio
                    key={language}
                    value={language}
                    label={t(`common:language.${language}Label`)}
                    lang={language}
                  />
                ))}
              </Group>
            </Radio.Group>
            {mode === "create" && (
              <PasswordField
                label={t("userForm.password")}
                description={t("userForm.passwordHint", { min: format.number(PASSWORD_MIN_LENGTH) })}
                required
                autoComplete="new-password"
                value={values.password}
                onChange={(event) => set("password", event.currentTarget.value)}
                error={errorOf("password")}
              />
            )}
          </FormPanel>

          <FormPanel title={t("userForm.access")}>
            {ownAccount && (
              <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
                {t("userForm.ownAccess")}
              </Alert>
            )}
            <Checkbox.Group
              label={t("userForm.roles")}
              description={t("userForm.rolesHint")}
              required
              value={values.roles}
              onChange={(roles) =>
                set(
                  "roles",
                  roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role)),
                )
              }
              error={rolesError}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs" mt="xs">
                {ROLES.map((role) => (
                  <Checkbox key={role} value={role} label={labels.role(role)} disabled={ownAccount} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <AreaField
              value={values.area}
              onChange={(area) => set("area", area)}
              errors={{ ...serverErrors, area: errorOf("area") }}
              canGrantNational={me.area.national}
              disabled={ownAccount}
            />
            {values.roles.includes("service_provider") && (
              <FacilitiesField
                value={values.facilities}
                onChange={(facilities) => set("facilities", facilities)}
                within={!values.area.national && values.area.codes.length === 1 ? values.area.codes[0] : null}
                error={facilitiesError}
                disabled={ownAccount}
              />
            )}
          </FormPanel>
        </SimpleGrid>

        {error !== null && error !== undefined && (
          <ErrorAlert error={error} withFieldErrors={otherFieldErrors} />
        )}
        <Group gap="sm">
          <Button type="submit" loading={pending}>
            {mode === "create" ? t("userForm.create") : t("userForm.save")}
          </Button>
          {secondary}
        </Group>
      </Stack>
    </form>
  );
}
