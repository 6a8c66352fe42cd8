import { Group, Paper, Text } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { IconWifiOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFieldState } from "./field-store";
import classes from "./offline.module.css";
import { useOnline } from "./useOnline";

/**
 * The honest offline indicator: shown on every page (signed in or not) while the device has no
 * connection, saying what still works and what does not.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const online = useOnline();
  const field = useFieldState();
  const { ref, height } = useElementSize();
  return (
    <>
      {/* Room at the end of the page, so that the banner never covers its last buttons. */}
      {!online && <div aria-hidden style={{ height: height + 24 }} />}
      <div role="status" aria-live="polite" className={classes.bottom}>
        {!online && (
          <Paper
            ref={ref}
            shadow="md"
            radius="md"
            p="sm"
            withBorder
            className={classes.banner}
            data-testid="offline-banner"
          >
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <IconWifiOff size={22} aria-hidden style={{ flexShrink: 0 }} />
              <div>
                <Text fw={700} size="sm">
                  {t("offline.title")}
                </Text>
                <Text size="sm">{t(field.status === "open" ? "offline.fieldDetail" : "offline.detail")}</Text>
              </div>
            </Group>
          </Paper>
        )}
      </div>
    </>
  );
}
