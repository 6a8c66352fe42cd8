import { Button, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../components/PageHeader";
import { AuthFrame } from "./AuthFrame";
import { useSignOut } from "./auth.api";
import { TotpSetupForm } from "./TotpSetupForm";

/** Shown instead of the app while the user's role requires two-factor sign-in they have not set up. */
export function TotpEnrolPage() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  usePageTitle(t("totp.enrolTitle"));
  return (
    <AuthFrame
      aside={
        <Button variant="subtle" size="xs" onClick={() => signOut.mutate()} loading={signOut.isPending}>
          {t("totp.signOutInstead")}
        </Button>
      }
    >
      <Stack gap="md">
        <Title order={1} fz="h2">
          {t("totp.enrolTitle")}
        </Title>
        <Text size="sm">{t("totp.enrolIntro")}</Text>
        <TotpSetupForm />
      </Stack>
    </AuthFrame>
  );
}
