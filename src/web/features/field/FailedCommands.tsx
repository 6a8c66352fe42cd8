import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ConfirmButton } from "../../components/ConfirmButton";
import { useFormat } from "../../i18n/format";
import type { OutboxEntry, UploadEntry } from "../../offline/field-db";
import { sendable } from "../../offline/outbox-order";
import { discardUpload, retryCommand, retryUpload, useDiscardCommand } from "./field.api";

/**
 * The commands the server refused, each with its reason and what to do: send again, open the card
 * to fix it, or discard (after confirming). Commands queued behind a refused one of the same card
 * are listed as held back: they go once it is sorted out.
 */
export function FailedCommands({ entries, uploads }: { entries: OutboxEntry[]; uploads: UploadEntry[] }) {
  const { t } = useTranslation("field");
  const format = useFormat();
  const discard = useDiscardCommand();
  const failed = entries.filter((entry) => entry.state === "failed");
  const failedUploads = uploads.filter((upload) => upload.failure !== null);
  if (failed.length === 0 && failedUploads.length === 0) return null;
  const ready = new Set(sendable(entries).map((entry) => entry.id));
  const heldBack = entries.filter((entry) => entry.state === "pending" && !ready.has(entry.id)).length;
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="failed-title" bd="1px solid orange">
      <Title order={2} fz="h4" id="failed-title">
        {t("status.failedTitle")}
      </Title>
      <Text size="sm" mb="sm">
        {t("status.failedHelp")}
      </Text>
      <Stack gap="md" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {failed.map((entry) => (
          <Stack component="li" key={entry.id} gap={4} data-testid="failed-command">
            <Text fw={500}>
              {t(`status.kinds.${entry.type}`, { defaultValue: entry.type })} ·{" "}
              {format.dateTime(entry.createdAt)}
            </Text>
            <Text size="sm">{entry.failure?.message}</Text>
            {entry.failure?.paths.map((path) => (
              <Text size="xs" c="dimmed" key={path}>
                {path}
              </Text>
            ))}
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => void retryCommand(entry)}>
                {t("status.retry")}
              </Button>
              {entry.type.startsWith("scorecard.") && (
                <Button size="xs" variant="default" component={Link} to={`/scorecards/${entry.recordId}`}>
                  {t("status.fix")}
                </Button>
              )}
              <ConfirmButton
                size="xs"
                variant="light"
                title={t("status.discardTitle")}
                message={t("status.discardMessage")}
                onConfirm={() => discard(entry)}
              >
                {t("status.discard")}
              </ConfirmButton>
            </Group>
          </Stack>
        ))}
        {failedUploads.map((upload) => (
          <Stack component="li" key={upload.id} gap={4} data-testid="failed-upload">
            <Text fw={500}>
              {t("status.kinds.upload")} · {upload.fileName} · {format.dateTime(upload.createdAt)}
            </Text>
            <Text size="sm">{upload.failure?.message}</Text>
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => void retryUpload(upload)}>
                {t("status.retry")}
              </Button>
              <ConfirmButton
                size="xs"
                variant="light"
                title={t("status.discardTitle")}
                message={t("status.discardUploadMessage")}
                onConfirm={() => discardUpload(upload)}
              >
                {t("status.discard")}
              </ConfirmButton>
            </Group>
          </Stack>
        ))}
      </Stack>
      {heldBack > 0 && (
        <Text size="sm" c="dimmed" mt="sm">
          {format.number(heldBack)} · {t("status.blocked")}
        </Text>
      )}
    </Card>
  );
}
