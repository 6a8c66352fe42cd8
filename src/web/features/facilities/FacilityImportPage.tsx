import {
  Alert,
  Badge,
  Box,
  Button,
  Code,
  FileInput,
  Group,
  List,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import {
  IconCircleCheck,
  IconDownload,
  IconFileSpreadsheet,
  IconFileUpload,
  IconRefresh,
} from "@tabler/icons-react";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { IMPORT_COLUMNS, IMPORT_REQUIRED_COLUMNS } from "../../../contracts/facilities";
import { ConfirmButton } from "../../components/ConfirmButton";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { useCan } from "../auth/session";
import { FacilityBreadcrumbs } from "./FacilityPage";
import { type ImportReport, uploadImport, useCommitImport } from "./facilities.api";
import { importTemplate, saveFile } from "./import-template";

/** Rows shown in each table of the report; a big file's report says how many more there are. */
const SHOWN_ROWS = 200;

type ReportRow = ImportReport["rows"][number];

/** /facilities/import — add or update many facilities from a spreadsheet: check first, then write. */
export function FacilityImportPage() {
  const { t } = useTranslation("facilities");
  const can = useCan();
  const [report, setReport] = useState<ImportReport | null>(null);
  const title = t("import.title");

  let body: ReactNode;
  if (!can("facility:import")) body = <Alert color="gray">{t("import.notAllowed")}</Alert>;
  else if (!report) body = <ChooseFile onChecked={setReport} />;
  else if (report.status === "committed")
    body = <ImportDone report={report} onAgain={() => setReport(null)} />;
  else body = <ImportCheck report={report} onCommitted={setReport} onAgain={() => setReport(null)} />;

  return (
    <>
      <PageHeader
        above={<FacilityBreadcrumbs current={title} />}
        title={title}
        description={t("import.intro")}
      />
      {body}
    </>
  );
}

function ChooseFile({ onChecked }: { onChecked: (report: ImportReport) => void }) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);
  const progressLabelId = useId();

  // Leaving the page stops an upload in flight.
  useEffect(() => () => abort.current?.abort(), []);

  const send = async () => {
    if (!file) return;
    setError(null);
    setProgress(0);
    abort.current = new AbortController();
    try {
      const checked = await uploadImport(file, setProgress, abort.current.signal);
      onChecked(checked);
    } catch (failure) {
      if (!(failure instanceof DOMException && failure.name === "AbortError")) setError(failure);
      setProgress(null);
    }
  };

  const uploading = progress !== null;
  const percent = Math.round((progress ?? 0) * 100);

  return (
    <Stack gap="lg">
      <Paper
        withBorder
        radius="md"
        p={{ base: "sm", sm: "md" }}
        component="section"
        aria-labelledby="import-columns"
      >
        <Title order={2} fz="h4" id="import-columns" mb="xs">
          {t("import.columnsTitle")}
        </Title>
        <Text size="sm" mb="sm">
          {t("import.columnsIntro")}
        </Text>
        <Group gap={6} wrap="wrap" mb="sm">
          {IMPORT_COLUMNS.map((column) => (
            <Code
              key={column}
              fw={(IMPORT_REQUIRED_COLUMNS as readonly string[]).includes(column) ? 700 : 400}
            >
              {column}
              {(IMPORT_REQUIRED_COLUMNS as readonly string[]).includes(column) ? " *" : ""}
            </Code>
          ))}
        </Group>
        <List size="sm" spacing={4} mb="md">
          <List.Item>{t("import.ruleRequired")}</List.Item>
          <List.Item>{t("import.ruleKinds")}</List.Item>
          <List.Item>{t("import.ruleLists")}</List.Item>
          <List.Item>{t("import.ruleUpdate")}</List.Item>
        </List>
        <Button
          variant="light"
          leftSection={<IconDownload size={16} aria-hidden />}
          onClick={() => saveFile(importTemplate(), "samleng-facilities-template.csv")}
        >
          {t("import.template")}
        </Button>
      </Paper>

      <Paper
        withBorder
        radius="md"
        p={{ base: "sm", sm: "md" }}
        component="section"
        aria-labelledby="import-file"
      >
        <Title order={2} fz="h4" id="import-file" mb="sm">
          {t("import.fileTitle")}
        </Title>
        <Stack gap="sm">
          <FileInput
            label={t("import.file")}
            description={t("import.fileHint")}
            placeholder={t("import.filePlaceholder")}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              setError(null);
            }}
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            clearable
            disabled={uploading}
          />
          {uploading && (
            <Stack gap={4}>
              <Text size="sm" id={progressLabelId}>
                {percent < 100
                  ? t("import.uploading", { percent: format.number(percent) })
                  : t("import.checking")}
              </Text>
              <Progress
                value={percent}
                animated={percent >= 100}
                aria-labelledby={progressLabelId}
                size="lg"
              />
            </Stack>
          )}
          {error !== null && <ErrorAlert error={error} />}
          <Group gap="sm">
            <Button
              onClick={send}
              disabled={!file}
              loading={uploading}
              leftSection={<IconFileUpload size={16} aria-hidden />}
            >
              {t("import.check")}
            </Button>
            {uploading && (
              <Button variant="default" onClick={() => abort.current?.abort()}>
                {t("common:actions.cancel")}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

function Stat({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Paper withBorder radius="md" p={{ base: "xs", sm: "sm" }}>
      <Text size="sm" c="dimmed" lh={1.5}>
        {label}
      </Text>
      <Text fz={{ base: 22, sm: 26 }} fw={700} lh={1.3} c={color}>
        {value}
      </Text>
    </Paper>
  );
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
function ProblemRows({ rows }: { rows: ReportRow[] }) {
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
  return (
    <Badge
      color={action === "create" ? "teal" : "blue"}
      variant="light"
      radius="sm"
      tt="none"
      h="auto"
      py={2}
      styles={{ label: { whiteSpace: "normal", overflow: "visible" } }}
    >
      {t(`import.actions.${action}`)}
    </Badge>
  );
}

/** The good rows and what each will do (add a facility, or update the one with that code). */
function ReadyRows({ rows }: { rows: ReportRow[] }) {
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

function ImportCheck({
  report,
  onCommitted,
  onAgain,
}: {
  report: ImportReport;
  onCommitted: (report: ImportReport) => void;
  onAgain: () => void;
}) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const commit = useCommitImport();
  const bad = report.rows.filter((row) => row.problems.length > 0);
  const good = report.rows.filter((row) => row.problems.length === 0);
  const creates = good.filter((row) => row.action === "create").length;
  const updates = good.filter((row) => row.action === "update").length;

  // The report replaces the file form: start reading it from the top.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    window.scrollTo({ top: 0 });
    heading.current?.focus({ preventScroll: true });
  }, []);

  const importAll = async () => {
    try {
      onCommitted(await commit.mutateAsync({ id: report.id, onlyValidRows: false }));
    } catch {
      // Shown from commit.error below.
    }
  };

  return (
    <Stack gap="lg">
      <section aria-labelledby="import-result">
        <Title
          order={2}
          fz="h4"
          id="import-result"
          mb="xs"
          ref={heading}
          tabIndex={-1}
          style={{ outline: "none" }}
        >
          {t("import.resultTitle")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("import.resultFile", { name: report.fileName })}
        </Text>
        <SimpleGrid cols={3} spacing="xs">
          <Stat label={t("import.total")} value={format.number(report.totalRows)} />
          <Stat label={t("import.ready")} value={format.number(report.validRows)} color="teal.8" />
          <Stat
            label={t("import.withProblems")}
            value={format.number(report.invalidRows)}
            color={report.invalidRows ? "red.8" : undefined}
          />
        </SimpleGrid>
        {good.length > 0 && (
          <Text size="sm" mt="sm">
            {t("import.willDo", {
              creates: format.number(creates),
              updates: format.number(updates),
            })}
          </Text>
        )}
      </section>

      {bad.length > 0 && (
        <section aria-labelledby="import-problems">
          <Title order={2} fz="h4" id="import-problems" mb="xs">
            {t("import.problemsTitle")}
          </Title>
          <Alert color="orange" variant="light" mb="sm">
            {good.length > 0
              ? t("import.problemsHelp", { count: bad.length, n: format.number(bad.length) })
              : t("import.nothingGood")}
          </Alert>
          <ProblemRows rows={bad} />
        </section>
      )}

      {good.length > 0 && (
        <section aria-labelledby="import-ready">
          <Title order={2} fz="h4" id="import-ready" mb="xs">
            {t("import.readyTitle")}
          </Title>
          <ReadyRows rows={good} />
        </section>
      )}

      {commit.error && <ErrorAlert error={commit.error} />}

      <Group gap="sm" justify="flex-end">
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={onAgain}
          disabled={commit.isPending}
        >
          {t("import.another")}
        </Button>
        {bad.length > 0 && good.length > 0 && (
          <ConfirmButton
            color="orange"
            variant="light"
            title={t("import.onlyGoodTitle")}
            message={t("import.onlyGoodMessage", {
              count: good.length,
              n: format.number(good.length),
              skipped: format.number(bad.length),
            })}
            confirmLabel={t("import.onlyGoodConfirm")}
            onConfirm={async () =>
              onCommitted(await commit.mutateAsync({ id: report.id, onlyValidRows: true }))
            }
          >
            {t("import.onlyGood", { count: good.length, n: format.number(good.length) })}
          </ConfirmButton>
        )}
        <Button onClick={importAll} disabled={bad.length > 0 || good.length === 0} loading={commit.isPending}>
          {t("import.all")}
        </Button>
      </Group>
      {bad.length > 0 && (
        <Text size="sm" c="dimmed" ta="right">
          {t("import.allDisabled")}
        </Text>
      )}
    </Stack>
  );
}

function ImportDone({ report, onAgain }: { report: ImportReport; onAgain: () => void }) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const good = report.rows.filter((row) => row.problems.length === 0);
  const creates = good.filter((row) => row.action === "create").length;
  const updates = good.filter((row) => row.action === "update").length;
  const skipped = report.totalRows - report.importedRows;
  return (
    <Stack gap="md">
      <Alert
        color="teal"
        variant="light"
        icon={<IconCircleCheck aria-hidden />}
        title={t("import.doneTitle")}
        role="status"
      >
        <Text size="sm">
          {t("import.done", { count: report.importedRows, n: format.number(report.importedRows) })}{" "}
          {t("import.willDoPast", { creates: format.number(creates), updates: format.number(updates) })}
        </Text>
        {skipped > 0 && (
          <Text size="sm" mt={4}>
            {t("import.skipped", { count: skipped, n: format.number(skipped) })}
          </Text>
        )}
      </Alert>
      <Group gap="sm">
        <Button component={Link} to="/facilities?sort=-updated">
          {t("import.toList")}
        </Button>
        <Button variant="default" onClick={onAgain}>
          {t("import.another")}
        </Button>
      </Group>
    </Stack>
  );
}
