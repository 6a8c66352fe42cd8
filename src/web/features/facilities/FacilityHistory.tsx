import { Button, List, Skeleton, Stack, Text, ThemeIcon, Timeline } from "@mantine/core";
import {
  IconCirclePlus,
  IconFileImport,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconPoint,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FACILITY_AUDITED_FIELDS } from "../../../contracts/facilities";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import { type HistoryEvent, useFacilityHistory, useFacilityReference } from "./facilities.api";

const PAGE = 10;

/** The history lists changes in the order the form shows the fields. */
const FIELD_ORDER: readonly string[] = FACILITY_AUDITED_FIELDS;

interface Change {
  field: string;
  from: unknown;
  to: unknown;
}

/** The {field: {from, to}} entries of an event, in form order; anything else in `changes` is left out. */
function changesOf(event: HistoryEvent): Change[] {
  const changes: Change[] = [];
  for (const [field, value] of Object.entries(event.changes ?? {})) {
    if (value && typeof value === "object" && "from" in value && "to" in value) {
      changes.push({ field, from: value.from, to: value.to });
    }
  }
  const rank = (field: string) =>
    FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length;
  return changes.sort((a, b) => rank(a.field) - rank(b.field));
}

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)
  );
}

/** A changed value in words: kind and service names rather than codes, numbers and yes/no in the language shown. */
function useValueText(): (field: string, value: unknown) => string {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const reference = useFacilityReference();
  const kinds = new Map((reference.data?.kinds ?? []).map((kind) => [kind.code, kind]));
  const services = new Map((reference.data?.serviceTypes ?? []).map((type) => [type.code, type]));
  return (field, value) => {
    if (isEmpty(value)) return t("history.empty");
    if (field === "active") return value ? t("status.active") : t("status.inactive");
    if (field === "kindCode" && typeof value === "string") {
      const kind = kinds.get(value);
      return kind ? format.name(kind) : value;
    }
    if (field === "serviceTypeCodes" && Array.isArray(value)) {
      return value
        .map((code) => {
          const type = services.get(String(code));
          return type ? format.name(type) : String(code);
        })
        .join(", ");
    }
    if (typeof value === "number") return format.number(value, { maximumFractionDigits: 6 });
    if (Array.isArray(value)) return value.map(String).join(", ");
    return String(value);
  };
}

const ICONS: Record<string, typeof IconPencil> = {
  "facility.created": IconCirclePlus,
  "facility.updated": IconPencil,
  "facility.deactivated": IconPlayerPause,
  "facility.reactivated": IconPlayerPlay,
};

function EventItem({ event }: { event: HistoryEvent }) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const valueText = useValueText();
  const who = event.actorUsername ?? t("history.system");
  const imported = Boolean(event.changes && "importId" in event.changes);
  const changes = changesOf(event);
  const known = event.action in ICONS;
  const title = imported
    ? t(event.action === "facility.created" ? "history.importedCreated" : "history.importedUpdated", { who })
    : known
      ? t(`history.actions.${event.action.replace("facility.", "")}`, { who })
      : t("history.other", { who, action: event.action });

  // Import events carry the new values only (no "from"), so they are not listed as changes.
  const shown = imported
    ? []
    : event.action === "facility.updated"
      ? changes
      : event.action === "facility.deactivated"
        ? changes.filter((change) => change.field === "deactivationReason")
        : [];

  return (
    <>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <Text size="xs" c="dimmed">
        <time dateTime={event.at}>{format.dateTime(event.at)}</time>
      </Text>
      {shown.length > 0 && (
        <List size="sm" mt={4} spacing={2} withPadding={false} listStyleType="none">
          {shown.map((change) => (
            <List.Item key={change.field}>
              {event.action === "facility.deactivated" ? (
                <Text size="sm">
                  {t("history.reason")}: {valueText(change.field, change.to)}
                </Text>
              ) : (
                <Text size="sm">
                  <Text component="span" fw={500} size="sm">
                    {t(`fields.${change.field}`, { defaultValue: change.field })}
                  </Text>
                  {": "}
                  <Text
                    component="span"
                    c="dimmed"
                    size="sm"
                    td={isEmpty(change.from) ? undefined : "line-through"}
                  >
                    {valueText(change.field, change.from)}
                  </Text>
                  {" → "}
                  {valueText(change.field, change.to)}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

/** Who changed what, newest first, ten at a time. */
export function FacilityHistory({ id }: { id: string }) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const [limit, setLimit] = useState(PAGE);
  const history = useFacilityHistory(id, limit);

  if (history.error) return <ErrorAlert error={history.error} onRetry={() => history.refetch()} />;
  if (!history.data) return <Skeleton h={120} radius="md" />;
  const { items, total } = history.data;
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("history.none")}
      </Text>
    );
  }

  return (
    <Stack gap="sm">
      <Timeline bulletSize={26} lineWidth={2} role="list">
        {items.map((event) => {
          const imported = Boolean(event.changes && "importId" in event.changes);
          const Icon = imported ? IconFileImport : (ICONS[event.action] ?? IconPoint);
          return (
            <Timeline.Item
              key={event.id}
              role="listitem"
              bullet={
                <ThemeIcon
                  size={26}
                  radius="xl"
                  variant="light"
                  color={event.action === "facility.deactivated" ? "gray" : "teal"}
                >
                  <Icon size={14} aria-hidden />
                </ThemeIcon>
              }
            >
              <EventItem event={event} />
            </Timeline.Item>
          );
        })}
      </Timeline>
      {total > items.length && (
        <Button
          variant="subtle"
          size="sm"
          onClick={() => setLimit(limit + PAGE)}
          loading={history.isFetching}
          style={{ alignSelf: "flex-start" }}
        >
          {t("history.more", { n: format.number(total - items.length) })}
        </Button>
      )}
    </Stack>
  );
}
