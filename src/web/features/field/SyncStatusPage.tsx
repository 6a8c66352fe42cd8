import { Card, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { useFieldState } from "../../offline/field-store";
import { BackToFieldWork } from "./BackToFieldWork";
import { FailedCommands } from "./FailedCommands";
import { FieldWorkPage } from "./FieldWorkPage";
import { useOutbox, useSent, useUploads } from "./field.api";
import { StorageNote } from "./StorageNote";
import { SyncSummary } from "./SyncSummary";

/** /field/sync — what waits on this phone (per kind), what the server refused and why, what went through. */
export function SyncStatusPage() {
  const field = useFieldState();
  // Without an open store there is nothing to show but how to get one (the field work page says it).
  if (field.status !== "open") return <FieldWorkPage />;
  return <SyncStatus />;
}

function SyncStatus() {
  const { t } = useTranslation("field");
  const format = useFormat();
  const outbox = useOutbox() ?? [];
  const sent = useSent() ?? [];
  const uploads = useUploads() ?? [];
  const pending = outbox.filter((entry) => entry.state === "pending");
  const perKind = new Map<string, number>();
  for (const entry of pending) perKind.set(entry.type, (perKind.get(entry.type) ?? 0) + 1);
  if (uploads.length > 0) perKind.set("upload", uploads.length);
  return (
    <>
      <PageHeader
        above={<BackToFieldWork />}
        title={t("status.title")}
        description={t("status.description")}
      />
      <Stack>
        <SyncSummary withLink={false} />
        <FailedCommands entries={outbox} uploads={uploads} />
        <Card withBorder padding="sm" component="section" aria-labelledby="pending-title">
          <Title order={2} fz="h4" id="pending-title" mb="xs">
            {t("status.pendingTitle")}
          </Title>
          {perKind.size === 0 ? (
            <Text size="sm">{t("status.pendingEmpty")}</Text>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("status.kind")}</Table.Th>
                  <Table.Th ta="end">{t("status.count")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...perKind].map(([type, count]) => (
                  <Table.Tr key={type}>
                    <Table.Td>{t(`status.kinds.${type}`, { defaultValue: type })}</Table.Td>
                    <Table.Td ta="end">{format.number(count)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card withBorder padding="sm" component="section" aria-labelledby="sent-title">
          <Title order={2} fz="h4" id="sent-title" mb="xs">
            {t("status.sentTitle")}
          </Title>
          {sent.length === 0 ? (
            <Text size="sm">{t("status.sentEmpty")}</Text>
          ) : (
            <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {sent.map((entry) => (
                <Text component="li" size="sm" key={entry.id}>
                  {t(`status.kinds.${entry.type}`, { defaultValue: entry.type })} ·{" "}
                  {format.dateTime(entry.appliedAt)}
                  {entry.overtaken && (
                    // A merged change that lost some fields to a later write: say so to this phone.
                    <Text component="span" display="block" size="xs" c="orange.8" data-testid="overtaken">
                      {t("status.overtaken", { count: entry.overtaken.length })}
                    </Text>
                  )}
                </Text>
              ))}
            </Stack>
          )}
        </Card>
        <StorageNote />
      </Stack>
    </>
  );
}
