import {
  Anchor,
  Button,
  Loader,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPlus, IconSearch, IconSettings, IconUsers } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { type User, type UserFilters, useOrganisations, useUsers } from "./admin.api";
import { ROLES, useAdminLabels } from "./admin.labels";
import { FilterPanel, useIsDesktop } from "./FilterPanel";
import { Pager } from "./Pager";
import { PlaceName } from "./PlaceName";
import { RequireAbility } from "./RequireAbility";
import { useListParams } from "./search-params";
import { Tag } from "./Tag";
import { RoleBadges, StatusBadges } from "./UserBadges";

const PAGE_SIZE = 25;
const STATUSES = ["all", "active", "inactive"] as const;
type Status = (typeof STATUSES)[number];

/** /admin/users: the users the administrator manages, with search and filters. */
export function UsersPage() {
  const { t } = useTranslation("admin");
  return (
    <RequireAbility ability="user:manage" title={t("users.title")}>
      <UsersList />
    </RequireAbility>
  );
}

/** Where a user works: the whole country, or the names of the first places of the area. */
function AreaSummary({ area }: { area: User["area"] }) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  if (area.national)
    return (
      <Tag color="gray" wrap={false}>
        {t("area.national")}
      </Tag>
    );
  const shown = area.codes.slice(0, 2);
  const more = area.codes.length - shown.length;
  return (
    <Text size="sm" component="span">
      {shown.map((code, index) => (
        <span key={code}>
          {index > 0 && ", "}
          <PlaceName code={code} />
        </span>
      ))}
      {more > 0 && ` ${t("area.more", { n: format.number(more) })}`}
    </Text>
  );
}

function LastSignIn({ user }: { user: User }) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  return (
    <Text size="sm" c="dimmed" component="span">
      {user.lastSignInAt ? format.dateTime(user.lastSignInAt) : t("users.neverSignedIn")}
    </Text>
  );
}

/** The name of a user's organisation in the language shown (in the other language if that one is missing). */
function useOrganisationName(): (user: User) => string | null {
  const { language } = useFormat();
  return (user) =>
    language === "km"
      ? (user.organisationNameKm ?? user.organisationName)
      : (user.organisationName ?? user.organisationNameKm);
}

