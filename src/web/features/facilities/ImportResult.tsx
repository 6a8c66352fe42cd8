import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconCircleCheck, IconRefresh } from "@tabler/icons-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ConfirmButton } from "../../components/ConfirmButton";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import { type ImportReport, useCommitImport } from "./facilities.api";
import { ProblemRows, ReadyRows, summarise } from "./ImportReportRows";

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

/** The checked file: counts, the rows with problems, the rows ready, and the ways to go on. */
export function ImportCheck({
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
  const { good, creates, updates } = summarise(report);

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

/** The import has been written: how many facilities were added and updated, how many rows skipped. */
export function ImportDone({ report, onAgain }: { report: ImportReport; onAgain: () => void }) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const { creates, updates } = summarise(report);
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
