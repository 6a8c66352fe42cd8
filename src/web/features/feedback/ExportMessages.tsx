import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconLock } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { saveFile } from "../../api/save-file";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import { useCan } from "../auth/session";
import { type ExportRequest, type Queue, useExportFeedback } from "./feedback.api";

const STATUSES = ["received", "escalated", "answered", "closed"] as const;

/**
 * Exports the open queue as CSV: a period and a status to narrow it, and the senders' phone numbers
 * for those who may call back, with a reason the server keeps in the audit log.
 */
export function ExportMessages({ queue }: { queue: Queue }) {
  const { t } = useTranslation("feedback");
  const format = useFormat();
  const can = useCan();
  const [opened, { open, close }] = useDisclosure(false);
  const exporter = useExportFeedback();
  const [status, setStatus] = useState<string | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [withPhones, setWithPhones] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonMissing, setReasonMissing] = useState(false);

  const mayExportPhones = can(queue === "restricted" ? "feedback:restricted-phones" : "feedback:phones");
  const fieldError = (path: string) =>
    isApiError(exporter.error) ? exporter.error.fieldErrors[path] : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (withPhones && reason.trim().length < 3) {
      setReasonMissing(true);
      return;
    }
    const body: ExportRequest = {
      queue,
      status: (status as ExportRequest["status"]) ?? undefined,
      from: from || undefined,
      to: to || undefined,
      withPhones,
      reason: withPhones ? reason.trim() : undefined,
    };
    exporter.mutate(body, {
      onSuccess: (file) => {
        saveFile(file.blob, file.fileName);
        const rows = Number(file.headers.get("x-row-count") ?? 0);
        notifications.show({
          color: "teal",
          message: t("export.done", { count: rows, n: format.number(rows) }),
        });
        close();
      },
    });
  };

  return (
    <>
      <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={open}>
        {t("export.open")}
      </Button>
      <Modal opened={opened} onClose={close} title={t(`export.title.${queue}`)} size="lg">
        <form onSubmit={submit} noValidate aria-label={t(`export.title.${queue}`)}>
          <Stack gap="md">
            <Text size="sm">{t("export.intro")}</Text>
            <Select
              label={t("export.status")}
              placeholder={t("export.anyStatus")}
              clearable
              data={STATUSES.map((value) => ({ value, label: t(`statuses.${value}`) }))}
              value={status}
              onChange={setStatus}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                type="date"
                label={t("export.from")}
                value={from}
                onChange={(e) => setFrom(e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t("export.to")}
                value={to}
                onChange={(e) => setTo(e.currentTarget.value)}
                error={fieldError("to")}
              />
            </SimpleGrid>
            {mayExportPhones && (
              <>
                <Checkbox
                  label={t("export.withPhones")}
                  description={t("export.withPhonesHint")}
                  checked={withPhones}
                  onChange={(e) => setWithPhones(e.currentTarget.checked)}
                />
                {withPhones && (
                  <Textarea
                    label={t("export.reason")}
                    description={t(
                      queue === "restricted" ? "export.reasonHintRestricted" : "export.reasonHint",
                    )}
                    required
                    autosize
                    minRows={2}
                    maxLength={500}
                    value={reason}
                    onChange={(e) => {
                      setReason(e.currentTarget.value);
                      setReasonMissing(false);
                    }}
                    error={reasonMissing ? t("export.reasonRequired") : fieldError("reason")}
                  />
                )}
              </>
            )}
            <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
              {t("export.audited")}
            </Alert>
            {exporter.error && !fieldError("to") && !fieldError("reason") && (
              <ErrorAlert error={exporter.error} />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("export.cancel")}
              </Button>
              <Button
                type="submit"
                loading={exporter.isPending}
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t("export.download")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
