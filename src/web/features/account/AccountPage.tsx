import { Badge, Button, Group, Radio, SimpleGrid, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { usePlace } from "../../api/places";
import { ConfirmButton } from "../../components/ConfirmButton";
import { FormPanel } from "../../components/FormPanel";
import { PageHeader } from "../../components/PageHeader";
import { isLanguage, LANGUAGES } from "../../i18n";
import { useFormat } from "../../i18n/format";
import { useSignOut } from "../auth/auth.api";
import { useChangeLanguage, useMe } from "../auth/session";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { TwoFactorSection } from "./TwoFactorSection";

function AreaName({ code }: { code: string }) {
  const place = usePlace(code);
  const format = useFormat();
  return (
    <Badge variant="outline" tt="none">
      {place.data ? format.name(place.data) : code}
    </Badge>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

export function AccountPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const changeLanguage = useChangeLanguage();
  const signOut = useSignOut();
  const signOutEverywhere = useSignOut(true);

  const chooseLanguage = async (value: string) => {
    if (!isLanguage(value)) return;
    try {
      await changeLanguage(value);
      notifications.show({ color: "teal", message: t("account.languageSaved") });
    } catch {
      notifications.show({ color: "red", message: t("language.saveFailed") });
    }
  };

  return (
    <>
      <PageHeader title={t("account.title")} description={me.displayName} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <FormPanel title={t("account.profile")}>
          <Detail label={t("account.displayName")}>
            <Text>{me.displayName}</Text>
          </Detail>
          <Detail label={t("account.username")}>
            <Text ff="monospace">{me.username}</Text>
          </Detail>
          <Detail label={t("account.roles")}>
            <Group gap={6}>
              {me.roles.map((role) => (
                <Badge key={role} variant="light" tt="none">
                  {t(`roles.${role}`)}
                </Badge>
              ))}
            </Group>
          </Detail>
          <Detail label={t("account.area")}>
            <Group gap={6}>
              {me.area.national ? (
                <Badge variant="outline" tt="none">
                  {t("account.national")}
                </Badge>
              ) : (
                me.area.codes.map((code) => <AreaName key={code} code={code} />)
              )}
            </Group>
          </Detail>
        </FormPanel>

        <FormPanel title={t("account.languageTitle")} description={t("account.languageIntro")}>
          <Radio.Group
            value={i18n.resolvedLanguage}
            onChange={chooseLanguage}
            aria-label={t("language.label")}
            name="language"
          >
            <Stack gap="xs">
              {LANGUAGES.map((language) => (
                <Radio
                  key={language}
                  value={language}
                  label={t(`language.${language}Label`)}
                  lang={language}
                />
              ))}
            </Stack>
          </Radio.Group>
        </FormPanel>

        <FormPanel title={t("account.passwordTitle")} description={t("account.passwordIntro")}>
          <ChangePasswordForm username={me.username} />
        </FormPanel>

        <FormPanel title={t("account.twoFactorTitle")}>
          <TwoFactorSection enabled={me.totpEnabled} />
        </FormPanel>

        <FormPanel title={t("account.sessionsTitle")} description={t("account.sessionsIntro")}>
          <Group gap="sm">
            <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              {t("account.signOut")}
            </Button>
            <ConfirmButton
              variant="light"
              message={t("account.signOutEverywhereConfirm")}
              onConfirm={() => signOutEverywhere.mutateAsync()}
            >
              {t("account.signOutEverywhere")}
            </ConfirmButton>
          </Group>
        </FormPanel>
      </SimpleGrid>
    </>
  );
}
