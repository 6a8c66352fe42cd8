import { Alert, Anchor, Button, Card, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconClock, IconRefresh } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format";
import { syncNow } from "../../offline/sync-engine";
import { useOnline } from "../../offline/useOnline";
import { useOutbox, useSyncStatus, useUploads } from "./field.api";

/** Starts a sync (download and send); disabled with no connection, busy while one runs. */
export function SyncButton({ label }: { label?: string }) {
  const { t } = useTranslation("field");
  const online = useOnline();
  const status = useSyncStatus();
  return (
    <Button
      leftSection={<IconRefresh size={18} aria-hidden />}
      onClick={() => void syncNow()}
      loading={status.phase !== "idle"}
      disabled={!online}
    >
      {label ?? t("work.syncNow")}
    </Button>
  );
}

/** One card: is everything sent, what waits, what needs attention, when the last sync was. */
export function SyncSummary({ withLink = true }: { withLink?: boolean }) {
  const { t } = useTranslation("field");
  const format = useFormat();
  const online = useOnline();
  const status = useSyncStatus();
  const loadedOutbox = useOutbox();
  const loadedUploads = useUploads();
  // Until both are read, say nothing about them: "all sent" must never show for a moment by mistake.
  if (!loadedOutbox || !loadedUploads) return <Skeleton h={140} aria-busy="true" />;
  const outbox = loadedOutbox;
  const uploads = loadedUploads;
  // Photos waiting to upload count as waiting changes; a refused one needs attention like a command.
  const failedUploads = uploads.filter((upload) => upload.failure !== null).length;
  const failed = outbox.filter((entry) => entry.state === "failed").length + failedUploads;
  const pending = outbox.length + uploads.length - failed;
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs" role="status" aria-live="polite">
        {pending + failed === 0 ? (
          <Group gap="xs" wrap="nowrap">
            <IconCircleCheck size={20} color="var(--mantine-color-teal-7)" aria-hidden />
            <Text size="sm">{t("status.allSent")}</Text>
          </Group>
        ) : null}
        {pending > 0 && (
          <Group gap="xs" wrap="nowrap">
            <IconClock size={20} aria-hidden />
            <Text size="sm" data-testid="pending-count">
              {t("status.waiting", { count: pending, n: format.number(pending) })}
            </Text>
          </Group>
        )}
        {failed > 0 && (
          <Group gap="xs" wrap="nowrap">
            <IconAlertTriangle size={20} color="var(--mantine-color-orange-7)" aria-hidden />
            <Text size="sm" fw={500}>
              {t("status.attention", { count: failed, n: format.number(failed) })}
            </Text>
          </Group>
        )}
        <Text size="sm" c="dimmed">
          {status.phase !== "idle"
            ? t("status.syncing")
            : status.lastSyncAt
              ? t("status.lastSync", { when: format.dateTime(status.lastSyncAt) })
              : t("status.never")}
        </Text>
        {!online && pending > 0 && <Text size="sm">{t("status.offline")}</Text>}
        {online && status.error && (
          <Alert color="orange" variant="light" p="xs">
            {status.retryAt
              ? t("status.retryAt", { time: format.dateTime(status.retryAt) })
              : t("status.error", { message: status.error.message })}
          </Alert>
        )}
        <Group justify="space-between">
          <SyncButton />
          {withLink && (
            <Anchor component={Link} to="/field/sync" size="sm">
              {t("work.statusLink")}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
