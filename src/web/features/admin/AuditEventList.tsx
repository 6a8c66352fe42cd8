import { Button, type ButtonProps, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ResponsiveList } from "../../components/ResponsiveList";
import { useFormat } from "../../i18n/format";
import { Actor, EntityLabel } from "./AuditEventLabels";
import type { AuditEvent } from "./admin.api";
import { useAdminLabels } from "./admin.labels";
import { PlaceName } from "./PlaceName";
import { Tag } from "./Tag";

interface AuditEventListProps {
  events: AuditEvent[];
  userNames: Map<string, string>;
  onOpen: (event: AuditEvent) => void;
}

/** The button that opens an event's details; in the table it also counts the changed fields. */
function DetailsButton({
  event,
  onOpen,
  withCount = false,
  ...props
}: { event: AuditEvent; onOpen: (event: AuditEvent) => void; withCount?: boolean } & ButtonProps) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const labels = useAdminLabels();
  const changed = event.changes ? Object.keys(event.changes).length : 0;
  return (
    <Button
      variant="light"
      size="compact-sm"
      {...props}
      onClick={() => onOpen(event)}
      aria-label={t("audit.openNamed", {
        action: labels.action(event.action),
        at: format.dateTime(event.at),
      })}
    >
      {t("audit.open")}
      {withCount && changed > 0 && (
        <Tag color="teal" size="sm" ml={6} variant="filled">
          {format.number(changed)}
        </Tag>
      )}
    </Button>
  );
}

/** Audit events as a table on a desktop, as cards on a phone. */
export function AuditEventList({ events, userNames, onOpen }: AuditEventListProps) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const labels = useAdminLabels();
  return (
    <ResponsiveList
      items={events}
      itemKey={(event) => event.id}
      label={t("audit.listLabel")}
      minWidth={860}
      verticalSpacing="xs"
      columns={[
        {
          key: "at",
          header: t("audit.columns.at"),
          cellProps: { style: { whiteSpace: "nowrap" } },
          cell: (event) => <Text size="sm">{format.dateTime(event.at)}</Text>,
        },
        { key: "actor", header: t("audit.columns.actor"), cell: (event) => <Actor event={event} /> },
        {
          key: "action",
          header: t("audit.columns.action"),
          cell: (event) => <Text size="sm">{labels.action(event.action)}</Text>,
        },
        {
          key: "record",
          header: t("audit.columns.record"),
          cell: (event) => (
            <Text size="sm" component="div">
              <EntityLabel event={event} userNames={userNames} />
            </Text>
          ),
        },
        {
          key: "place",
          header: t("audit.columns.place"),
          cell: (event) => (
            <Text size="sm" component="div">
              {event.placeCode ? <PlaceName code={event.placeCode} /> : "—"}
            </Text>
          ),
        },
        {
          key: "details",
          header: t("audit.columns.details"),
          cell: (event) => <DetailsButton event={event} onOpen={onOpen} withCount />,
        },
      ]}
      card={(event) => (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {labels.action(event.action)}
          </Text>
          <Text size="xs" c="dimmed">
            {format.dateTime(event.at)} · <Actor event={event} />
          </Text>
          <Text size="sm" component="div">
            <EntityLabel event={event} userNames={userNames} />
          </Text>
          {event.placeCode && (
            <Text size="sm" component="div">
              <PlaceName code={event.placeCode} />
            </Text>
          )}
          <DetailsButton event={event} onOpen={onOpen} w="fit-content" />
        </Stack>
      )}
    />
  );
}
