import { Alert } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { useCan } from "../auth/session";
import { FacilityBreadcrumbs } from "./FacilityNavigation";
import type { ImportReport } from "./facilities.api";
import { ImportFileForm } from "./ImportFileForm";
import { ImportCheck, ImportDone } from "./ImportResult";

/** /facilities/import — add or update many facilities from a spreadsheet: check first, then write. */
export function FacilityImportPage() {
  const { t } = useTranslation("facilities");
  const can = useCan();
  const [report, setReport] = useState<ImportReport | null>(null);
  const title = t("import.title");

  let body: ReactNode;
  if (!can("facility:import")) body = <Alert color="gray">{t("import.notAllowed")}</Alert>;
  else if (!report) body = <ImportFileForm onChecked={setReport} />;
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
