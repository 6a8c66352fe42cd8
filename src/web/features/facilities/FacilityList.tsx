import { Anchor, Box, Group, Paper, Stack, Table, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { IconArrowDown, IconArrowsSort, IconArrowUp } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format";
import { KindBadge, RecordBadges } from "./FacilityLabels";
import classes from "./FacilityList.module.css";
import type { FacilityListItem, SortKey } from "./facilities.api";

/** Where a facility is, commune first: "Commune, District, Province" (the village is on the detail page). */
function usePlaceLine(): (item: Pick<FacilityListItem, "path">) => string {
  const format = useFormat();
  return (item) =>
    item.path
      .filter((place) => place.level !== "village")
      .reverse()
      .map((place) => format.name(place))
      .join(", ");
}

interface ListProps {
  items: FacilityListItem[];
  label: string;
}

/** Facilities as cards: the phone layout, one facility under another, each a link to its page. */
export function FacilityCards({ items, label }: ListProps) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const placeLine = usePlaceLine();
  return (
    <Paper withBorder radius="md">
      <ul className={classes.cards} aria-label={label}>
        {items.map((item) => (
          <li key={item.id} className={`${classes.card} ${item.active ? "" : classes.inactive}`}>
            <Link to={`/facilities/${item.id}`} className={classes.cardLink}>
              <Stack gap={2}>
                <Text fw={600} c={item.active ? "teal.9" : "dimmed"} lh={1.5}>
                  {format.name(item)}
                </Text>
                <Text size="sm" c="dimmed" lang={format.language === "km" ? "en" : "km"}>
                  {format.otherName(item)}
                </Text>
                <Text size="sm" c="dimmed">
                  {placeLine(item)}
                </Text>
                <Group gap={6} wrap="wrap" mt={4}>
                  <KindBadge kind={item.kind} />
                  <RecordBadges isDemo={item.isDemo} active={item.active} />
                  <Text size="xs" ff="monospace" c="dimmed">
                    <VisuallyHidden>{t("fields.code")} </VisuallyHidden>
                    {item.code}
                  </Text>
                </Group>
              </Stack>
            </Link>
          </li>
        ))}
      </ul>
    </Paper>
  );
}

interface TableProps extends ListProps {
  sort: SortKey;
  onSort: (sort: SortKey) => void;
}

/** A column header that sorts by its column; a second press reverses the order. */
function SortHeader({
  column,
  sort,
  onSort,
  children,
}: {
  column: "name" | "code";
  sort: SortKey;
  onSort: (sort: SortKey) => void;
  children: string;
}) {
  const { t } = useTranslation("facilities");
  const direction = sort === column ? "ascending" : sort === `-${column}` ? "descending" : "none";
  const Icon =
    direction === "ascending" ? IconArrowUp : direction === "descending" ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th aria-sort={direction}>
      <UnstyledButton
        onClick={() => onSort(direction === "ascending" ? (`-${column}` as SortKey) : column)}
        className={classes.sortButton}
      >
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm" component="span">
            {children}
          </Text>
          <Icon size={14} aria-hidden />
          <VisuallyHidden>
            {" "}
            {direction === "ascending" ? t("list.sortDescending") : t("list.sortAscending")}
          </VisuallyHidden>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Facilities as a table: the desktop layout, sortable by name and code. */
export function FacilityTable({ items, label, sort, onSort }: TableProps) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const placeLine = usePlaceLine();
  return (
    <Box className={classes.tableFrame}>
      <Table highlightOnHover verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <SortHeader column="name" sort={sort} onSort={onSort}>
              {t("fields.name")}
            </SortHeader>
            <Table.Th>{t("fields.kind")}</Table.Th>
            <SortHeader column="code" sort={sort} onSort={onSort}>
              {t("fields.code")}
            </SortHeader>
            <Table.Th>{t("fields.place")}</Table.Th>
            <Table.Th>{t("fields.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} className={item.active ? undefined : classes.inactive}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/facilities/${item.id}`}
                  fw={600}
                  c={item.active ? undefined : "dimmed"}
                >
                  {format.name(item)}
                </Anchor>
                <Text size="xs" c="dimmed" lang={format.language === "km" ? "en" : "km"}>
                  {format.otherName(item)}
                </Text>
              </Table.Td>
              <Table.Td>
                <KindBadge kind={item.kind} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ whiteSpace: "nowrap" }}>
                  {item.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{placeLine(item)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="wrap">
                  <Text
                    size="sm"
                    c={item.active ? "teal.8" : "dimmed"}
                    fw={item.active ? undefined : 600}
                    style={{ whiteSpace: "nowrap" }}
                  >
                    {item.active ? t("status.active") : t("status.inactive")}
                  </Text>
                  <RecordBadges isDemo={item.isDemo} active={item.active} withStatus={false} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
