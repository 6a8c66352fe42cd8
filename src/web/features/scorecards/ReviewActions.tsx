import { Group, Textarea } from "@mantine/core";
import { IconArrowBackUp, IconCheck, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../components/ConfirmButton";
import { useCardChange } from "./scorecards.api";

/** Approve a submitted card (it is then locked), or return it with a comment. */
export function ReviewActions({ id, version }: { id: string; version: number }) {
  const { t } = useTranslation("scorecards");
  const change = useCardChange(id);
  const [comment, setComment] = useState("");
  return (
    <Group gap="xs">
      <ConfirmButton
        color="green"
        leftSection={<IconCheck size={16} aria-hidden />}
        title={t("review.approveTitle")}
        message={t("review.approveConfirm")}
        onConfirm={() => change.mutateAsync({ method: "POST", path: "/approve", body: { version } })}
      >
        {t("review.approve")}
      </ConfirmButton>
      <ConfirmButton
        color="orange"
        variant="light"
        leftSection={<IconArrowBackUp size={16} aria-hidden />}
        title={t("review.returnTitle")}
        message={t("review.returnConfirm")}
        canConfirm={comment.trim().length > 0}
        extra={
          <Textarea
            label={t("review.comment")}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            autosize
            minRows={3}
            data-autofocus
          />
        }
        onConfirm={() => change.mutateAsync({ method: "POST", path: "/return", body: { version, comment } })}
      >
        {t("review.return")}
      </ConfirmButton>
    </Group>
  );
}

/** Grant (the card goes back to draft) or refuse (with a note) a pending change request. */
export function DecideChange({ id, requestId }: { id: string; requestId: string }) {
  const { t } = useTranslation("scorecards");
  const change = useCardChange(id);
  const [note, setNote] = useState("");
  return (
    <Group gap="xs">
      <ConfirmButton
        color="green"
        leftSection={<IconCheck size={16} aria-hidden />}
        message={t("changes.grantConfirm")}
        extra={
          <Textarea
            label={t("changes.note")}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={2}
          />
        }
        onConfirm={() =>
          change.mutateAsync({ method: "POST", path: `/change-requests/${requestId}/grant`, body: { note } })
        }
      >
        {t("changes.grant")}
      </ConfirmButton>
      <ConfirmButton
        variant="light"
        leftSection={<IconX size={16} aria-hidden />}
        message={t("changes.refuseConfirm")}
        canConfirm={note.trim().length > 0}
        extra={
          <Textarea
            label={t("changes.refuseNote")}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={2}
          />
        }
        onConfirm={() =>
          change.mutateAsync({ method: "POST", path: `/change-requests/${requestId}/refuse`, body: { note } })
        }
      >
        {t("changes.refuse")}
      </ConfirmButton>
    </Group>
  );
}
