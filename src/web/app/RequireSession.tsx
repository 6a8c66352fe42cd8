import { Center } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { isApiError } from "../api/client";
import { ErrorAlert } from "../components/ErrorAlert";
import { signInReason, useSession } from "../features/auth/session";
import { TotpEnrolPage } from "../features/auth/TotpEnrolPage";
import { UnlockScreen } from "../features/field/UnlockScreen";
import { rememberLanguage } from "../i18n";
import { useFieldState } from "../offline/field-store";
import { AppLayout } from "./AppLayout";
import { PageLoader } from "./PageLoader";

/**
 * The guard of every signed-in page: waits for the session, sends a signed-out visitor to sign in
 * (coming back afterwards), holds a user who must set up two-factor sign-in on that screen, and
 * shows the app in the user's own language.
 */
export function RequireSession() {
  const { i18n } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const field = useFieldState();
  const locale = session.data?.user.locale;

  useEffect(() => {
    if (locale && locale !== i18n.resolvedLanguage) {
      rememberLanguage(locale);
      void i18n.changeLanguage(locale);
    }
  }, [locale, i18n]);

  if (session.isPending) return <PageLoader />;
  // The user's field store is locked (reload, idle): open it first. Offline the session cannot be
  // checked, so the device's field user unlocks, and carries on with the work on the device.
  const offline = session.isError && isApiError(session.error) && session.error.status === 0;
  if (field.status === "locked" && (offline || session.data?.user.id === field.profile.id)) {
    return <UnlockScreen profile={field.profile} onUnlocked={() => void session.refetch()} />;
  }
  if (session.isError) {
    return (
      <Center h="100vh" p="md">
        <ErrorAlert error={session.error} onRetry={() => session.refetch()} />
      </Center>
    );
  }
  if (!session.data) {
    // Come back here after signing in, unless the user chose to leave (then start afresh at home).
    const reason = signInReason();
    const from = reason === null || reason === "sessionEnded" ? location : undefined;
    return <Navigate to="/sign-in" replace state={{ from, reason }} />;
  }
  if (session.data.user.mustEnrolTotp) return <TotpEnrolPage />;
  return (
    <AppLayout>
      <Outlet />
    </AppLayout>
  );
}
