import { Anchor, Button, Group, Select, Stack, Text, VisuallyHidden } from "@mantine/core";
import { IconEdit, IconPlus, IconSitemap } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { ListStates } from "../../components/ListStates";
import { PageHeader } from "../../components/PageHeader";
import { ResponsiveList } from "../../components/ResponsiveList";
import { useFormat } from "../../i18n/format";
import { useCan } from "../auth/session";
import { type Organisation, useOrganisations } from "./admin.api";
import { ORGANISATION_KINDS, useAdminLabels } from "./admin.labels";
import { FilterPanel, NoMatch } from "./FilterPanel";
import { ListSearchField, useListSearch } from "./ListSearch";
import { OrganisationModal } from "./OrganisationModal";
import { useListParams } from "./search-params";
import { Tag } from "./Tag";

/** /admin/organisations: the directory of organisations users belong to. Everyone reads it; administrators keep it. */
export function OrganisationsPage() {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const can = useCan();
  const canManage = can("organisation:manage");
  const params = useListParams();
  const search = useListSearch(params);
  const { q } = search;
  const kind = params.get("kind");
  const { update } = params;

  const labels = useAdminLabels();
  const organisations = useOrganisations({ q: q || undefined, kind: kind || undefined });
  const [editing, setEditing] = useState<Organisation | null>(null);
  const [modalOpen, setModalOpen] = useState(false);

  const openNew = () => {
    setEditing(null);
    setModalOpen(true);
  };
  const openEdit = (organisation: Organisation) => {
    setEditing(organisation);
    setModalOpen(true);
  };
  const anyFilter = Boolean(q || kind);

  const addButton = canManage && (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={openNew}>
      {t("organisations.add")}
    </Button>
  );

  const placeOf = (organisation: Organisation) =>
    organisation.placeCode
      ? format.name({
          nameKm: organisation.placeNameKm ?? organisation.placeCode,
          nameEn: organisation.placeNameEn ?? organisation.placeCode,
        })
      : t("organisations.noPlace");

  const usersOf = (organisation: Organisation) => {
    const count = t("organisations.userCount", {
      count: organisation.userCount,
      n: format.number(organisation.userCount),
    });
    return can("user:manage") && organisation.userCount > 0 ? (
      <Anchor component={Link} to={`/admin/users?organisation=${organisation.id}`} size="sm">
        {count}
      </Anchor>
    ) : (
      <Text size="sm" component="span">
        {count}
      </Text>
    );
  };

  const tags = (organisation: Organisation) => (
    <Group gap={4}>
      {!organisation.active && (
        <Tag color="gray" variant="filled" wrap={false}>
          {t("status.organisationInactive")}
        </Tag>
      )}
      {organisation.isDemo && (
        <Tag color="yellow" wrap={false}>
          {t("status.demo")}
        </Tag>
      )}
    </Group>
  );

  const editButton = (organisation: Organisation) =>
    canManage && (
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconEdit size={16} aria-hidden />}
        onClick={() => openEdit(organisation)}
        aria-label={t("organisations.editNamed", { name: format.name(organisation) })}
      >
        {t("organisations.edit")}
      </Button>
    );

  const otherLang = format.language === "km" ? "en" : "km";

  return (
    <>
      <PageHeader
        title={t("organisations.title")}
        description={t("organisations.intro")}
        actions={addButton}
      />
      <ListSearchField
        search={search}
        label={t("organisations.searchLabel")}
        placeholder={t("organisations.searchPlaceholder")}
        busy={organisations.isFetching}
      />
      <FilterPanel activeCount={kind ? 1 : 0} columns={3} onClear={search.clearAll}>
        <Select
          label={t("organisations.kind")}
          placeholder={t("organisations.anyKind")}
          clearable
          data={ORGANISATION_KINDS.map((item) => ({ value: item, label: labels.kind(item) }))}
          value={kind || null}
          onChange={(value) => update({ kind: value })}
        />
      </FilterPanel>

      <ListStates
        query={organisations}
        rowHeight={56}
        isEmpty={(items) => items.length === 0}
        empty={
          anyFilter ? (
            <NoMatch title={t("organisations.noMatchTitle")} onClear={search.clearAll} />
          ) : (
            <EmptyState
              title={t("organisations.emptyTitle")}
              description={t("organisations.emptyText")}
              icon={<IconSitemap size={28} aria-hidden />}
            >
              {addButton}
            </EmptyState>
          )
        }
      >
        {(items) => (
          <>
            <Text size="sm" c="dimmed" mb="xs" role="status" aria-live="polite">
              {t("organisations.count", { count: items.length, n: format.number(items.length) })}
            </Text>
            <ResponsiveList
              items={items}
              itemKey={(organisation) => organisation.id}
              label={t("organisations.listLabel")}
              minWidth={760}
              rowProps={(organisation) => ({ c: organisation.active ? undefined : "dimmed" })}
              columns={[
                {
                  key: "name",
                  header: t("organisations.columns.name"),
                  cellProps: { maw: 360 },
                  cell: (organisation) => (
                    <>
                      <Text size="sm" fw={600}>
                        {format.name(organisation)}
                      </Text>
                      <Text size="xs" c="dimmed" lang={otherLang}>
                        {format.otherName(organisation)}
                      </Text>
                    </>
                  ),
                },
                {
                  key: "kind",
                  header: t("organisations.columns.kind"),
                  cell: (organisation) => <Text size="sm">{labels.kind(organisation.kind)}</Text>,
                },
                {
                  key: "place",
                  header: t("organisations.columns.place"),
                  cell: (organisation) => <Text size="sm">{placeOf(organisation)}</Text>,
                },
                { key: "users", header: t("organisations.columns.users"), cell: usersOf },
                { key: "status", header: t("organisations.columns.status"), cell: tags },
                canManage && {
                  key: "actions",
                  header: <VisuallyHidden>{t("organisations.columns.actions")}</VisuallyHidden>,
                  cellProps: { ta: "right" },
                  cell: editButton,
                },
              ]}
              card={(organisation) => (
                <Stack gap={4}>
                  <Text fw={600}>{format.name(organisation)}</Text>
                  <Text size="sm" c="dimmed" lang={otherLang}>
                    {format.otherName(organisation)}
                  </Text>
                  <Text size="sm">
                    {labels.kind(organisation.kind)} · {placeOf(organisation)}
                  </Text>
                  {usersOf(organisation)}
                  {tags(organisation)}
                  {canManage && <Group justify="flex-end">{editButton(organisation)}</Group>}
                </Stack>
              )}
            />
          </>
        )}
      </ListStates>
      <OrganisationModal opened={modalOpen} onClose={() => setModalOpen(false)} organisation={editing} />
    </>
  );
}
