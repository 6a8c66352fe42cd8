import { Badge, Group } from "@mantine/core";
import { IconAlarm } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { ActionStatus } from "./jaap.api";

const STATUS_COLOURS: Record<ActionStatus, string> = {
  planned: "gray",
  in_progress: "blue",
  done: "teal",
  dropped: "dark",
};

export function StatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation("jaap");
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" radius="sm">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** The status, and a red "Overdue" flag for an open action past its deadline. */
export function ActionBadges({
  status,
  overdue,
  fromMeeting = false,
}: {
  status: ActionStatus;
  overdue: boolean;
  fromMeeting?: boolean;
}) {
  const { t } = useTranslation("jaap");
  return (
    <Group gap={6} wrap="wrap">
      <StatusBadge status={status} />
      {overdue && (
        <Badge color="red" variant="filled" radius="sm" leftSection={<IconAlarm size={12} aria-hidden />}>
          {t("overdue")}
        </Badge>
      )}
      {fromMeeting && (
        <Badge color="grape" variant="outline" radius="sm">
          {t("fromMeeting")}
        </Badge>
      )}
    </Group>
  );
}
