import {
  Anchor,
  Button,
  Loader,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconListDetails, IconSearch } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { PlacePicker } from "../../components/PlacePicker";
import { useFormat } from "../../i18n/format";
import { useCan } from "../auth/session";
import { AuditChanges } from "./AuditChanges";
import { type AuditEvent, type AuditFilters, useAudit, useUsers } from "./admin.api";
import { KNOWN_ACTIONS, KNOWN_ENTITY_TYPES, useAdminLabels } from "./admin.labels";
import { FilterPanel, useIsDesktop } from "./FilterPanel";
import { Pager } from "./Pager";
import { PlaceName } from "./PlaceName";
import { RequireAbility } from "./RequireAbility";
import { useListParams } from "./search-params";
import { Tag } from "./Tag";

const PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** /admin/audit: who did what, when, to which record; filters, pages, and each event's changes. */
export function AuditPage() {
  const { t } = useTranslation("admin");
  return (
    <RequireAbility ability="audit:read" title={t("audit.title")}>
      <AuditLog />
    </RequireAbility>
  );
}

/** The record an event is about, linked to its page when the admin screens have one. */
function EntityLabel({ event, userNames }: { event: AuditEvent; userNames: Map<string, string> }) {
  const labels = useAdminLabels();
  const can = useCan();
  const type = labels.entity(event.entityType);
  if (!event.entityId) return <>{type}</>;
  const short = event.entityId.length > 12 ? `${event.entityId.slice(0, 8)}…` : event.entityId;
  if (event.entityType === "user" && can("user:manage")) {
    const name = userNames.get(event.entityId);
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
  return (
    <>
      {type}{" "}
      <Text component="span" ff="monospace" size="sm" title={event.entityId}>
        {short}
      </Text>
    </>
  );
}

function Actor({ event }: { event: AuditEvent }) {
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

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

function EventDetails({ event, userNames }: { event: AuditEvent; userNames: Map<string, string> }) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const labels = useAdminLabels();
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

function AuditLog() {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const labels = useAdminLabels();
  const can = useCan();
  const desktop = useIsDesktop();
  const params = useListParams();
  const { update } = params;
  const [opened, setOpened] = useState<AuditEvent | null>(null);

  const action = params.get("action");
  const entityType = params.get("entityType");
  const entityId = params.get("entityId");
  const actorId = params.get("actorId");
  const place = params.get("place");
  const from = params.get("from");
  const to = params.get("to");

  const filters: AuditFilters = {
    action: action || undefined,
    entityType: entityType || undefined,
    entityId: entityId || undefined,
    actorId: actorId || undefined,
    place: place || undefined,
    from: DATE.test(from) ? from : undefined,
    to: DATE.test(to) ? to : undefined,
    limit: PAGE_SIZE,
    offset: params.offset,
  };
  const audit = useAudit(filters);
  const canListUsers = can("user:manage");
  const actors = useUsers({ status: "all", limit: 200, offset: 0 }, canListUsers);
  const userNames = new Map((actors.data?.items ?? []).map((user) => [user.id, user.username]));
  const activeCount = [action, entityType, entityId, actorId, place, from, to].filter(Boolean).length;

  const actionOptions = [
    ...KNOWN_ACTIONS.map((value) => ({ value, label: labels.action(value) })),
    ...(action && !(KNOWN_ACTIONS as readonly string[]).includes(action)
      ? [{ value: action, label: action }]
      : []),
  ];

  return (
    <>
      <PageHeader title={t("audit.title")} description={t("audit.intro")} />
      <FilterPanel activeCount={activeCount} columns={4} onClear={params.clear}>
        <Select
          label={t("audit.filters.action")}
          placeholder={t("audit.filters.anyAction")}
          searchable
          clearable
          nothingFoundMessage={t("common:states.noResults")}
          data={actionOptions}
          value={action || null}
          onChange={(value) => update({ action: value })}
        />
        <Select
          label={t("audit.filters.entityType")}
          placeholder={t("audit.filters.anyEntity")}
          clearable
          data={KNOWN_ENTITY_TYPES.map((value) => ({ value, label: labels.entity(value) }))}
          value={entityType || null}
          onChange={(value) => update({ entityType: value, entityId: null })}
        />
        {canListUsers && (
          <Select
            label={t("audit.filters.actor")}
            placeholder={t("audit.filters.anyActor")}
            searchable
            clearable
            nothingFoundMessage={t("common:states.noResults")}
            data={(actors.data?.items ?? []).map((user) => ({
              value: user.id,
              label: `${user.displayName} (${user.username})`,
            }))}
            value={actorId || null}
            onChange={(value) => update({ actorId: value })}
          />
        )}
        <PlacePicker
          label={t("audit.filters.place")}
          placeholder={t("audit.filters.anyPlace")}
          value={place || null}
          onChange={(code) => update({ place: code })}
        />
        <TextInput
          type="date"
          label={t("audit.filters.from")}
          value={from}
          max={to || undefined}
          onChange={(event) => update({ from: event.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t("audit.filters.to")}
          value={to}
          min={from || undefined}
          onChange={(event) => update({ to: event.currentTarget.value })}
        />
        {entityId && (
          <TextInput
            label={t("audit.filters.entityId")}
            value={entityId}
            onChange={(event) => update({ entityId: event.currentTarget.value.trim() })}
            ff="monospace"
          />
        )}
      </FilterPanel>

      {audit.error ? (
        <ErrorAlert error={audit.error} onRetry={() => audit.refetch()} />
      ) : !audit.data ? (
        <Stack gap="xs" aria-busy="true" aria-label={t("common:states.loading")}>
          <Skeleton h={44} />
          <Skeleton h={44} />
          <Skeleton h={44} />
        </Stack>
      ) : audit.data.items.length === 0 ? (
        activeCount > 0 ? (
          <EmptyState title={t("audit.noMatchTitle")} icon={<IconSearch size={28} aria-hidden />}>
            <Button variant="default" onClick={params.clear}>
              {t("filters.clear")}
            </Button>
          </EmptyState>
        ) : (
          <EmptyState title={t("audit.emptyTitle")} icon={<IconListDetails size={28} aria-hidden />} />
        )
      ) : (
        <>
          {audit.isFetching && <Loader size="xs" mb="xs" aria-label={t("common:states.loading")} />}
          {desktop ? (
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={860}>
                <Table verticalSpacing="xs" highlightOnHover aria-label={t("audit.listLabel")}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("audit.columns.at")}</Table.Th>
                      <Table.Th scope="col">{t("audit.columns.actor")}</Table.Th>
                      <Table.Th scope="col">{t("audit.columns.action")}</Table.Th>
                      <Table.Th scope="col">{t("audit.columns.record")}</Table.Th>
                      <Table.Th scope="col">{t("audit.columns.place")}</Table.Th>
                      <Table.Th scope="col">{t("audit.columns.details")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {audit.data.items.map((event) => (
                      <Table.Tr key={event.id}>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>
                          <Text size="sm">{format.dateTime(event.at)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Actor event={event} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{labels.action(event.action)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" component="div">
                            <EntityLabel event={event} userNames={userNames} />
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" component="div">
                            {event.placeCode ? <PlaceName code={event.placeCode} /> : "—"}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Button
                            variant="light"
                            size="compact-sm"
                            onClick={() => setOpened(event)}
                            aria-label={t("audit.openNamed", {
                              action: labels.action(event.action),
                              at: format.dateTime(event.at),
                            })}
                          >
                            {t("audit.open")}
                            {event.changes && Object.keys(event.changes).length > 0 && (
                              <Tag color="teal" size="sm" ml={6} variant="filled">
                                {format.number(Object.keys(event.changes).length)}
                              </Tag>
                            )}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          ) : (
            <Stack
              component="ul"
              gap="xs"
              m={0}
              p={0}
              style={{ listStyle: "none" }}
              aria-label={t("audit.listLabel")}
            >
              {audit.data.items.map((event) => (
                <Paper component="li" key={event.id} withBorder radius="md" p="sm">
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
                    <Button
                      variant="light"
                      size="compact-sm"
                      w="fit-content"
                      onClick={() => setOpened(event)}
                      aria-label={t("audit.openNamed", {
                        action: labels.action(event.action),
                        at: format.dateTime(event.at),
                      })}
                    >
                      {t("audit.open")}
                    </Button>
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )}
          <Pager
            total={audit.data.total}
            offset={params.offset}
            limit={PAGE_SIZE}
            onChange={params.setOffset}
          />
        </>
      )}
      <Modal
        opened={opened !== null}
        onClose={() => setOpened(null)}
        title={opened ? labels.action(opened.action) : ""}
        size="lg"
        centered
      >
        {opened && <EventDetails event={opened} userNames={userNames} />}
      </Modal>
    </>
  );
}
