import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format";
import { useCan } from "../auth/session";
import type { AuditEvent } from "./admin.api";
import { useAdminLabels } from "./admin.labels";

/** The record's name now in the language shown, as its module gives it, else the event's label. */
export function recordNameOf(event: AuditEvent, language: "km" | "en"): string | null {
  return event.entityName?.[language] ?? event.entityLabel;
}

/**
 * The record an event is about, by its name (issue 13, part 6): its name now in the language shown,
 * as its module gives it, else the label the event was written with (a tracking code), else a short
 * id. Linked to its page when the admin screens have one.
 */
export function EntityLabel({ event, userNames }: { event: AuditEvent; userNames: Map<string, string> }) {
  const labels = useAdminLabels();
  const format = useFormat();
  const can = useCan();
  const type = labels.entity(event.entityType);
  if (!event.entityId) return <>{type}</>;
  const short = event.entityId.length > 12 ? `${event.entityId.slice(0, 8)}…` : event.entityId;
  const named = recordNameOf(event, format.language);
  if (event.entityType === "user" && can("user:manage")) {
    const name = userNames.get(event.entityId) ?? named ?? undefined;
    return (
      <>
        {type}{" "}
        <Anchor
          component={Link}
          to={`/admin/users/${event.entityId}`}
          ff={name ? undefined : "monospace"}
          size="sm"
        >
          {name ?? short}
        </Anchor>
      </>
    );
  }
  if (event.entityType === "role") {
    return (
      <>
        {type}{" "}
        <Text component="span" size="sm" fw={500}>
          {labels.role(event.entityId)}
        </Text>
      </>
    );
  }
  if (named) {
    return (
      <>
        {type}{" "}
        <Text component="span" size="sm" fw={500} title={event.entityId}>
          {named}
        </Text>
      </>
    );
  }
  return (
    <>
      {type}{" "}
      <Text component="span" ff="monospace" size="sm" title={event.entityId}>
        {short}
      </Text>
    </>
  );
}

/** Who did it: the user name, or "system" for what the server did by itself. */
export function Actor({ event }: { event: AuditEvent }) {
  const { t } = useTranslation("admin");
  return event.actorUsername ? (
    <Text component="span" ff="monospace" size="sm">
      {event.actorUsername}
    </Text>
  ) : (
    <Text component="span" size="sm" c="dimmed">
      {t("audit.system")}
    </Text>
  );
}
