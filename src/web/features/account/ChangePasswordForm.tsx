import { Button, Stack } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PasswordField } from "../../components/PasswordField";
import { useChangePassword } from "../auth/auth.api";

/** Current password, new password twice. The server checks the policy; its messages show on the fields. */
export function ChangePasswordForm({ username }: { username: string }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const serverErrors = isApiError(change.error) ? change.error.fieldErrors : {};
  const hasFieldErrors = Object.keys(serverErrors).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!currentPassword) errors.currentPassword = t("auth.passwordRequired");
    if (!newPassword) errors.newPassword = t("auth.passwordRequired");
    if (newPassword !== repeat) errors.repeat = t("account.passwordsDiffer");
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0) change.mutate({ currentPassword, newPassword });
  };

  return (
    <form onSubmit={submit} noValidate>
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <Stack gap="sm">
        <PasswordField
          label={t("account.currentPassword")}
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.currentTarget.value)}
          error={localErrors.currentPassword ?? serverErrors.currentPassword}
        />
        <PasswordField
          label={t("account.newPassword")}
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(event) => setNewPassword(event.currentTarget.value)}
          error={localErrors.newPassword ?? serverErrors.newPassword}
        />
        <PasswordField
          label={t("account.repeatPassword")}
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(event) => setRepeat(event.currentTarget.value)}
          error={localErrors.repeat}
        />
        {change.error && !hasFieldErrors && <ErrorAlert error={change.error} />}
        <Button type="submit" loading={change.isPending} w="fit-content">
          {t("account.changePassword")}
        </Button>
      </Stack>
    </form>
  );
}
