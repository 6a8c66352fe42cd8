import { Button, Select, Stack, Text } from "@mantine/core";
import { IconPlus, IconSettings, IconUsers } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { ListStates } from "../../components/ListStates";
import { PageHeader } from "../../components/PageHeader";
import { ResponsiveList } from "../../components/ResponsiveList";
import { useFormat } from "../../i18n/format";
import { type User, type UserFilters, useOrganisations, useUsers } from "./admin.api";
import { ROLES, useAdminLabels } from "./admin.labels";
import { FilterPanel, NoMatch } from "./FilterPanel";
import { ListSearchField, useListSearch } from "./ListSearch";
import { Pager } from "./Pager";
import { RequireAbility } from "./RequireAbility";
import { useListParams } from "./search-params";
import { RoleBadges, StatusBadges } from "./UserBadges";
import { AreaSummary, LastSignIn, UserName, useOrganisationName } from "./UserSummary";

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

/** Users as a table on a desktop, as cards on a phone. */
function UserList({ users }: { users: User[] }) {
  const { t } = useTranslation("admin");
  const organisationName = useOrganisationName();
  return (
    <ResponsiveList
      items={users}
      itemKey={(user) => user.id}
      label={t("users.listLabel")}
      minWidth={900}
      rowProps={(user) => ({ c: user.active ? undefined : "dimmed" })}
      columns={[
        { key: "name", header: t("users.columns.name"), cell: (user) => <UserName user={user} /> },
        {
          key: "roles",
          header: t("users.columns.roles"),
          cellProps: { maw: 260 },
          cell: (user) => <RoleBadges roles={user.roles} />,
        },
        {
          key: "organisation",
          header: t("users.columns.organisation"),
          cellProps: { maw: 220 },
          cell: (user) => <Text size="sm">{organisationName(user) ?? "—"}</Text>,
        },
        {
          key: "area",
          header: t("users.columns.area"),
          cellProps: { maw: 200 },
          cell: (user) => <AreaSummary area={user.area} />,
        },
        { key: "status", header: t("users.columns.status"), cell: (user) => <StatusBadges user={user} /> },
        {
          key: "lastSignIn",
          header: t("users.columns.lastSignIn"),
          cell: (user) => <LastSignIn user={user} />,
        },
      ]}
      card={(user) => (
        <Stack gap={6}>
          <div>
            <UserName user={user} />
          </div>
          <RoleBadges roles={user.roles} />
          {organisationName(user) && <Text size="sm">{organisationName(user)}</Text>}
          <AreaSummary area={user.area} />
          <StatusBadges user={user} />
          <Text size="xs" c="dimmed">
            {t("users.lastSignInLabel")} <LastSignIn user={user} />
          </Text>
        </Stack>
      )}
    />
  );
}

function UsersList() {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const labels = useAdminLabels();
  const params = useListParams();
  const search = useListSearch(params);
  const organisations = useOrganisations();

  const { q } = search;
  const role = params.get("role");
  const organisationId = params.get("organisation");
  const statusParam = params.get("status");
  const status: Status = (STATUSES as readonly string[]).includes(statusParam)
    ? (statusParam as Status)
    : "all";
  const { update } = params;

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

  const addButton = (
    <Button component={Link} to="/admin/users/new" leftSection={<IconPlus size={18} aria-hidden />}>
      {t("users.add")}
    </Button>
  );

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
            {addButton}
          </>
        }
      />
      <ListSearchField
        search={search}
        label={t("users.searchLabel")}
        placeholder={t("users.searchPlaceholder")}
        busy={users.isFetching}
        spellCheck={false}
      />
      <FilterPanel activeCount={activeCount} columns={3} onClear={search.clearAll}>
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

      <ListStates
        query={users}
        rowHeight={56}
        isEmpty={(data) => data.items.length === 0}
        empty={
          anyFilter ? (
            <NoMatch
              title={t("users.noMatchTitle")}
              description={t("users.noMatchText")}
              onClear={search.clearAll}
            />
          ) : (
            <EmptyState
              title={t("users.emptyTitle")}
              description={t("users.emptyText")}
              icon={<IconUsers size={28} aria-hidden />}
            >
              {addButton}
            </EmptyState>
          )
        }
      >
        {(data) => (
          <>
            <UserList users={data.items} />
            <Pager total={data.total} offset={params.offset} limit={PAGE_SIZE} onChange={params.setOffset} />
          </>
        )}
      </ListStates>
    </>
  );
}
