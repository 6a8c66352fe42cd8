import { Button, type ButtonProps, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./ErrorAlert";

interface ConfirmButtonProps extends Omit<ButtonProps, "onClick"> {
  /** The button's text; also the default text of the confirm button. */
  children: ReactNode;
  /** What will happen, in a sentence. */
  message: ReactNode;
  title?: ReactNode;
  confirmLabel?: ReactNode;
  /** Runs on confirmation; the modal stays open with the error if it throws. */
  onConfirm: () => unknown;
  /** Extra content in the modal (e.g. a reason field). */
  extra?: ReactNode;
  /** False keeps the confirm button disabled (e.g. until a reason is typed). */
  canConfirm?: boolean;
}

/** A button for a destructive or far-reaching action: it asks first in a modal. */
export function ConfirmButton({
  children,
  message,
  title,
  confirmLabel,
  onConfirm,
  extra,
  canConfirm = true,
  color = "red",
  ...buttonProps
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button color={color} {...buttonProps} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title ?? t("confirm.title")} centered>
        <Stack>
          <Text>{message}</Text>
          {extra}
          {error !== null && <ErrorAlert error={error} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close} disabled={busy} data-autofocus>
              {t("actions.cancel")}
            </Button>
            <Button color={color} onClick={confirm} loading={busy} disabled={!canConfirm}>
              {confirmLabel ?? children}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
