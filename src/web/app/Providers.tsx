import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { AppUpdate } from "../offline/AppUpdate";
import { ConnectionBanner } from "../offline/ConnectionBanner";
import { queryClient } from "./query-client";
import { buildTheme } from "./theme";

/**
 * Mantine (theme in the current language), notifications and TanStack Query around the app, and the
 * app-wide offline indicator and update prompt.
 */
export function Providers({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => buildTheme(t), [t, i18n.resolvedLanguage]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-center" />
      <AppUpdate />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      {/* After the page, so that the page's own status lines come first for assistive technology. */}
      <ConnectionBanner />
    </MantineProvider>
  );
}
