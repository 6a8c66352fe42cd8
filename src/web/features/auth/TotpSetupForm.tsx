import {
  ActionIcon,
  Anchor,
  Button,
  Code,
  CopyButton,
  Group,
  List,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useTotpEnable, useTotpSetup } from "./auth.api";

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to read out and type on a phone. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

/**
 * Two-factor setup: ask the server for a secret, show it (in groups of 4) and its otpauth link,
 * then check the first code from the app. Used by the forced setup screen and the account page.
 */
export function TotpSetupForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const setup = useTotpSetup();
  const enable = useTotpEnable();
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setCodeError(t("auth.codeFormat"));
      return;
    }
    setCodeError(null);
    enable.mutate(code, { onSuccess: () => onDone?.() });
  };

  if (!setup.data) {
    return (
      <Stack gap="sm">
        {setup.error !== null && <ErrorAlert error={setup.error} />}
        <Button onClick={() => setup.mutate()} loading={setup.isPending} w="fit-content">
          {t("totp.start")}
        </Button>
      </Stack>
    );
  }

  const { secret, otpauthUri } = setup.data;
  const enableError = enable.error;
  const fieldError = codeError ?? (isApiError(enableError) ? (enableError.fieldErrors.code ?? null) : null);
  const generalError =
    enableError && !(isApiError(enableError) && enableError.fieldErrors.code) ? enableError : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <List type="ordered" spacing="xs" size="sm">
          <List.Item>{t("totp.step1")}</List.Item>
          <List.Item>
            <Stack gap={6}>
              <Text size="sm">{t("totp.step2")}</Text>
              <Text size="xs" c="dimmed">
                {t("totp.secret")}
              </Text>
              <Group gap="xs" wrap="nowrap" align="center">
                <Code
                  fz="md"
                  fw={700}
                  style={{ letterSpacing: "0.05em", wordSpacing: "0.3em" }}
                  data-testid="totp-secret"
                >
                  {groupSecret(secret)}
                </Code>
                <CopyButton value={secret}>
                  {({ copied, copy }) => (
                    <Tooltip label={copied ? t("actions.copied") : t("actions.copy")}>
                      <ActionIcon
                        variant="subtle"
                        onClick={copy}
                        aria-label={`${t("actions.copy")}: ${t("totp.secret")}`}
                      >
                        {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                      </ActionIcon>
                    </Tooltip>
                  )}
                </CopyButton>
              </Group>
              <Text size="xs" c="dimmed">
                {t("totp.uri")}
              </Text>
              <Anchor href={otpauthUri} size="xs" ff="monospace" style={{ wordBreak: "break-all" }}>
                {otpauthUri}
              </Anchor>
            </Stack>
          </List.Item>
          <List.Item>{t("totp.step3")}</List.Item>
        </List>
        <TextInput
          label={t("totp.code")}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          value={code}
          onChange={(event) => setCode(event.currentTarget.value.replace(/\D/g, ""))}
          error={fieldError}
          maw={220}
          styles={{ input: { letterSpacing: "0.3em", fontFamily: "monospace", fontSize: "1.2rem" } }}
        />
        {generalError && <ErrorAlert error={generalError} />}
        <Button type="submit" loading={enable.isPending} w="fit-content">
          {t("totp.enable")}
        </Button>
      </Stack>
    </form>
  );
}
