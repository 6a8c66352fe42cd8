import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import { useOnline } from "../../offline/useOnline";

/**
 * Asked before signing out while changes recorded on this phone have not reached the server: signing
 * out erases the field store, so the user either syncs first or confirms that they go.
 */
export function SignOutWarning({
  unsent,
  onCancel,
  onConfirm,
  busy,
  error,
}: {
  /** Unsent commands; null keeps the dialog closed. */
  unsent: number | null;
  onCancel: () => void;
  onConfirm: () => void;
  busy: boolean;
  error: unknown;
}) {
  const { t } = useTranslation("field");
  const format = useFormat();
  const online = useOnline();
  const navigate = useNavigate();
  return (
    <Modal opened={unsent !== null} onClose={onCancel} title={t("signOut.title")} centered>
      <Stack>
        <Text>{t("signOut.message", { count: unsent ?? 0, n: format.number(unsent ?? 0) })}</Text>
        {!online && <Text size="sm">{t("signOut.offline")}</Text>}
        {error ? <ErrorAlert error={error} /> : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t("signOut.cancel")}
          </Button>
          <Button
            variant="light"
            disabled={!online}
            onClick={() => {
              onCancel();
              navigate("/field/sync");
            }}
          >
            {t("signOut.syncFirst")}
          </Button>
          <Button color="red" onClick={onConfirm} loading={busy}>
            {t("signOut.confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
