import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { type RefObject, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { type Blocker, useBlocker } from "react-router";

/**
 * Holds navigation to another page while there are unsaved changes (unless they are being saved),
 * and has the browser ask before a reload or closing the tab.
 */
export function useUnsavedChanges(dirty: boolean, saved: RefObject<boolean>): Blocker {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !saved.current && currentLocation.pathname !== nextLocation.pathname,
  );

  // A reload or closed tab with unsaved changes: the browser asks.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  return blocker;
}

/** "Leave without saving?": stay, or go where the person was going. */
export function LeaveDialog({ blocker }: { blocker: Blocker }) {
  const { t } = useTranslation("facilities");
  return (
    <Modal
      opened={blocker.state === "blocked"}
      onClose={() => blocker.reset?.()}
      title={t("form.leaveTitle")}
      centered
    >
      <Stack>
        <Text>{t("form.leaveMessage")}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            {t("form.stay")}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            {t("form.leave")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
