import {
  type MantineSpacing,
  Paper,
  Stack,
  Table,
  type TableTdProps,
  type TableTrProps,
} from "@mantine/core";
import type { Key, ReactNode } from "react";
import { useIsDesktop } from "./useIsDesktop";

/** A column of the desktop table. */
export interface ListColumn<T> {
  /** Tells the columns apart (React key). */
  key: string;
  header: ReactNode;
  cell: (item: T) => ReactNode;
  /** Props of each cell of the column (width, alignment, wrapping). */
  cellProps?: TableTdProps;
}

interface ResponsiveListProps<T> {
  items: readonly T[];
  itemKey: (item: T) => Key;
  /** The accessible name of the table and of the list of cards. */
  label: string;
  /** The table's columns; `false` leaves a column out (e.g. actions the user may not take). */
  columns: readonly (ListColumn<T> | false)[];
  /** Below this width the table scrolls sideways rather than squeezing its columns. */
  minWidth: number;
  verticalSpacing?: MantineSpacing;
  /** Props of each table row (e.g. dimmed when switched off). */
  rowProps?: (item: T) => TableTrProps;
  /** The contents of an item's card on a phone. */
  card: (item: T) => ReactNode;
}

/** A list of records: a table with column headers on a tablet or desktop, a list of cards on a phone. */
export function ResponsiveList<T>({
  items,
  itemKey,
  label,
  columns,
  minWidth,
  verticalSpacing = "sm",
  rowProps,
  card,
}: ResponsiveListProps<T>) {
  const desktop = useIsDesktop();
  if (!desktop) {
    return (
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: "none" }} aria-label={label}>
        {items.map((item) => (
          <Paper component="li" key={itemKey(item)} withBorder radius="md" p="sm">
            {card(item)}
          </Paper>
        ))}
      </Stack>
    );
  }
  const shown = columns.filter((column): column is ListColumn<T> => column !== false);
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={minWidth}>
        <Table verticalSpacing={verticalSpacing} highlightOnHover aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {shown.map((column) => (
                <Table.Th key={column.key} scope="col">
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={itemKey(item)} {...rowProps?.(item)}>
                {shown.map((column) => (
                  <Table.Td key={column.key} {...column.cellProps}>
                    {column.cell(item)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
