import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconKey } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { PASSWORD_MIN_LENGTH } from "../../../domain/password-policy";
import { isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PasswordField } from "../../components/PasswordField";
import { useFormat } from "../../i18n/format";
import { type User, useSetPassword } from "./admin.api";

/**
 * "Set a new password" and its modal: the administrator types a new password twice. The user's
 * sessions end and a lockout is lifted; the server checks the password rule.
 */
export function SetPasswordButton({ user }: { user: User }) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const [opened, { open, close }] = useDisclosure(false);
  const setPassword = useSetPassword(user.id);
  const [password, setPasswordText] = useState("");
  const [repeat, setRepeat] = useState("");
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const serverErrors = isApiError(setPassword.error) ? setPassword.error.fieldErrors : {};
  const hasFieldErrors = Object.keys(serverErrors).length > 0;

  const reset = () => {
    setPasswordText("");
    setRepeat("");
    setLocalErrors({});
    setPassword.reset();
  };
  const closeModal = () => {
    close();
    reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!password) errors.password = t("userForm.required");
    else if (password !== repeat) errors.repeat = t("password.differ");
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setPassword.mutate(password, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("password.done", { name: user.displayName }) });
        closeModal();
      },
    });
  };

  return (
    <>
      <Button variant="default" leftSection={<IconKey size={18} aria-hidden />} onClick={open}>
        {t("password.open")}
      </Button>
      <Modal
        opened={opened}
        onClose={closeModal}
        title={t("password.title", { name: user.displayName })}
        centered
      >
        <form onSubmit={submit} noValidate>
          {/* Lets a password manager file the password under the right account. */}
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <Stack gap="sm">
            <Text size="sm">{t("password.intro")}</Text>
            <PasswordField
              label={t("password.new")}
              description={t("userForm.passwordHint", { min: format.number(PASSWORD_MIN_LENGTH) })}
              autoComplete="new-password"
              required
              data-autofocus
              value={password}
              onChange={(event) => setPasswordText(event.currentTarget.value)}
              error={localErrors.password ?? serverErrors.password}
            />
            <PasswordField
              label={t("password.repeat")}
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(event) => setRepeat(event.currentTarget.value)}
              error={localErrors.repeat}
            />
            {setPassword.error && !hasFieldErrors && <ErrorAlert error={setPassword.error} />}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={closeModal} disabled={setPassword.isPending}>
                {t("common:actions.cancel")}
              </Button>
              <Button type="submit" loading={setPassword.isPending}>
                {t("password.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
