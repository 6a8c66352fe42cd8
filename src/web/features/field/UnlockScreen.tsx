import { Alert, Button, Stack, Text, Title } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../components/ConfirmButton";
import { usePageTitle } from "../../components/PageHeader";
import { PasswordField } from "../../components/PasswordField";
import { useFormat } from "../../i18n/format";
import { type FieldProfile, IDLE_LOCK_MINUTES, unlock, unsentCount, wipe } from "../../offline/field-store";
import { AuthFrame } from "../auth/AuthFrame";

/**
 * Shown instead of the app while the field store of the signed-in user (or, offline, of the device's
 * field user) is locked: after a reload or closing the app, and after IDLE_LOCK_MINUTES without use.
 * The password opens it on the device, without the network. Erasing is the way out for someone
 * who cannot unlock it; it warns about unsent work first.
 */
export function UnlockScreen({ profile, onUnlocked }: { profile: FieldProfile; onUnlocked: () => void }) {
  const { t } = useTranslation("field");
  const format = useFormat();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [unsent, setUnsent] = useState(0);
  usePageTitle(t("lock.title"));

  useEffect(() => {
    void unsentCount().then(setUnsent);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) return setError(t("lock.required"));
    setBusy(true);
    const opened = await unlock(password);
    setBusy(false);
    if (!opened) return setError(t("lock.wrong"));
    onUnlocked();
  };

  return (
    <AuthFrame>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <IconLock size={32} aria-hidden />
          <Title order={1} fz="h2">
            {t("lock.title")}
          </Title>
          <Text>{t("lock.description", { name: profile.displayName })}</Text>
          <PasswordField
            label={t("common:auth.password")}
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              setError(null);
            }}
            error={error}
            autoComplete="current-password"
            data-autofocus
            required
          />
          <Button type="submit" size="md" loading={busy}>
            {t("lock.unlock")}
          </Button>
          <Text size="sm" c="dimmed">
            {t("lock.oldPassword")}
          </Text>
          <Text size="sm" c="dimmed">
            {t("lock.idle", { minutes: format.number(IDLE_LOCK_MINUTES) })}
          </Text>
          <Alert color="gray" variant="light" p="xs">
            <ConfirmButton
              variant="subtle"
              size="compact-sm"
              title={t("lock.eraseTitle")}
              message={t("lock.eraseMessage", { name: profile.displayName, n: format.number(unsent) })}
              onConfirm={async () => {
                await wipe();
                onUnlocked();
              }}
            >
              {t("lock.erase")}
            </ConfirmButton>
          </Alert>
        </Stack>
      </form>
    </AuthFrame>
  );
}
