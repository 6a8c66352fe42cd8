import { Alert, Text } from "@mantine/core";
import { IconDatabase } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { storageIsShort, useStorage } from "./field.api";

const MB = 1024 * 1024;

/**
 * How much of the phone's storage the app uses and whether the browser promised to keep it. Compact:
 * only the warnings (storage running out, data not protected from eviction).
 */
export function StorageNote({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation("field");
  const format = useFormat();
  const info = useStorage();
  if (!info) return null;
  const short = storageIsShort(info);
  if (compact && !short && info.persisted) return null;
  return (
    <Alert
      color={short ? "red" : info.persisted ? "gray" : "yellow"}
      variant="light"
      icon={<IconDatabase size={18} aria-hidden />}
      title={compact ? undefined : t("storage.title")}
    >
      {short && (
        <Text size="sm" fw={700}>
          {t("storage.short")}
        </Text>
      )}
      {!compact && (
        <Text size="sm">
          {t("storage.used", {
            used: format.number(Math.ceil(info.usage / MB)),
            quota: format.number(Math.floor(info.quota / MB)),
          })}
        </Text>
      )}
      <Text size="sm">{info.persisted ? t("storage.persisted") : t("storage.notPersisted")}</Text>
    </Alert>
  );
}
