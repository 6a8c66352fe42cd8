import { Anchor, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format";
import { AuditChanges } from "./AuditChanges";
import { Actor, recordNameOf } from "./AuditEventLabels";
import type { AuditEvent } from "./admin.api";
import { useAdminLabels } from "./admin.labels";
import { Fact } from "./Fact";
import { PlaceName } from "./PlaceName";

/** Everything recorded about one event (the audit log's dialog): who, what, which record, where, and the changes. */
export function AuditEventDetails({
  event,
  userNames,
}: {
  event: AuditEvent;
  userNames: Map<string, string>;
}) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const labels = useAdminLabels();
  const named = recordNameOf(event, format.language);
  return (
    <Stack gap="md">
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" m={0}>
        <Fact label={t("audit.columns.at")}>{format.dateTime(event.at)}</Fact>
        <Fact label={t("audit.columns.actor")}>
          <Actor event={event} />
          {event.actorRoles.length > 0 && (
            <Text component="span" size="xs" c="dimmed" display="block">
              {event.actorRoles.map((role) => labels.role(role)).join(", ")}
            </Text>
          )}
        </Fact>
        <Fact label={t("audit.columns.action")}>
          {labels.action(event.action)}
          <Text component="span" size="xs" c="dimmed" ff="monospace" display="block">
            {event.action}
          </Text>
        </Fact>
        <Fact label={t("audit.columns.record")}>
          {labels.entity(event.entityType)}
          {/* A user's name is the link below; other records are named by their name now, else their label. */}
          {named && event.entityType !== "user" && (
            <Text component="span" size="sm" fw={500} display="block">
              {named}
            </Text>
          )}
          {event.entityId && (
            <Text component="span" size="xs" ff="monospace" display="block">
              {event.entityType === "user" ? (
                <Anchor component={Link} to={`/admin/users/${event.entityId}`} size="xs">
                  {userNames.get(event.entityId) ?? event.entityId}
                </Anchor>
              ) : (
                event.entityId
              )}
            </Text>
          )}
        </Fact>
        <Fact label={t("audit.columns.place")}>
          {event.placeCode ? <PlaceName code={event.placeCode} withPath /> : t("audit.empty")}
        </Fact>
        <Fact label={t("audit.ip")}>
          <Text component="span" ff="monospace" size="sm">
            {event.ip ?? t("audit.empty")}
          </Text>
        </Fact>
      </SimpleGrid>
      <section aria-labelledby="audit-changes-title">
        <Title order={3} fz="h5" mb="xs" id="audit-changes-title">
          {t("audit.changes")}
        </Title>
        <AuditChanges changes={event.changes} />
      </section>
    </Stack>
  );
}
