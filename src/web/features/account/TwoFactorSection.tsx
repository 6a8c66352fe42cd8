import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PasswordField } from "../../components/PasswordField";
import { useTotpDisable } from "../auth/auth.api";
import { TotpSetupForm } from "../auth/TotpSetupForm";

/** Shows whether two-factor sign-in is on; turns it on (setup) or off (with the password). */
export function TwoFactorSection({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const disable = useTotpDisable();
  const [password, setPassword] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);

  const submitDisable = (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setLocalError(t("auth.passwordRequired"));
      return;
    }
    setLocalError(null);
    disable.mutate(password, {
      onSuccess: () => {
        setPassword("");
        notifications.show({ color: "teal", message: t("totp.disabled") });
      },
    });
  };

  const passwordError =
    localError ?? (isApiError(disable.error) ? disable.error.fieldErrors.password : undefined);
  const otherError = disable.error && !passwordError ? disable.error : null;

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text size="sm">{t("totp.status")}</Text>
        <Badge color={enabled ? "teal" : "gray"} variant="light" tt="none">
          {enabled ? t("totp.statusOn") : t("totp.statusOff")}
        </Badge>
      </Group>
      {enabled ? (
        <form onSubmit={submitDisable} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t("totp.disableIntro")}
            </Text>
            <PasswordField
              label={t("auth.password")}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={passwordError}
            />
            {otherError && <ErrorAlert error={otherError} />}
            <Button type="submit" color="red" variant="light" loading={disable.isPending} w="fit-content">
              {t("totp.disable")}
            </Button>
          </Stack>
        </form>
      ) : (
        <TotpSetupForm onDone={() => notifications.show({ color: "teal", message: t("totp.enabled") })} />
      )}
    </Stack>
  );
}
