import { Center } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { ErrorAlert } from "../components/ErrorAlert";
import { signInReason, useSession } from "../features/auth/session";
import { TotpEnrolPage } from "../features/auth/TotpEnrolPage";
import { rememberLanguage } from "../i18n";
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
  const locale = session.data?.user.locale;

  useEffect(() => {
    if (locale && locale !== i18n.resolvedLanguage) {
      rememberLanguage(locale);
      void i18n.changeLanguage(locale);
    }
  }, [locale, i18n]);

  if (session.isPending) return <PageLoader />;
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
