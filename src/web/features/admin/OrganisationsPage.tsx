import {
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconEdit, IconPlus, IconSearch, IconSitemap } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { useCan } from "../auth/session";
import { type Organisation, useOrganisations } from "./admin.api";
import { ORGANISATION_KINDS, useAdminLabels } from "./admin.labels";
import { FilterPanel, useIsDesktop } from "./FilterPanel";
import { OrganisationModal } from "./OrganisationModal";
import { useListParams } from "./search-params";
import { Tag } from "./Tag";

/** /admin/organisations: the directory of organisations users belong to. Everyone reads it; administrators keep it. */
export function OrganisationsPage() {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const can = useCan();
  const canManage = can("organisation:manage");
  const desktop = useIsDesktop();
  const params = useListParams();
  const q = params.get("q");
  const kind = params.get("kind");
  const [text, setText] = useState(q);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const { update } = params;
  useEffect(() => {
    if (debounced !== q) update({ q: debounced });
  }, [debounced, q, update]);

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
  const clearAll = () => {
    setText("");
    params.clear();
  };
  const items = organisations.data ?? [];
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
      <TextInput
        type="search"
        label={t("organisations.searchLabel")}
        placeholder={t("organisations.searchPlaceholder")}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={organisations.isFetching ? <Loader size="xs" /> : undefined}
        autoComplete="off"
        mb="sm"
      />
      <FilterPanel activeCount={kind ? 1 : 0} columns={3} onClear={clearAll}>
        <Select
          label={t("organisations.kind")}
          placeholder={t("organisations.anyKind")}
          clearable
          data={ORGANISATION_KINDS.map((item) => ({ value: item, label: labels.kind(item) }))}
          value={kind || null}
          onChange={(value) => update({ kind: value })}
        />
      </FilterPanel>

      {organisations.error ? (
        <ErrorAlert error={organisations.error} onRetry={() => organisations.refetch()} />
      ) : !organisations.data ? (
        <Stack gap="xs" aria-busy="true" aria-label={t("common:states.loading")}>
          <Skeleton h={56} />
          <Skeleton h={56} />
          <Skeleton h={56} />
        </Stack>
      ) : items.length === 0 ? (
        anyFilter ? (
          <EmptyState title={t("organisations.noMatchTitle")} icon={<IconSearch size={28} aria-hidden />}>
            <Button variant="default" onClick={clearAll}>
              {t("filters.clear")}
            </Button>
          </EmptyState>
        ) : (
          <EmptyState
            title={t("organisations.emptyTitle")}
            description={t("organisations.emptyText")}
            icon={<IconSitemap size={28} aria-hidden />}
          >
            {addButton}
          </EmptyState>
        )
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs" role="status" aria-live="polite">
            {t("organisations.count", { count: items.length, n: format.number(items.length) })}
          </Text>
          {desktop ? (
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing="sm" highlightOnHover aria-label={t("organisations.listLabel")}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("organisations.columns.name")}</Table.Th>
                      <Table.Th scope="col">{t("organisations.columns.kind")}</Table.Th>
                      <Table.Th scope="col">{t("organisations.columns.place")}</Table.Th>
                      <Table.Th scope="col">{t("organisations.columns.users")}</Table.Th>
                      <Table.Th scope="col">{t("organisations.columns.status")}</Table.Th>
                      {canManage && (
                        <Table.Th scope="col">
                          <VisuallyHidden>{t("organisations.columns.actions")}</VisuallyHidden>
                        </Table.Th>
                      )}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((organisation) => (
                      <Table.Tr key={organisation.id} c={organisation.active ? undefined : "dimmed"}>
                        <Table.Td maw={360}>
                          <Text size="sm" fw={600}>
                            {format.name(organisation)}
                          </Text>
                          <Text size="xs" c="dimmed" lang={otherLang}>
                            {format.otherName(organisation)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{labels.kind(organisation.kind)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{placeOf(organisation)}</Text>
                        </Table.Td>
                        <Table.Td>{usersOf(organisation)}</Table.Td>
                        <Table.Td>{tags(organisation)}</Table.Td>
                        {canManage && <Table.Td ta="right">{editButton(organisation)}</Table.Td>}
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
              aria-label={t("organisations.listLabel")}
            >
              {items.map((organisation) => (
                <Paper component="li" key={organisation.id} withBorder radius="md" p="sm">
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
                </Paper>
              ))}
            </Stack>
          )}
        </>
      )}
      <OrganisationModal opened={modalOpen} onClose={() => setModalOpen(false)} organisation={editing} />
    </>
  );
}
