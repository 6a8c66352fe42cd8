import { useRegisterSW } from "virtual:pwa-register/react";
import { Button, Group, Paper, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconRefresh } from "@tabler/icons-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import classes from "./offline.module.css";

/** How often an open app asks the server whether a new version was deployed. */
const UPDATE_CHECK_MS = 30 * 60 * 1000;

/**
 * Registers the service worker (the installable app shell) and, when a new version has been
 * deployed, asks the user to reload when it suits them: a silent reload could drop a half-filled
 * form, so the new version waits until they press the button.
 */
export function AppUpdate() {
  const { t } = useTranslation();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) registration.update().catch(() => {});
      }, UPDATE_CHECK_MS);
    },
  });

  useEffect(() => {
    if (!offlineReady) return;
    // At the bottom: it comes by itself on a first visit, and at the top it covered the page's header.
    notifications.show({
      message: t("offline.ready"),
      color: "teal",
      autoClose: 6000,
      position: "bottom-center",
    });
    setOfflineReady(false);
  }, [offlineReady, setOfflineReady, t]);

  if (!needRefresh) return null;
  return (
    <div className={classes.top}>
      <Paper
        shadow="md"
        radius="md"
        p="sm"
        withBorder
        className={classes.banner}
        role="region"
        aria-label={t("update.title")}
      >
        <Text fw={700} size="sm">
          {t("update.title")}
        </Text>
        <Text size="sm" mb="xs">
          {t("update.detail")}
        </Text>
        <Group gap="xs" justify="flex-end">
          <Button variant="default" size="xs" onClick={() => setNeedRefresh(false)}>
            {t("update.later")}
          </Button>
          <Button
            size="xs"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={() => updateServiceWorker(true)}
          >
            {t("update.reload")}
          </Button>
        </Group>
      </Paper>
    </div>
  );
}