function UserTable({ users }: { users: User[] }) {
  const { t } = useTranslation("admin");
  const organisationName = useOrganisationName();
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm" highlightOnHover aria-label={t("users.listLabel")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("users.columns.name")}</Table.Th>
              <Table.Th scope="col">{t("users.columns.roles")}</Table.Th>
              <Table.Th scope="col">{t("users.columns.organisation")}</Table.Th>
              <Table.Th scope="col">{t("users.columns.area")}</Table.Th>
              <Table.Th scope="col">{t("users.columns.status")}</Table.Th>
              <Table.Th scope="col">{t("users.columns.lastSignIn")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <Table.Tr key={user.id} c={user.active ? undefined : "dimmed"}>
                <Table.Td>
                  <Anchor component={Link} to={`/admin/users/${user.id}`} fw={600}>
                    {user.displayName}
                  </Anchor>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {user.username}
                  </Text>
                </Table.Td>
                <Table.Td maw={260}>
                  <RoleBadges roles={user.roles} />
                </Table.Td>
                <Table.Td maw={220}>
                  <Text size="sm">{organisationName(user) ?? "—"}</Text>
                </Table.Td>
                <Table.Td maw={200}>
                  <AreaSummary area={user.area} />
                </Table.Td>
                <Table.Td>
                  <StatusBadges user={user} />
                </Table.Td>
                <Table.Td>
                  <LastSignIn user={user} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function UserCards({ users }: { users: User[] }) {
  const { t } = useTranslation("admin");
  const organisationName = useOrganisationName();
  return (
    <Stack
      component="ul"
      gap="xs"
      m={0}
      p={0}
      style={{ listStyle: "none" }}
      aria-label={t("users.listLabel")}
    >
      {users.map((user) => (
        <Paper component="li" key={user.id} withBorder radius="md" p="sm">
          <Stack gap={6}>
            <div>
              <Anchor component={Link} to={`/admin/users/${user.id}`} fw={600}>
                {user.displayName}
              </Anchor>
              <Text size="xs" c="dimmed" ff="monospace">
                {user.username}
              </Text>
            </div>
            <RoleBadges roles={user.roles} />
            {organisationName(user) && <Text size="sm">{organisationName(user)}</Text>}
            <AreaSummary area={user.area} />
            <StatusBadges user={user} />
            <Text size="xs" c="dimmed">
              {t("users.lastSignInLabel")} <LastSignIn user={user} />
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function UsersList() {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const labels = useAdminLabels();
  const desktop = useIsDesktop();
  const params = useListParams();
  const organisations = useOrganisations();

  const q = params.get("q");
  const role = params.get("role");
  const organisationId = params.get("organisation");
  const statusParam = params.get("status");
  const status: Status = (STATUSES as readonly string[]).includes(statusParam)
    ? (statusParam as Status)
    : "all";

  const [text, setText] = useState(q);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const { update } = params;
  useEffect(() => {
    if (debounced !== q) update({ q: debounced });
  }, [debounced, q, update]);

  const filters: UserFilters = {
    q: q || undefined,
    role: role || undefined,
    organisationId: organisationId || undefined,
    status,
    limit: PAGE_SIZE,
    offset: params.offset,
  };
  const users = useUsers(filters);
  const activeCount = [role, organisationId, status !== "all" ? status : ""].filter(Boolean).length;
  const anyFilter = activeCount > 0 || Boolean(q);

  const clearAll = () => {
    setText("");
    params.clear();
  };

  return (
    <>
      <PageHeader
        title={t("users.title")}
        description={t("users.intro")}
        actions={
          <>
            <Button
              component={Link}
              to="/admin/roles"
              variant="default"
              leftSection={<IconSettings size={18} aria-hidden />}
            >
              {t("roleSettings.title")}
            </Button>
            <Button component={Link} to="/admin/users/new" leftSection={<IconPlus size={18} aria-hidden />}>
              {t("users.add")}
            </Button>
          </>
        }
      />
      <TextInput
        type="search"
        label={t("users.searchLabel")}
        placeholder={t("users.searchPlaceholder")}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={users.isFetching ? <Loader size="xs" /> : undefined}
        autoComplete="off"
        spellCheck={false}
        mb="sm"
      />
      <FilterPanel activeCount={activeCount} columns={3} onClear={clearAll}>
        <Select
          label={t("users.roleFilter")}
          placeholder={t("users.anyRole")}
          clearable
          data={ROLES.map((item) => ({ value: item, label: labels.role(item) }))}
          value={role || null}
          onChange={(value) => update({ role: value })}
        />
        <Select
          label={t("users.organisationFilter")}
          placeholder={t("users.anyOrganisation")}
          clearable
          searchable
          nothingFoundMessage={t("common:states.noResults")}
          data={(organisations.data ?? []).map((item) => ({ value: item.id, label: format.name(item) }))}
          value={organisationId || null}
          onChange={(value) => update({ organisation: value })}
        />
        <Select
          label={t("users.statusFilter")}
          allowDeselect={false}
          data={STATUSES.map((item) => ({ value: item, label: t(`users.statuses.${item}`) }))}
          value={status}
          onChange={(value) => update({ status: value === "all" ? null : value })}
        />
      </FilterPanel>

      {users.error ? (
        <ErrorAlert error={users.error} onRetry={() => users.refetch()} />
      ) : !users.data ? (
        <Stack gap="xs" aria-busy="true" aria-label={t("common:states.loading")}>
          <Skeleton h={56} />
          <Skeleton h={56} />
          <Skeleton h={56} />
        </Stack>
      ) : users.data.items.length === 0 ? (
        anyFilter ? (
          <EmptyState
            title={t("users.noMatchTitle")}
            description={t("users.noMatchText")}
            icon={<IconSearch size={28} aria-hidden />}
          >
            <Button variant="default" onClick={clearAll}>
              {t("filters.clear")}
            </Button>
          </EmptyState>
        ) : (
          <EmptyState
            title={t("users.emptyTitle")}
            description={t("users.emptyText")}
            icon={<IconUsers size={28} aria-hidden />}
          >
            <Button component={Link} to="/admin/users/new" leftSection={<IconPlus size={18} aria-hidden />}>
              {t("users.add")}
            </Button>
          </EmptyState>
        )
      ) : (
        <>
          {desktop ? <UserTable users={users.data.items} /> : <UserCards users={users.data.items} />}
          <Pager
            total={users.data.total}
            offset={params.offset}
            limit={PAGE_SIZE}
            onChange={params.setOffset}
          />
        </>
      )}
    </>
  );
}
