import { Box, Code, List, Paper, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { TextBadge } from "./FacilityLabels";
import type { ImportReport } from "./facilities.api";

/** Rows shown in each table of the report; a big file's report says how many more there are. */
const SHOWN_ROWS = 200;

export type ReportRow = ImportReport["rows"][number];

/** What the good rows of a report do: how many add a facility, how many update one. */
export function summarise(report: ImportReport) {
  const good = report.rows.filter((row) => row.problems.length === 0);
  const creates = good.filter((row) => row.action === "create").length;
  const updates = good.filter((row) => row.action === "update").length;
  return { good, creates, updates };
}

function MoreRows({ total }: { total: number }) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  if (total <= SHOWN_ROWS) return null;
  return (
    <Text size="sm" c="dimmed" mt="xs">
      {t("import.moreRows", { n: format.number(total - SHOWN_ROWS) })}
    </Text>
  );
}

/** Each problem of each bad row: a table on a wide screen, a list on a phone. */
export function ProblemRows({ rows }: { rows: ReportRow[] }) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const shown = rows.slice(0, SHOWN_ROWS);
  return (
    <>
      <Box visibleFrom="sm" style={{ overflowX: "auto" }}>
        <Table verticalSpacing="xs" withTableBorder aria-label={t("import.problemsTitle")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={{ whiteSpace: "nowrap" }}>{t("import.row")}</Table.Th>
              <Table.Th>{t("fields.code")}</Table.Th>
              <Table.Th>{t("import.column")}</Table.Th>
              <Table.Th>{t("import.problem")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.flatMap((row) =>
              row.problems.map((problem, index) => (
                <Table.Tr key={`${row.row}-${problem.column}-${problem.code}-${index}`}>
                  <Table.Td>{format.number(row.row)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {row.code || "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code>{problem.column}</Code>
                  </Table.Td>
                  <Table.Td>{problem.message}</Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      </Box>
      <Stack
        gap="xs"
        hiddenFrom="sm"
        component="ul"
        aria-label={t("import.problemsTitle")}
        style={{ listStyle: "none", padding: 0, margin: 0 }}
      >
        {shown.map((row) => (
          <Paper key={row.row} withBorder radius="md" p="xs" component="li">
            <Text size="sm" fw={600}>
              {t("import.rowNumber", { n: format.number(row.row) })}
              {row.code && (
                <Text component="span" ff="monospace" size="sm" fw={400}>
                  {" · "}
                  {row.code}
                </Text>
              )}
            </Text>
            <List size="sm" spacing={2} mt={4}>
              {row.problems.map((problem, index) => (
                <List.Item key={`${problem.column}-${problem.code}-${index}`}>
                  <Code>{problem.column}</Code> {problem.message}
                </List.Item>
              ))}
            </List>
          </Paper>
        ))}
      </Stack>
      <MoreRows total={rows.length} />
    </>
  );
}

function ActionBadge({ action }: { action: ReportRow["action"] }) {
  const { t } = useTranslation("facilities");
  if (!action) return null;
  return <TextBadge color={action === "create" ? "teal" : "blue"}>{t(`import.actions.${action}`)}</TextBadge>;
}

/** The good rows and what each will do (add a facility, or update the one with that code). */
export function ReadyRows({ rows }: { rows: ReportRow[] }) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const shown = rows.slice(0, SHOWN_ROWS);
  return (
    <>
      <Box style={{ overflowX: "auto" }}>
        <Table verticalSpacing="xs" withTableBorder aria-label={t("import.readyTitle")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={{ whiteSpace: "nowrap" }}>{t("import.row")}</Table.Th>
              <Table.Th>{t("import.facility")}</Table.Th>
              <Table.Th>{t("import.action")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr key={row.row}>
                <Table.Td>{format.number(row.row)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{row.nameEn}</Text>
                  <Text size="xs" ff="monospace" c="dimmed">
                    {row.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ActionBadge action={row.action} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <MoreRows total={rows.length} />
    </>
  );
}
