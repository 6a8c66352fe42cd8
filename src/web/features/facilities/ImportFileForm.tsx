import { Button, Code, FileInput, Group, List, Progress, Stack, Text } from "@mantine/core";
import { IconDownload, IconFileSpreadsheet, IconFileUpload } from "@tabler/icons-react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { IMPORT_COLUMNS, IMPORT_REQUIRED_COLUMNS } from "../../../contracts/facilities";
import { saveFile } from "../../api/save-file";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import { FacilitySection } from "./FacilitySection";
import { type ImportReport, uploadImport } from "./facilities.api";
import { importTemplate } from "./import-template";

/** The import's first step: what the file must hold (and a template), then choosing and checking it. */
export function ImportFileForm({ onChecked }: { onChecked: (report: ImportReport) => void }) {
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
      <FacilitySection id="import-columns" title={t("import.columnsTitle")} titleGap="xs">
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
      </FacilitySection>

      <FacilitySection id="import-file" title={t("import.fileTitle")}>
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
      </FacilitySection>
    </Stack>
  );
}
