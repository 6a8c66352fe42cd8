import { Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlayerPause, IconPlayerPlay } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { ConfirmButton } from "../../components/ConfirmButton";
import { useFormat } from "../../i18n/format";
import { type Facility, useDeactivateFacility, useFacility, useReactivateFacility } from "./facilities.api";

/** "Deactivate" (with a reason) or "Reactivate", for those who may. */
export function FacilityStatusActions({ facility }: { facility: Facility }) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const facilityQuery = useFacility(facility.id);
  const deactivate = useDeactivateFacility(facility.id);
  const reactivate = useReactivateFacility(facility.id);
  const [reason, setReason] = useState("");

  // On a version conflict, fetch the current record so that the next try works; the modal shows the error.
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      notifications.show({ color: "teal", message: done });
    } catch (error) {
      if (isApiError(error, "version_conflict")) void facilityQuery.refetch();
      throw error;
    }
  };

  if (!facility.can.deactivate) return null;
  // Distinct keys: the two buttons must not share one modal's open state, or the closing "deactivate"
  // dialog would turn into an open "reactivate" one.
  return facility.active ? (
    <ConfirmButton
      key="deactivate"
      variant="outline"
      leftSection={<IconPlayerPause size={16} aria-hidden />}
      title={t("deactivate.title")}
      message={t("deactivate.message", { name: format.name(facility) })}
      confirmLabel={t("deactivate.confirm")}
      canConfirm={reason.trim().length > 0}
      extra={
        <Textarea
          label={t("deactivate.reason")}
          description={t("deactivate.reasonHint")}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          required
        />
      }
      onConfirm={() =>
        run(
          () => deactivate.mutateAsync({ reason: reason.trim(), version: facility.version }),
          t("deactivate.done"),
        )
      }
    >
      {t("actions.deactivate")}
    </ConfirmButton>
  ) : (
    <ConfirmButton
      key="reactivate"
      color="teal"
      variant="outline"
      leftSection={<IconPlayerPlay size={16} aria-hidden />}
      title={t("reactivate.title")}
      message={t("reactivate.message", { name: format.name(facility) })}
      confirmLabel={t("reactivate.confirm")}
      onConfirm={() => run(() => reactivate.mutateAsync({ version: facility.version }), t("reactivate.done"))}
    >
      {t("actions.reactivate")}
    </ConfirmButton>
  );
}
